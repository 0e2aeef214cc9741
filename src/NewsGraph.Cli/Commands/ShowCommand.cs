using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Cli.Commands;

public sealed class ShowCommand : ICommand
{
    public string Name => "show";
    public string Summary => "print one stored article as JSON";
    public string Help => $"""
        usage: newsgraph show ID [--db FILE] [--compact]

        ID may be shortened to any unique prefix of at least 4 characters.

        {StoreOptions.HelpLine}
          --compact      one line of JSON instead of indented
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db"];
    public IReadOnlyCollection<string> Flags => ["compact"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count != 1) throw new UsageException("show takes one article ID");
        var id = args.Positionals[0];
        if (id.Length < 4) throw new UsageException("an ID prefix needs at least 4 characters");
        using var store = StoreOptions.Open(args, readOnly: true);
        var found = store.Get(id);
        if (found.Matches == 0) throw new CommandFailedException($"no article with id {id}");
        if (found.Matches > 1) throw new CommandFailedException($"id prefix {id} matches several articles; give more of it");
        if (args.Flag("compact"))
        {
            terminal.Out.WriteLine(found.Json);
            return 0;
        }
        using var doc = JsonDocument.Parse(found.Json!);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Pretty)) doc.WriteTo(w);
        terminal.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }
}
