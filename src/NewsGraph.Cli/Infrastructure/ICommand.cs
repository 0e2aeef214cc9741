namespace NewsGraph.Cli.Infrastructure;

/// <summary>One <c>newsgraph</c> sub-command. Commands parse, call the core and print; they hold no logic of their own.</summary>
public interface ICommand
{
    string Name { get; }
    /// <summary>One line for the command list.</summary>
    string Summary { get; }
    /// <summary>The full help text: usage line, then options.</summary>
    string Help { get; }
    IReadOnlyCollection<string> ValuedOptions { get; }
    IReadOnlyCollection<string> Flags { get; }
    int Run(Arguments args, Terminal terminal);
}
