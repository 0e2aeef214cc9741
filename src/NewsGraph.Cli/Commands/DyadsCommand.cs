using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Queries;

namespace NewsGraph.Cli.Commands;

public sealed class DyadsCommand : ICommand
{
    public string Name => "dyads";
    public string Summary => "actor pairs by number of events, with mean Goldstein and conflict share";
    public string Help => $"""
        usage: newsgraph dyads [--top N] [--since D] [--until D] [--json] [--db FILE]

        Directed actor pairs (source -> target) with their number of events, mean Goldstein score
        and the share of conflict (QuadClass 3 verbal and 4 material conflict). Negated events
        ("did not attack") are left out.

          --top N        the N busiest pairs (default 20)
          --since D      events on or after day D (YYYY-MM-DD); --until D: on or before
          --json         JSON Lines instead of a table
        {StoreOptions.HelpLine}
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["top", "since", "until", "db"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        int top = args.Int("top", 20, 1, 1_000_000);
        var window = ExportCommand.Window(args);
        using var store = StoreOptions.Open(args, readOnly: true);
        var dyads = StoreErrors.Guard(args, () => EventQueries.Dyads(store.Connection, top, window));
        if (args.Flag("json"))
        {
            foreach (var d in dyads) terminal.Out.WriteLine(ToJson(d));
            return 0;
        }
        terminal.Out.WriteLine($"{"source",-14} {"target",-14} {"events",7} {"goldstein",9} {"conflict",8}  {"q1",5} {"q2",5} {"q3",5} {"q4",5}  days");
        foreach (var d in dyads)
            terminal.Out.WriteLine($"{EventsCommand.Clip(d.Source, 14),-14} {EventsCommand.Clip(d.Target, 14),-14} {d.Events,7} {d.MeanGoldstein,9:0.00} {d.ConflictShare,8:P0}  " +
                                   $"{d.VerbalCooperation,5} {d.MaterialCooperation,5} {d.VerbalConflict,5} {d.MaterialConflict,5}  {d.FirstDay ?? "?"} .. {d.LastDay ?? "?"}");
        terminal.Message($"{dyads.Count} pair{(dyads.Count == 1 ? "" : "s")}");
        return 0;
    }

    public static string ToJson(Dyad d)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Compact))
        {
            w.WriteStartObject();
            w.WriteString("source", d.Source);
            w.WriteString("target", d.Target);
            w.WriteNumber("events", d.Events);
            w.WriteNumber("meanGoldstein", Math.Round(d.MeanGoldstein, 4));
            w.WriteNumber("conflictShare", Math.Round(d.ConflictShare, 4));
            w.WriteStartObject("quadClass");
            w.WriteNumber("1", d.VerbalCooperation);
            w.WriteNumber("2", d.MaterialCooperation);
            w.WriteNumber("3", d.VerbalConflict);
            w.WriteNumber("4", d.MaterialConflict);
            w.WriteEndObject();
            if (d.FirstDay is null) w.WriteNull("firstDay"); else w.WriteString("firstDay", d.FirstDay);
            if (d.LastDay is null) w.WriteNull("lastDay"); else w.WriteString("lastDay", d.LastDay);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
