using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Writes one GDELT Global Knowledge Graph 2.1 record per stored article: 27 tab-separated
/// columns, no header. Items are separated by ';' (by '#' in V2.1QUOTATIONS); the parts of an
/// item by '#' (counts, locations, dates) or ',' (themes, names, amounts) or '|' (quotations).
/// Offsets are character offsets (code points) into the article text, as in the extract JSON.
/// Person and organisation names are lower-cased as GDELT's are. Fields NewsGraph does not
/// produce (GCAM dimensions beyond the word count, images, embeds, translation) are empty.
/// Everything comes from the stored article JSON, one article at a time.
/// </summary>
public sealed class GkgExport(CountryTable countries)
{
    public const int Columns = 27;

    public GkgExport() : this(CountryTable.Default) { }

    public static readonly string[] ColumnNames =
    [
        "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
        "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
        "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
        "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
        "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
    ];

    public long Write(SqliteConnection connection, DateWindow window, TextWriter output)
    {
        using var cmd = connection.CreateCommand();
        var condition = window.Condition(DateWindow.ArticleDay, cmd);
        cmd.CommandText = $"""
            SELECT a.rowid, a.source, a.url, a.title, a.date, a.page_date, a.ingested_at, a.doc
            FROM articles a WHERE 1 = 1{condition} ORDER BY a.rowid
            """;
        long written = 0;
        var columns = new string[Columns];
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            long rowId = reader.GetInt64(0);
            string source = reader.GetString(1);
            string? url = GdeltEventExport.NullableString(reader, 2);
            string? date = GdeltEventExport.NullableString(reader, 4), pageDate = GdeltEventExport.NullableString(reader, 5);
            string ingested = reader.GetString(6);
            JsonDocument doc;
            try { doc = JsonDocument.Parse(reader.GetString(7)); }
            catch (JsonException) { continue; }
            using (doc)
            {
                var root = doc.RootElement;
                var entities = StoredEntities.From(root);
                var ingestedStamp = GdeltText.Timestamp(ingested) ?? "00000000000000";
                var host = GdeltText.Host(url);
                columns[0] = ingestedStamp + "-" + rowId.ToString(CultureInfo.InvariantCulture);
                columns[1] = GdeltText.Timestamp(date) ?? GdeltText.Timestamp(pageDate) ?? ingestedStamp;
                // 1 = WEB (the identifier is a URL); 2 = CITATIONONLY (a file or feed name).
                columns[2] = url is not null && host is not null ? "1" : "2";
                columns[3] = GdeltText.Field(host ?? Path.GetFileName(source));
                columns[4] = GdeltText.Field(url ?? source);
                (columns[5], columns[6]) = Counts(root, entities);
                (columns[7], columns[8]) = Themes(root);
                (columns[9], columns[10]) = Locations(entities);
                (columns[11], columns[12]) = Names(entities, EntityKind.Person);
                (columns[13], columns[14]) = Names(entities, EntityKind.Organisation);
                columns[15] = Tone(root);
                columns[16] = Dates(root);
                columns[17] = root.TryGetProperty("tone", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("wordCount", out var wc)
                    ? "wc:" + wc.GetRawText() : "";
                columns[18] = columns[19] = columns[20] = columns[21] = "";
                columns[22] = Quotations(root);
                columns[23] = AllNames(entities);
                columns[24] = Amounts(root);
                columns[25] = "";
                columns[26] = Extras(root);
            }
            output.Write(string.Join('\t', columns));
            output.Write('\n');
            written++;
        }
        return written;
    }

