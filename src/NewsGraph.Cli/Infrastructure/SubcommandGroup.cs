namespace NewsGraph.Cli.Infrastructure;

/// <summary>A sub-command of a group such as <c>newsgraph eval ner</c> or <c>newsgraph train ner</c>.</summary>
public interface ISubcommand
{
    string Name { get; }
    string Summary { get; }
    string Help { get; }
    IReadOnlyCollection<string> ValuedOptions { get; }
    IReadOnlyCollection<string> Flags { get; }
    int Run(Arguments args, Terminal terminal);
}

/// <summary>A command whose first argument picks one of its sub-commands.</summary>
public abstract class SubcommandGroup : ICommand
{
    public abstract string Name { get; }
    public abstract string Summary { get; }
    protected abstract IReadOnlyList<ISubcommand> Subcommands { get; }

    public string Help =>
        $"usage: newsgraph {Name} WHAT [OPTIONS...]    (newsgraph {Name} WHAT --help for its options)\n\n" +
        string.Join('\n', Subcommands.Select(s => $"  {s.Name,-10} {s.Summary}"));

    // The group parses nothing itself: everything after WHAT belongs to the sub-command.
    public IReadOnlyCollection<string> ValuedOptions => [];
    public IReadOnlyCollection<string> Flags => [];

    /// <summary>Called by Program with the raw arguments after the group's name.</summary>
    public int Dispatch(string[] rest, Terminal terminal)
    {
        if (rest.Length == 0 || rest[0] is "-h" or "--help")
        {
            terminal.Out.WriteLine(Help);
            return rest.Length == 0 ? 2 : 0;
        }
        var sub = Subcommands.FirstOrDefault(s => s.Name == rest[0])
                  ?? throw new UsageException($"unknown {Name} target '{rest[0]}'; one of: {string.Join(", ", Subcommands.Select(s => s.Name))}");
        var args = Arguments.Parse(rest[1..], sub.ValuedOptions, sub.Flags);
        if (args.Flag("help"))
        {
            terminal.Out.WriteLine(sub.Help);
            return 0;
        }
        return sub.Run(args, terminal);
    }

    public int Run(Arguments args, Terminal terminal) => Dispatch(args.Positionals.ToArray(), terminal);
}
