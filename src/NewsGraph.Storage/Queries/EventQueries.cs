using Microsoft.Data.Sqlite;
using NewsGraph.Storage.Export;

namespace NewsGraph.Storage.Queries;

/// <summary>
/// Which events to read. Actor codes match by prefix, as CAMEO codes nest: "IRN" matches IRN,
/// IRNGOV and IRNMIL. <see cref="Actor"/> matches either side; <see cref="Root"/> is the
/// two-digit CAMEO root ("19" for fight; "4" means "04").
/// </summary>
public sealed record EventFilter
{
    public string? Actor { get; init; }
    public string? Source { get; init; }
    public string? Target { get; init; }
    public string? Root { get; init; }
    public DateWindow Window { get; init; }
    public int? Limit { get; init; }
    public bool NewestFirst { get; init; }
}

/// <summary>One coded event as stored (one row per mention), with its article's id, address and tone.</summary>
public sealed record EventMention(
    long EventId, string ArticleId, string? Day, string? Source, string? Target, string? SourceText, string? TargetText,
    string Code, string? Root, int QuadClass, double Goldstein, string Modality, bool Negated, string? Claimant,
    string Text, int Start, int End, string? Url, string ArticleSource, string Title, double? ArticleTone)
{
    public string BaseCode => Code.Length >= 3 ? Code[..3] : Code;
    public string RootCode => Root ?? (Code.Length >= 2 ? Code[..2] : Code);
}

/// <summary>A directed actor pair with how much they did to each other.</summary>
public sealed record Dyad(string Source, string Target, long Events, double MeanGoldstein, double ConflictShare,
    long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict, string? FirstDay, string? LastDay);

/// <summary>The event and dyad queries behind <c>newsgraph events</c>, <c>dyads</c> and the event exports. All SQL is parameterised.</summary>
public static class EventQueries
{
    /// <summary>Streams the events <paramref name="filter"/> selects, oldest first unless asked otherwise.</summary>
    public static IEnumerable<EventMention> Events(SqliteConnection connection, EventFilter filter)
    {
        using var cmd = connection.CreateCommand();
        var where = new List<string>();
        if (filter.Actor is { } actor)
            where.Add($"({PrefixMatch("e.source", "$actor", actor, cmd)} OR {PrefixMatch("e.target", "$actor", actor, cmd, addParameters: false)})");
        if (filter.Source is { } source) where.Add(PrefixMatch("e.source", "$source", source, cmd));
        if (filter.Target is { } target) where.Add(PrefixMatch("e.target", "$target", target, cmd));
        if (filter.Root is { } root)
        {
            where.Add("coalesce(nullif(e.root, ''), substr(e.code, 1, 2)) = $root");
            cmd.Parameters.AddWithValue("$root", NormaliseRoot(root));
        }
        var condition = filter.Window.Condition("e.day", cmd);
        var order = filter.NewestFirst ? "e.day DESC, e.rowid DESC" : "e.rowid";
        cmd.CommandText = $"""
            SELECT e.rowid, a.id, e.day, nullif(e.source, ''), nullif(e.target, ''), e.source_text, e.target_text,
                   e.code, e.root, e.quad_class, e.goldstein, e.modality, e.negated, e.claimant,
                   e.text, e.start, e.end, a.url, a.source, a.title, t.tone
            FROM events e JOIN articles a ON a.rowid = e.article LEFT JOIN tone t ON t.article = e.article
            WHERE 1 = 1{string.Concat(where.Select(w => " AND " + w))}{condition}
            ORDER BY {order}
            {(filter.Limit is not null ? "LIMIT $limit" : "")}
            """;
        if (filter.Limit is { } limit) cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new EventMention(r.GetInt64(0), r.GetString(1), S(r, 2), S(r, 3), S(r, 4), S(r, 5), S(r, 6),
                r.GetString(7), S(r, 8), r.GetInt32(9), r.GetDouble(10), r.GetString(11), r.GetInt64(12) != 0, S(r, 13),
                r.GetString(14), r.GetInt32(15), r.GetInt32(16), S(r, 17), r.GetString(18), r.GetString(19),
                r.IsDBNull(20) ? null : r.GetDouble(20));
        }
    }

    /// <summary>
    /// The <paramref name="top"/> directed actor pairs by number of events (negated events left
    /// out), with mean Goldstein and the share of conflict (QuadClass 3 and 4).
    /// </summary>
    public static IReadOnlyList<Dyad> Dyads(SqliteConnection connection, int top, DateWindow window = default)
    {
        using var cmd = connection.CreateCommand();
        var condition = window.Condition("e.day", cmd);
        cmd.CommandText = $"""
            SELECT e.source, e.target, count(*), avg(e.goldstein),
                   sum(e.quad_class IN (3, 4)) * 1.0 / count(*),
                   sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4),
                   min(e.day), max(e.day)
            FROM events e
            WHERE e.negated = 0 AND nullif(e.source, '') IS NOT NULL AND nullif(e.target, '') IS NOT NULL{condition}
            GROUP BY e.source, e.target
            ORDER BY count(*) DESC, e.source, e.target
            LIMIT $top
            """;
        cmd.Parameters.AddWithValue("$top", top);
        var list = new List<Dyad>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new Dyad(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), S(r, 9), S(r, 10)));
        return list;
    }

    /// <summary>"4" and "04" are the same root; anything else is passed on as given (and matches nothing).</summary>
    public static string NormaliseRoot(string root)
    {
        var r = root.Trim();
        return r.Length == 1 && char.IsAsciiDigit(r[0]) ? "0" + r : r;
    }

    /// <summary>
    /// Codes starting with <paramref name="prefix"/>, as a range so that the index on the column
    /// serves it and no character of the user's input means anything to SQL.
    /// </summary>
    private static string PrefixMatch(string column, string parameter, string prefix, SqliteCommand cmd, bool addParameters = true)
    {
        if (addParameters)
        {
            var p = prefix.Trim().ToUpperInvariant();
            cmd.Parameters.AddWithValue(parameter, p);
            cmd.Parameters.AddWithValue(parameter + "_end", p + "\uFFFF");
        }
        return $"({column} >= {parameter} AND {column} < {parameter}_end)";
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
