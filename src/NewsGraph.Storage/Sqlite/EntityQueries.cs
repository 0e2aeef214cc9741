using Microsoft.Data.Sqlite;
using NewsGraph.Core.Knowledge;

namespace NewsGraph.Storage.Sqlite;

/// <summary>A stored entity as listings show it.</summary>
public sealed record EntitySummary(string Id, string Type, string Canonical, string? Country, string? Role, string? Actor, long Articles, long Mentions);

public sealed record EntityAlias(string Alias, long Mentions);
public sealed record EntityRole(string? Role, string? Country, string? Actor, long Mentions);
public sealed record EntityCountry(string Country, long Mentions);
public sealed record EntityArticle(string Id, string Title, string? Date, long Mentions);
public sealed record CooccurringEntity(string Id, string Type, string Canonical, long Articles);

/// <summary>Everything the store knows of one entity.</summary>
public sealed record EntityDetail(
    EntitySummary Entity,
    IReadOnlyList<EntityAlias> Aliases,
    IReadOnlyList<EntityRole> Roles,
    IReadOnlyList<EntityCountry> Countries,
    IReadOnlyList<EntityArticle> Articles,
    IReadOnlyList<CooccurringEntity> Cooccurring);

/// <summary>
/// Reads the entity tables written by <see cref="Annotations.EntityTable"/>: the most mentioned
/// entities, and one entity's names, roles, countries, articles and company.
/// </summary>
public sealed class EntityQueries(SqliteConnection connection)
{
    /// <summary>Whether the database has entity tables (one written before they existed has none until re-ingested).</summary>
    public bool Available()
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('entities', 'entity_aliases', 'mentions')";
        return (long)cmd.ExecuteScalar()! == 3;
    }

    /// <summary>Entities by the number of articles that mention them, then mentions.</summary>
    public IReadOnlyList<EntitySummary> Top(int limit, string? type = null, string? country = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {SummaryColumns} FROM entities
            WHERE ($type IS NULL OR type = $type) AND ($country IS NULL OR country = $country)
            ORDER BY articles DESC, mentions DESC, canonical LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$type", (object?)type?.ToUpperInvariant() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$country", (object?)country?.ToUpperInvariant() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadSummaries(cmd);
    }

    /// <summary>
    /// The entities a user's words name: an id; else a canonical name (and, for a single word, every
    /// person of that surname); else a name one was written under; else a surname. Most mentioned first.
    /// </summary>
    public IReadOnlyList<EntitySummary> Find(string name, int limit = 20)
    {
        var trimmed = name.Trim();
        var key = NameKey.Of(trimmed);
        // An id names its entity by the name it was first stored under; one made from the name shown
        // now ("person:hossein-amir-abdollahian" after the entity grew from "Amir-Abdollahian") finds it too.
        int colon = trimmed.IndexOf(':');
        var (idType, idKey) = colon > 0 ? (trimmed[..colon].ToUpperInvariant(), NameKey.Of(trimmed.AsSpan(colon + 1))) : ("", "");
        // One word names every person of that surname as well: "Blair" lists Tony, Cherie and a bare "Blair".
        bool oneWord = key.Length > 0 && !key.Contains(' ');
        foreach (var (sql, value, type) in new (string, string, string)[]
                 {
                     ("id = $value", trimmed, ""),
                     ("type = $type AND name_key = $value", idKey, idType),
                     (oneWord ? "name_key = $value OR (type = 'PERSON' AND surname = $value)" : "name_key = $value", key, ""),
                     ("rowid IN (SELECT entity FROM entity_aliases WHERE alias_key = $value)", key, ""),
                     ("type = 'PERSON' AND surname = $value", key, ""),
                 })
        {
            if (value.Length == 0) continue;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {SummaryColumns} FROM entities WHERE {sql} ORDER BY articles DESC, mentions DESC LIMIT $limit";
            cmd.Parameters.AddWithValue("$value", value);
            cmd.Parameters.AddWithValue("$type", type);
            cmd.Parameters.AddWithValue("$limit", limit);
            var found = ReadSummaries(cmd);
            if (found.Count > 0) return found;
        }
        return [];
    }

    public EntityDetail? Detail(string id, int articles = 20, int cooccurring = 15)
    {
        using var head = connection.CreateCommand();
        head.CommandText = $"SELECT {SummaryColumns}, rowid FROM entities WHERE id = $id";
        head.Parameters.AddWithValue("$id", id);
        EntitySummary entity;
        long rowId;
        using (var r = head.ExecuteReader())
        {
            if (!r.Read()) return null;
            entity = Summary(r);
            rowId = r.GetInt64(8);
        }

        var aliases = Rows("SELECT alias, mentions FROM entity_aliases WHERE entity = $e ORDER BY mentions DESC, alias", rowId, -1,
            r => new EntityAlias(r.GetString(0), r.GetInt64(1)));
        var roles = Rows("""
            SELECT role, country, actor, count(*) AS n FROM mentions WHERE entity = $e AND (role IS NOT NULL OR actor IS NOT NULL)
            GROUP BY role, country, actor ORDER BY n DESC LIMIT 20
            """, rowId, -1, r => new EntityRole(Text(r, 0), Text(r, 1), Text(r, 2), r.GetInt64(3)));
        var countries = Rows("SELECT country, count(*) AS n FROM mentions WHERE entity = $e AND country IS NOT NULL GROUP BY country ORDER BY n DESC",
            rowId, -1, r => new EntityCountry(r.GetString(0), r.GetInt64(1)));
        var inArticles = Rows("""
            SELECT a.id, a.title, coalesce(a.date, a.page_date), count(*) AS n FROM mentions m JOIN articles a ON a.rowid = m.article
            WHERE m.entity = $e GROUP BY m.article ORDER BY coalesce(a.date, a.page_date, '') DESC, a.rowid DESC LIMIT $limit
            """, rowId, articles, r => new EntityArticle(r.GetString(0), r.GetString(1), Text(r, 2), r.GetInt64(3)));
        var company = Rows("""
            SELECT e.id, e.type, e.canonical, count(DISTINCT o.article) AS n
            FROM (SELECT DISTINCT article FROM mentions WHERE entity = $e) mine
            JOIN mentions o ON o.article = mine.article
            JOIN entities e ON e.rowid = o.entity
            WHERE o.entity <> $e
            GROUP BY o.entity ORDER BY n DESC, e.articles DESC LIMIT $limit
            """, rowId, cooccurring, r => new CooccurringEntity(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
        return new EntityDetail(entity, aliases, roles, countries, inArticles, company);
    }

    // A place is an actor in some mentions only ("London said", "in London"): it shows the government
    // reading only when most of its mentions have one (actor_mentions counts them).
    private const string SummaryColumns =
        "id, type, canonical, country, " +
        "CASE WHEN type IN ('GPE', 'LOC') AND actor_mentions * 2 <= mentions THEN NULL ELSE role END, " +
        "CASE WHEN type IN ('GPE', 'LOC') AND actor_mentions * 2 <= mentions THEN NULL ELSE actor END, articles, mentions";

    private static EntitySummary Summary(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), r.GetInt64(6), r.GetInt64(7));

    private static List<EntitySummary> ReadSummaries(SqliteCommand cmd)
    {
        var list = new List<EntitySummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(Summary(r));
        return list;
    }

    private List<T> Rows<T>(string sql, long entity, int limit, Func<SqliteDataReader, T> read)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$e", entity);
        if (limit >= 0) cmd.Parameters.AddWithValue("$limit", limit);
        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
