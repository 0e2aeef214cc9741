using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>Quotes and their speakers: who said what, for "what did X say" queries.</summary>
public sealed class QuoteTable : IAnnotationTable
{
    // The verb is null for a quote no speech verb attributes (a quoted paragraph with no attribution).
    public string Schema => """
        CREATE TABLE IF NOT EXISTS quotes (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            speaker     TEXT,
            speaker_type TEXT,
            speaker_entity TEXT,
            verb        TEXT,
            direct      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
        """;

    /// <summary>Stores written by the first builds declared the verb NOT NULL: rebuild the table, rows kept.</summary>
    public void Upgrade(SqliteConnection connection, SqliteTransaction transaction)
    {
        bool verbRequired = false;
        using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = "SELECT \"notnull\" FROM pragma_table_info('quotes') WHERE name = 'verb'";
            verbRequired = info.ExecuteScalar() is long n && n == 1;
        }
        if (!verbRequired) return;
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = """
            ALTER TABLE quotes RENAME TO quotes_before_upgrade;
            DROP INDEX IF EXISTS quotes_article;
            DROP INDEX IF EXISTS quotes_speaker;
            """ + Schema + """
            INSERT INTO quotes (article, start, end, text, speaker, speaker_type, speaker_entity, verb, direct)
                SELECT article, start, end, text, speaker, speaker_type, speaker_entity, verb, direct FROM quotes_before_upgrade;
            DROP TABLE quotes_before_upgrade;
            """;
        cmd.ExecuteNonQuery();
    }

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "quotes",
            "article", "start", "end", "text", "speaker", "speaker_type", "speaker_entity", "verb", "direct");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var q in article.Quotes)
                _insert.Set("article", articleRowId).Set("start", offsets[q.Span.Start]).Set("end", offsets[q.Span.End])
                    .Set("text", article.Slice(q.Span)).Set("speaker", q.Speaker).Set("speaker_type", q.SpeakerType)
                    .Set("speaker_entity", q.SpeakerEntity).Set("verb", q.Verb).Set("direct", q.Direct ? 1 : 0).Run();
        }

        public void Dispose() => _insert.Dispose();
    }

    /// <summary>
    /// Stored quotes, newest articles first and in reading order within one. <paramref name="speaker"/>
    /// matches a whole name or any whole words of it ("Ryabkov" finds "Sergey Ryabkov", not "Ryabkova"),
    /// or an entity id; case is ignored. Every value is bound as a parameter.
    /// </summary>
    public static IReadOnlyList<StoredQuote> Find(SqliteConnection connection, string? speaker, string? speakerType, int limit)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT a.id, a.title, coalesce(a.date, a.page_date), q.text, q.start, q.end, q.speaker, q.speaker_type,
                   q.speaker_entity, q.verb, q.direct
            FROM quotes q JOIN articles a ON a.rowid = q.article
            WHERE ($speaker IS NULL
                   OR q.speaker = $speaker COLLATE NOCASE
                   OR q.speaker_entity = $speaker
                   OR q.speaker LIKE $starts ESCAPE '\'
                   OR q.speaker LIKE $ends ESCAPE '\'
                   OR q.speaker LIKE $inside ESCAPE '\')
              AND ($type IS NULL OR q.speaker_type = $type)
            ORDER BY coalesce(a.date, a.page_date, '') DESC, a.rowid DESC, q.start
            LIMIT $limit
            """;
        var name = speaker?.Trim();
        var literal = name is null ? null : EscapeLike(name);
        cmd.Parameters.AddWithValue("$speaker", (object?)name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$starts", literal is null ? DBNull.Value : literal + " %");
        cmd.Parameters.AddWithValue("$ends", literal is null ? DBNull.Value : "% " + literal);
        cmd.Parameters.AddWithValue("$inside", literal is null ? DBNull.Value : "% " + literal + " %");
        cmd.Parameters.AddWithValue("$type", (object?)speakerType ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        var list = new List<StoredQuote>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new StoredQuote(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                r.GetInt32(4), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetInt64(10) != 0));
        return list;
    }

    /// <summary>A user's words taken as words: % and _ match themselves.</summary>
    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>A stored quote with its article, as <c>newsgraph quotes</c> prints it.</summary>
public sealed record StoredQuote(string ArticleId, string Title, string? Date, string Text, int Start, int End,
    string? Speaker, string? SpeakerType, string? SpeakerEntity, string? Verb, bool Direct);
