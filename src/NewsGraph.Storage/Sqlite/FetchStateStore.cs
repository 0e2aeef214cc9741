using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>One URL's fetch history, as <c>newsgraph fetch</c> keeps it.</summary>
public sealed record FetchStateRow(string Url, string? ETag, string? LastModified, int Status, DateTime FetchedAt, DateTime? SucceededAt, int Failures);

/// <summary>
/// Remembers, in the article database, what <c>newsgraph fetch</c> learnt about each URL: the
/// ETag and Last-Modified validators for the next conditional GET, the last status, and when
/// it last succeeded. Its own table, created if missing, so it needs nothing of the article
/// schema's migrations and an older database simply gains it.
/// </summary>
public sealed class FetchStateStore
{
    private readonly SqliteConnection _connection;

    public FetchStateStore(SqliteConnection connection)
    {
        _connection = connection;
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE IF NOT EXISTS fetch_state (
                url           TEXT PRIMARY KEY,
                etag          TEXT,
                last_modified TEXT,
                status        INTEGER NOT NULL,
                fetched_at    TEXT NOT NULL,
                succeeded_at  TEXT,
                failures      INTEGER NOT NULL DEFAULT 0
            );
            """;
        cmd.ExecuteNonQuery();
    }

    public FetchStateRow? Get(string url)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT etag, last_modified, status, fetched_at, succeeded_at, failures FROM fetch_state WHERE url = $url";
        cmd.Parameters.AddWithValue("$url", url);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new FetchStateRow(url,
            r.IsDBNull(0) ? null : r.GetString(0),
            r.IsDBNull(1) ? null : r.GetString(1),
            r.GetInt32(2),
            ParseTime(r.GetString(3)),
            r.IsDBNull(4) ? null : ParseTime(r.GetString(4)),
            r.GetInt32(5));
    }

    public void Save(FetchStateRow row)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO fetch_state (url, etag, last_modified, status, fetched_at, succeeded_at, failures)
            VALUES ($url, $etag, $last_modified, $status, $fetched_at, $succeeded_at, $failures)
            ON CONFLICT(url) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, status = excluded.status,
                fetched_at = excluded.fetched_at, succeeded_at = excluded.succeeded_at, failures = excluded.failures
            """;
        cmd.Parameters.AddWithValue("$url", row.Url);
        cmd.Parameters.AddWithValue("$etag", (object?)row.ETag ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$last_modified", (object?)row.LastModified ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$status", row.Status);
        cmd.Parameters.AddWithValue("$fetched_at", FormatTime(row.FetchedAt));
        cmd.Parameters.AddWithValue("$succeeded_at", row.SucceededAt is { } s ? FormatTime(s) : DBNull.Value);
        cmd.Parameters.AddWithValue("$failures", row.Failures);
        cmd.ExecuteNonQuery();
    }

    public long Count()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM fetch_state";
        return (long)cmd.ExecuteScalar()!;
    }

    private static string FormatTime(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string s) =>
        DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
