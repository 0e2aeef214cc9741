using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage;

namespace NewsGraph.Cli.Commands;

public sealed class ListCommand : ICommand
{
    public string Name => "list";
    public string Summary => "list stored articles, newest first";
    public string Help => $"""
        usage: newsgraph list [--db FILE] [--limit N] [--offset N] [--json]

        {StoreOptions.HelpLine}
          --limit N      how many (default 20)
          --offset N     skip the first N
          --json         JSON Lines instead of a table
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "limit", "offset"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        using var store = StoreOptions.Open(args, readOnly: true);
        var rows = store.List(args.Int("limit", 20, 1, 1_000_000), args.Int("offset", 0, 0));
        SummaryOutput.Write(rows, args.Flag("json"), terminal);
        if (!args.Flag("json")) terminal.Message($"{rows.Count} of {store.Count():N0} articles");
        return 0;
    }
}

/// <summary>How list and search print article summaries: an aligned table, or JSON Lines.</summary>
public static class SummaryOutput
{
    public static void Write(IReadOnlyList<StoredArticleSummary> rows, bool json, Terminal terminal)
    {
        if (json)
        {
            foreach (var r in rows)
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Compact))
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("title", r.Title);
                    if (r.Date is null) w.WriteNull("date"); else w.WriteString("date", r.Date);
                    if (r.PageDate is null) w.WriteNull("pageDate"); else w.WriteString("pageDate", r.PageDate);
                    w.WriteString("source", r.Source);
                    if (r.Snippet is not null) w.WriteString("snippet", r.Snippet);
                    w.WriteEndObject();
                }
                terminal.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            return;
        }
        foreach (var r in rows)
        {
            // The day is enough in a listing; "~" marks the page's date standing in for the article's.
            var date = r.Date is { } d ? Day(d) : r.PageDate is { } p ? "~" + Day(p) : "";
            terminal.Out.WriteLine($"{r.Id}  {Clip(date, 11),-11}  {Clip(OneLine(r.Title), 80)}");
            if (r.Snippet is not null) terminal.Out.WriteLine($"                  {Clip(OneLine(r.Snippet), 120)}");
        }
    }

    private static string Day(string iso) => iso.Length > 10 && iso[4] == '-' ? iso[..10] : iso;

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
