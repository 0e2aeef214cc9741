using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Writes the actor network as GraphML (opens in Gephi, yEd, NetworkX, igraph): each CAMEO
/// actor code that takes part in a dyadic event is a node (label = the name most often used for
/// it, its code and country); the events from one actor to another are one directed edge with
/// their count (also as weight), mean Goldstein score, count per QuadClass, conflict share
/// (QuadClass 3-4) and first and last day. Negated events are left out. Both passes are
/// grouped in SQLite, so nothing but one node or edge is held at a time.
/// </summary>
public sealed class GraphMlExport(CountryTable countries)
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public GraphMlExport() : this(CountryTable.Default) { }

    /// <summary>The declared attributes: id, domain, name, type.</summary>
    public static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"),
        ("code", "node", "code", "string"),
        ("country", "node", "country", "string"),
        ("events", "node", "events", "int"),
        ("weight", "edge", "weight", "double"),
        ("count", "edge", "count", "int"),
        ("goldstein", "edge", "goldstein_mean", "double"),
        ("quad1", "edge", "verbal_cooperation", "int"),
        ("quad2", "edge", "material_cooperation", "int"),
        ("quad3", "edge", "verbal_conflict", "int"),
        ("quad4", "edge", "material_conflict", "int"),
        ("conflict", "edge", "conflict_share", "double"),
        ("first", "edge", "first_day", "string"),
        ("last", "edge", "last_day", "string"),
    ];

    public (long Nodes, long Edges) Write(SqliteConnection connection, DateWindow window, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", CloseOutput = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        foreach (var (id, domain, name, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", domain);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "actors");
        xml.WriteAttributeString("edgedefault", "directed");

        long nodes = WriteNodes(connection, window, xml);
        long edges = WriteEdges(connection, window, xml);

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.Write('\n');
        return (nodes, edges);
    }

    private const string Dyadic = "e.negated = 0 AND nullif(e.source, '') IS NOT NULL AND nullif(e.target, '') IS NOT NULL";

    private long WriteNodes(SqliteConnection connection, DateWindow window, XmlWriter xml)
    {
        using var cmd = connection.CreateCommand();
        var condition = window.Condition("e.day", cmd);
        cmd.CommandText = $"""
            WITH mentions AS (
                SELECT e.source AS code, nullif(e.source_text, '') AS name FROM events e WHERE {Dyadic}{condition}
                UNION ALL
                SELECT e.target, nullif(e.target_text, '') FROM events e WHERE {Dyadic}{condition})
            SELECT code, name, count(*) AS n FROM mentions GROUP BY code, name ORDER BY code, name IS NULL, n DESC, name
            """;
        long written = 0;
        string? code = null, label = null;
        long events = 0;
        void Flush()
        {
            if (code is null) return;
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", XmlSafe(code));
            Data(xml, "label", label ?? code);
            Data(xml, "code", code);
            Data(xml, "country", CameoActor.Parse(code, countries)?.Country ?? "");
            Data(xml, "events", events.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            written++;
        }
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var rowCode = r.GetString(0);
            if (rowCode != code)
            {
                Flush();
                code = rowCode;
                label = r.IsDBNull(1) ? null : r.GetString(1);
                events = 0;
            }
            events += r.GetInt64(2);
        }
        Flush();
        return written;
    }

    private static long WriteEdges(SqliteConnection connection, DateWindow window, XmlWriter xml)
    {
        using var cmd = connection.CreateCommand();
        var condition = window.Condition("e.day", cmd);
        cmd.CommandText = $"""
            SELECT e.source, e.target, count(*), avg(e.goldstein),
                   sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4),
                   min(e.day), max(e.day)
            FROM events e WHERE {Dyadic}{condition}
            GROUP BY e.source, e.target ORDER BY e.source, e.target
            """;
        long written = 0;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            long count = r.GetInt64(2);
            long conflict = r.GetInt64(6) + r.GetInt64(7);
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + (++written).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", XmlSafe(r.GetString(0)));
            xml.WriteAttributeString("target", XmlSafe(r.GetString(1)));
            Data(xml, "weight", count.ToString(CultureInfo.InvariantCulture));
            Data(xml, "count", count.ToString(CultureInfo.InvariantCulture));
            Data(xml, "goldstein", GdeltText.Number(r.GetDouble(3), "0.###"));
            for (int q = 1; q <= 4; q++) Data(xml, "quad" + q, r.GetInt64(3 + q).ToString(CultureInfo.InvariantCulture));
            Data(xml, "conflict", GdeltText.Number(count == 0 ? 0 : (double)conflict / count, "0.####"));
            Data(xml, "first", r.IsDBNull(8) ? "" : r.GetString(8));
            Data(xml, "last", r.IsDBNull(9) ? "" : r.GetString(9));
            xml.WriteEndElement();
        }
        return written;
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates), which news text may hold.</summary>
    public static string XmlSafe(string value)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool ok;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) sb?.Append(c);
            else sb ??= new StringBuilder(value, 0, i, value.Length);
        }
        return sb?.ToString() ?? value;
    }
}
