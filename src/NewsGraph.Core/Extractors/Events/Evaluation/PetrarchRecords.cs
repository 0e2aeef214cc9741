using System.Xml;
using NewsGraph.Core.Extractors.Events.Dictionaries;

namespace NewsGraph.Core.Extractors.Events.Evaluation;

/// <summary>An event a record expects: CAMEO source and target actor codes and the event code.</summary>
public readonly record struct ExpectedEvent(string Source, string? Target, string Code);

/// <summary>One validation record: its sentence, day, category, and the events it should yield (none, or an error it should raise).</summary>
public sealed record PetrarchRecord(string Id, string Category, string? Date, string Text, IReadOnlyList<ExpectedEvent> Events, string? Error);

/// <summary>
/// Reads PETRARCH validation files (PETR.UnitTest.records.xml): the &lt;Environment&gt; naming the
/// dictionaries, and each &lt;Sentence&gt; with its &lt;EventCoding&gt; lines and &lt;Text&gt;. The parse
/// trees are ignored: NewsGraph codes from the raw text.
/// </summary>
public static class PetrarchRecords
{
    public sealed record File(IReadOnlyList<PetrarchRecord> Records, IReadOnlyList<(string Name, DictionaryKind Kind)> Dictionaries);

    public static File Read(string path)
    {
        var records = new List<PetrarchRecord>();
        var dictionaries = new List<(string, DictionaryKind)>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, XmlResolver = null, MaxCharactersInDocument = 64L << 20 };
        using var reader = XmlReader.Create(path, settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.Name)
            {
                case "Verbfile": dictionaries.Add((reader.ReadElementContentAsString().Trim(), DictionaryKind.Verbs)); break;
                case "Actorfile": dictionaries.Add((reader.ReadElementContentAsString().Trim(), DictionaryKind.Actors)); break;
                case "Agentfile": dictionaries.Add((reader.ReadElementContentAsString().Trim(), DictionaryKind.Agents)); break;
                case "Discardfile": dictionaries.Add((reader.ReadElementContentAsString().Trim(), DictionaryKind.Discards)); break;
                case "Sentence": records.Add(ReadSentence(reader)); break;
            }
        }
        return new File(records, dictionaries);
    }

    private static PetrarchRecord ReadSentence(XmlReader reader)
    {
        var id = reader.GetAttribute("id")?.Trim() ?? "";
        var category = reader.GetAttribute("category")?.Trim() ?? "";
        var date = reader.GetAttribute("date")?.Trim();
        var events = new List<ExpectedEvent>();
        string text = "";
        string? error = null;
        using var sub = reader.ReadSubtree();
        while (sub.Read())
        {
            if (sub.NodeType != XmlNodeType.Element) continue;
            if (sub.Name == "EventCoding")
            {
                if (sub.GetAttribute("error") is { } e) error = e.Trim();
                var source = sub.GetAttribute("sourcecode");
                var code = sub.GetAttribute("eventcode");
                if (source is not null && code is not null) events.Add(new ExpectedEvent(Normal(source)!, Normal(sub.GetAttribute("targetcode")), code.Trim()));
            }
            else if (sub.Name == "Text") text = string.Join(' ', sub.ReadElementContentAsString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        return new PetrarchRecord(id, category, date is { Length: 8 } ? $"{date[..4]}-{date[4..6]}-{date[6..]}" : null, text, events, error);
    }

    /// <summary>PETRARCH writes an actor with no country as ---GOV and no actor as ---; NewsGraph writes GOV and nothing.</summary>
    public static string? Normal(string? code)
    {
        if (code is null) return null;
        code = code.Trim().TrimStart('-');
        return code.Length == 0 ? null : code;
    }
}
