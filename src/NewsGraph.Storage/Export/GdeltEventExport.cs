using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Writes the store's events in the GDELT 2.0 Event layout: 61 tab-separated columns, no
/// header, one line per event. As GDELT does, mentions of the same event (same day, actors and
/// CAMEO code) in one or many articles are one event, counted in NumMentions, NumSources
/// (distinct publishers) and NumArticles; AvgTone is the mean tone of those articles; IsRootEvent
/// is 1 when a mention is in an article's lead paragraph; SOURCEURL and DATEADDED are the first
/// article's. Negated events ("did not attack") are left out, as GDELT codes none.
/// Geography: ActionGeo is the place named nearest the event in its sentence; Actor1Geo and
/// Actor2Geo are the actor's own place when it is one, else its country; empty when unknown.
/// Streams: one grouped query, and each event's first article read when it is written.
/// </summary>
public sealed class GdeltEventExport(CountryTable countries)
{
    public const int Columns = 61;

    public GdeltEventExport() : this(CountryTable.Default) { }

    public long Write(SqliteConnection connection, DateWindow window, TextWriter output)
    {
        using var events = connection.CreateCommand();
        var condition = window.Condition("e.day", events);
        const string isRoot = "(instr(a.text, char(10) || char(10)) = 0 OR e.start < instr(a.text, char(10) || char(10)) - 1)";
        events.CommandText = $"""
            WITH m AS (
                SELECT e.day AS day, nullif(e.source, '') AS source, nullif(e.target, '') AS target, e.code AS code,
                       e.article AS article, min(e.rowid) AS first_id, count(*) AS mentions,
                       sum({isRoot}) AS roots, avg(e.goldstein) AS goldstein, {GdeltText.SqlHost} AS host
                FROM events e JOIN articles a ON a.rowid = e.article
                WHERE e.negated = 0{condition}
                GROUP BY 1, 2, 3, 4, 5)
            SELECT min(m.first_id) AS id, m.day, m.source, m.target, m.code, sum(m.mentions), count(DISTINCT m.host),
                   count(*), avg(t.tone), sum(m.roots), avg(m.goldstein)
            FROM m LEFT JOIN tone t ON t.article = m.article
            GROUP BY m.day, m.source, m.target, m.code
            ORDER BY m.day, id
            """;

        using var first = connection.CreateCommand();
        first.CommandText = """
            SELECT e.article, e.start, e.end, e.source_text, e.target_text, e.root, e.quad_class,
                   a.url, a.source, a.ingested_at
            FROM events e JOIN articles a ON a.rowid = e.article WHERE e.rowid = $id
            """;
        var firstId = first.Parameters.Add("$id", SqliteType.Integer);
        using var docs = new ArticleDocCache(connection);

        long written = 0;
        var columns = new List<string>(Columns);
        using var reader = events.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            firstId.Value = id;
            using var row = first.ExecuteReader();
            if (!row.Read()) continue;
            long article = row.GetInt64(0);
            int start = row.GetInt32(1), end = row.GetInt32(2);
            string? sourceText = NullableString(row, 3), targetText = NullableString(row, 4), root = NullableString(row, 5);
            int quadClass = row.GetInt32(6);
            string? url = NullableString(row, 7);
            string articleSource = row.GetString(8), ingestedAt = row.GetString(9);
            var entities = docs.Get(article);

            var dayText = NullableString(reader, 1);
            var day = GdeltText.Day(dayText) ?? GdeltText.Day(ingestedAt) ?? DateOnly.MinValue;
            string? source = NullableString(reader, 2), target = NullableString(reader, 3);
            var code = reader.GetString(4);

            columns.Clear();
            columns.Add(id.ToString(CultureInfo.InvariantCulture));
            columns.Add(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            columns.Add(day.ToString("yyyyMM", CultureInfo.InvariantCulture));
            columns.Add(day.ToString("yyyy", CultureInfo.InvariantCulture));
            columns.Add(GdeltText.Number(day.Year + (double)day.DayOfYear / (DateTime.IsLeapYear(day.Year) ? 366 : 365), "0.0000"));
            var actor1 = entities?.ForActor(source, sourceText, start, end);
            var actor2 = entities?.ForActor(target, targetText, start, end);
            AddActor(columns, source, sourceText, actor1);
            AddActor(columns, target, targetText, actor2);
            columns.Add(reader.GetInt64(9) > 0 ? "1" : "0");
            columns.Add(code);
            columns.Add(code.Length >= 3 ? code[..3] : code);
            columns.Add(root ?? (code.Length >= 2 ? code[..2] : code));
            columns.Add(quadClass.ToString(CultureInfo.InvariantCulture));
            columns.Add(GdeltText.Number(reader.GetDouble(10), "0.0"));
            columns.Add(reader.GetInt64(5).ToString(CultureInfo.InvariantCulture));
            columns.Add(reader.GetInt64(6).ToString(CultureInfo.InvariantCulture));
            columns.Add(reader.GetInt64(7).ToString(CultureInfo.InvariantCulture));
            columns.Add(reader.IsDBNull(8) ? "0" : GdeltText.Number(reader.GetDouble(8)));
            AddGeo(columns, ActorGeo(source, actor1));
            AddGeo(columns, ActorGeo(target, actor2));
            AddGeo(columns, entities?.PlaceNear(start, end) is { } place ? GdeltGeo.ForPlace(place, countries) : null);
            columns.Add(GdeltText.Timestamp(ingestedAt) ?? "");
            columns.Add(GdeltText.Field(url ?? articleSource));

            output.Write(string.Join('\t', columns));
            output.Write('\n');
            written++;
        }
        return written;
    }

