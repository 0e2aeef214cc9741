using NewsGraph.Cli.Infrastructure;

namespace NewsGraph.Cli.Commands;

public sealed class SearchCommand : ICommand
{
    public string Name => "search";
    public string Summary => "full-text search over stored headlines and text";
    public string Help => $"""
        usage: newsgraph search WORDS... [--db FILE] [--limit N] [--json]

        Finds articles holding every word (accents and case ignored); "a phrase" in quotes must
        appear as written; OR between words finds either. Best matches first, headline matches
        weighing more.

        {StoreOptions.HelpLine}
          --limit N      how many (default 20)
          --json         JSON Lines instead of a table
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "limit"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count == 0) throw new UsageException("search needs at least one word");
        using var store = StoreOptions.Open(args, readOnly: true);
        var rows = store.Search(string.Join(' ', args.Positionals), args.Int("limit", 20, 1, 100_000));
        SummaryOutput.Write(rows, args.Flag("json"), terminal);
        if (!args.Flag("json")) terminal.Message($"{rows.Count} match{(rows.Count == 1 ? "" : "es")}");
        return 0;
    }
}