    private (string V1, string V21) Counts(JsonElement root, StoredEntities entities)
    {
        var v1 = new List<string>();
        var v21 = new List<string>();
        foreach (var c in Array(root, "counts"))
        {
            var kind = CountType(Str(c, "kind"));
            if (kind.Length == 0 || !c.TryGetProperty("number", out var n)) continue;
            int start = Int(c, "start") ?? 0, end = Int(c, "end") ?? start;
            var geo = entities.PlaceNear(start, end) is { } place ? GdeltGeo.ForPlace(place, countries) : null;
            // CountType#Number#ObjectType#LocationType#FullName#CountryCode#ADM1#Lat#Long#FeatureID
            var item = string.Join('#', kind, n.GetRawText(), Part(Str(c, "object"), "#;"),
                geo?.Type.ToString(CultureInfo.InvariantCulture) ?? "", Part(geo?.FullName, "#;"), geo?.CountryCode ?? "",
                geo?.Adm1 ?? "", GdeltGeo.Coordinate(geo?.Latitude), GdeltGeo.Coordinate(geo?.Longitude), Part(geo?.FeatureId, "#;"));
            v1.Add(item);
            v21.Add(item + "#" + start.ToString(CultureInfo.InvariantCulture));
        }
        return (string.Join(';', v1.Distinct()), string.Join(';', v21));
    }

    /// <summary>NewsGraph's count kinds as GDELT's count types (KILL, WOUND, ARREST ...).</summary>
    public static string CountType(string? kind)
    {
        var k = (kind ?? "").Trim().ToLowerInvariant();
        return k switch
        {
            "killed" or "kill" or "dead" or "deaths" or "died" => "KILL",
            "wounded" or "injured" or "wound" or "injury" => "WOUND",
            "arrested" or "arrest" or "detained" => "ARREST",
            "kidnapped" or "kidnap" or "abducted" or "hostages" => "KIDNAP",
            "displaced" or "refugees" or "homeless" => "DISPLACED",
            "evacuated" or "evacuation" => "EVACUATION",
            "infected" or "sickened" or "sick" or "ill" or "cases" => "SICKENED",
            "protesters" or "protest" or "demonstrators" => "PROTEST",
            "affected" or "missing" => "AFFECT",
            _ => new string(k.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()),
        };
    }

    private static (string V1, string V2) Themes(JsonElement root)
    {
        var v1 = new List<string>();
        var v2 = new List<(string Theme, int Offset)>();
        foreach (var theme in Array(root, "themes"))
        {
            var code = Part(Str(theme, "theme"), ",;#");
            if (code.Length == 0) continue;
            v1.Add(code);
            foreach (var trigger in Array(theme, "triggers"))
                v2.Add((code, Int(trigger, "start") ?? 0));
        }
        return (string.Join(';', v1.Distinct()),
            string.Join(';', v2.OrderBy(x => x.Offset).Select(x => x.Theme + "," + x.Offset.ToString(CultureInfo.InvariantCulture))));
    }

    private (string V1, string V2) Locations(StoredEntities entities)
    {
        var v1 = new List<string>();
        var v2 = new List<string>();
        foreach (var place in entities.Entities.Where(e => e.Kind == EntityKind.Location))
        {
            if (GdeltGeo.ForPlace(place, countries) is not { } geo) continue;
            var name = Part(geo.FullName, "#;");
            var lat = GdeltGeo.Coordinate(geo.Latitude);
            var lon = GdeltGeo.Coordinate(geo.Longitude);
            var feature = Part(geo.FeatureId, "#;");
            // V1: Type#FullName#CountryCode#ADM1Code#Lat#Long#FeatureID
            v1.Add(string.Join('#', geo.Type, name, geo.CountryCode, geo.Adm1, lat, lon, feature));
            // V2: Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset
            v2.Add(string.Join('#', geo.Type, name, geo.CountryCode, geo.Adm1, geo.Adm2, lat, lon, feature, place.Start));
        }
        return (string.Join(';', v1.Distinct()), string.Join(';', v2));
    }