    private void AddActor(List<string> columns, string? code, string? surface, StoredEntity? entity)
    {
        var actor = CameoActor.Parse(code, countries);
        if (actor is null && surface is null && entity is null)
        {
            for (int i = 0; i < 10; i++) columns.Add("");
            return;
        }
        columns.Add(GdeltText.Field(actor?.Code));
        // GDELT writes actor names in capitals.
        columns.Add(GdeltText.Field((entity?.Name ?? surface)?.ToUpperInvariant()));
        columns.Add(GdeltText.Field(actor?.Country ?? (countries.ByIso3(entity?.Country) is { } c ? c.Iso3 : null)));
        columns.Add(GdeltText.Field(actor?.KnownGroup));
        columns.Add(""); // EthnicCode: CAMEO ethnic codes are not told apart from group codes here.
        columns.Add(GdeltText.Field(actor?.Religion1));
        columns.Add(GdeltText.Field(actor?.Religion2));
        columns.Add(GdeltText.Field(actor?.Type1));
        columns.Add(GdeltText.Field(actor?.Type2));
        columns.Add(GdeltText.Field(actor?.Type3));
    }

    private GdeltGeo? ActorGeo(string? code, StoredEntity? entity)
    {
        if (entity is { Kind: EntityKind.Location } && GdeltGeo.ForPlace(entity, countries) is { } place) return place;
        var country = CameoActor.Parse(code, countries)?.Country ?? entity?.Country;
        return GdeltGeo.ForCountry(country, countries);
    }

    private static void AddGeo(List<string> columns, GdeltGeo? geo)
    {
        if (geo is null)
        {
            columns.AddRange(GdeltGeo.EmptyColumns);
            return;
        }
        foreach (var c in geo.EventColumns()) columns.Add(GdeltText.Field(c));
    }

    internal static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

/// <summary>The entities of recently exported articles, read from their JSON once each; holds a few at a time.</summary>
internal sealed class ArticleDocCache(SqliteConnection connection, int capacity = 64) : IDisposable
{
    private readonly Dictionary<long, StoredEntities?> _cache = new();
    private SqliteCommand? _command;
    private SqliteParameter? _rowId;

    public StoredEntities? Get(long articleRowId)
    {
        if (_cache.TryGetValue(articleRowId, out var hit)) return hit;
        if (_cache.Count >= capacity) _cache.Clear();
        if (_command is null)
        {
            _command = connection.CreateCommand();
            _command.CommandText = "SELECT doc FROM articles WHERE rowid = $rowid";
            _rowId = _command.Parameters.Add("$rowid", SqliteType.Integer);
        }
        _rowId!.Value = articleRowId;
        StoredEntities? entities = null;
        if (_command.ExecuteScalar() is string json)
        {
            try { entities = StoredEntities.Parse(json); }
            catch (System.Text.Json.JsonException) { entities = null; }
        }
        _cache[articleRowId] = entities;
        return entities;
    }

    public void Dispose() => _command?.Dispose();
}
