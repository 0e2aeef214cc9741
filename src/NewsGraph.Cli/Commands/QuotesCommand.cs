using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Sqlite.Annotations;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph quotes</c>: what was said, and by whom, from the store.</summary>
public sealed class QuotesCommand : ICommand
{
    public string Name => "quotes";
    public string Summary => "stored quotes and who said them (\"what did X say\")";
    public string Help => $"""
        usage: newsgraph quotes [--speaker NAME] [--type TYPE] [--limit N] [--json] [--db FILE]

        Quotes found by ingest, newest articles first. --speaker matches the speaker's whole name or
        whole words of it ("Ryabkov" finds "Sergey Ryabkov") or an entity id, ignoring case.

        {StoreOptions.HelpLine}
          --speaker NAME  only what NAME said
          --type TYPE     only speakers of this type: person, organisation, anonymous, description
          --limit N       how many (default 50)
          --json          JSON Lines (article id, title, date, text, start, end in code points, speaker,
                          speakerType, speakerEntity, verb, direct) instead of a table
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "speaker", "type", "limit"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        var type = args.Option("type");
        if (type is not null and not ("person" or "organisation" or "anonymous" or "description"))
            throw new UsageException("--type is one of person, organisation, anonymous, description");
        var speaker = args.Option("speaker");
        if (speaker is not null && speaker.Trim().Length == 0) throw new UsageException("--speaker needs a name");
        using var store = StoreOptions.Open(args, readOnly: true);
        var rows = QuoteTable.Find(store.Connection, speaker, type, args.Int("limit", 50, 1, 1_000_000));
        if (args.Flag("json"))
        {
            foreach (var q in rows)
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Compact))
                {
                    w.WriteStartObject();
                    w.WriteString("article", q.ArticleId);
                    w.WriteString("title", q.Title);
                    Nullable(w, "date", q.Date);
                    w.WriteString("text", q.Text);
                    w.WriteNumber("start", q.Start);
                    w.WriteNumber("end", q.End);
                    Nullable(w, "speaker", q.Speaker);
                    Nullable(w, "speakerType", q.SpeakerType);
                    Nullable(w, "speakerEntity", q.SpeakerEntity);
                    Nullable(w, "verb", q.Verb);
                    w.WriteBoolean("direct", q.Direct);
                    w.WriteEndObject();
                }
                terminal.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            return 0;
        }
        foreach (var q in rows)
        {
            // Direct quotes in marks, reported speech without: the table shows which is which.
            var words = OneLine(q.Text);
            var shown = q.Direct ? "“" + Clip(words, 100) + "”" : Clip(words, 102);
            terminal.Out.WriteLine($"{q.ArticleId}  {Clip(OneLine(q.Speaker ?? "(unknown)"), 28),-28}  {Clip(q.Verb ?? "-", 10),-10}  {shown}");
        }
        terminal.Message($"{rows.Count} quote{(rows.Count == 1 ? "" : "s")}{(speaker is null ? "" : $" by {speaker}")}");
        return 0;
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    // News text is untrusted: control characters would move a terminal's cursor.
    private static string OneLine(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = ' ';
        return new string(chars);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