    private static (string V1, string V2) Names(StoredEntities entities, EntityKind kind)
    {
        var mentions = entities.Entities.Where(e => e.Kind == kind)
            .Select(e => (Name: Part(e.Name, ",;#").ToLowerInvariant(), e.Start)).Where(m => m.Name.Length > 0).ToList();
        return (string.Join(';', mentions.Select(m => m.Name).Distinct()),
            string.Join(';', mentions.Select(m => m.Name + "," + m.Start.ToString(CultureInfo.InvariantCulture))));
    }

    private static string AllNames(StoredEntities entities) =>
        string.Join(';', entities.Entities.Where(e => e.Kind != EntityKind.Other || e.Canonical is not null)
            .Select(e => (Name: Part(e.Name, ",;#"), e.Start)).Where(m => m.Name.Length > 0)
            .Select(m => m.Name + "," + m.Start.ToString(CultureInfo.InvariantCulture)));

    private static string Tone(JsonElement root)
    {
        if (!root.TryGetProperty("tone", out var t) || t.ValueKind != JsonValueKind.Object) return "";
        string N(string name) => t.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "0";
        return string.Join(',', N("tone"), N("positive"), N("negative"), N("polarity"), N("activityDensity"), N("selfGroupDensity"), N("wordCount"));
    }

    /// <summary>Resolution#Month#Day#Year#Offset: 4 a full date, 3 month and day, 2 month and year, 1 a year.</summary>
    private static string Dates(JsonElement root)
    {
        var items = new List<string>();
        foreach (var d in Array(root, "dates"))
        {
            var value = Str(d, "value") ?? "";
            int offset = Int(d, "start") ?? 0;
            string? item = null;
            if (System.Text.RegularExpressions.Regex.Match(value, @"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?$") is { Success: true } m)
            {
                bool year = m.Groups[1].Value != "XXXX", month = m.Groups[2].Success, day = m.Groups[3].Success;
                int resolution = year && month && day ? 4 : !year && month && day ? 3 : year && month && !day ? 2 : year && !month ? 1 : 0;
                if (resolution > 0)
                    item = string.Join('#', resolution, month ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0,
                        day ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0, year ? m.Groups[1].Value : "0", offset);
            }
            if (item is not null) items.Add(item);
        }
        return string.Join(';', items);
    }

    /// <summary>Offset|Length|Verb|Quote, items separated by '#'.</summary>
    private static string Quotations(JsonElement root)
    {
        var items = new List<string>();
        foreach (var q in Array(root, "quotes"))
        {
            int start = Int(q, "start") ?? 0, end = Int(q, "end") ?? start;
            items.Add(string.Join('|', start, end - start, Part(Str(q, "verb"), "|#"), Part(Str(q, "text"), "|#")));
        }
        return string.Join('#', items);
    }

    /// <summary>Amount,Object,Offset.</summary>
    private static string Amounts(JsonElement root)
    {
        var items = new List<string>();
        foreach (var a in Array(root, "amounts"))
        {
            if (!a.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number) continue;
            var what = Str(a, "object") ?? Str(a, "unit") ?? "";
            items.Add(string.Join(',', GdeltText.Number(v.GetDouble(), "0.######"), Part(what, ",;#"), Int(a, "start") ?? 0));
        }
        return string.Join(';', items);
    }

    private static string Extras(JsonElement root)
    {
        var sb = new StringBuilder();
        var title = Str(root, "title");
        if (!string.IsNullOrWhiteSpace(title)) sb.Append("<PAGE_TITLE>").Append(Xml(title)).Append("</PAGE_TITLE>");
        var authors = Array(root, "authors").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList();
        if (authors.Count > 0) sb.Append("<PAGE_AUTHORS>").Append(Xml(string.Join(';', authors))).Append("</PAGE_AUTHORS>");
        return sb.ToString();
    }

    private static string Xml(string text) => SecurityElement.Escape(GdeltText.Field(text)) ?? "";

    private static string Part(string? value, string delimiters) => GdeltText.Item(GdeltText.Field(value), delimiters);

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
