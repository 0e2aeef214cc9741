using NewsGraph.Cli.Commands;
using NewsGraph.Cli.Commands.Eval;
using NewsGraph.Cli.Commands.Train;
using NewsGraph.Cli.Infrastructure;

namespace NewsGraph.Cli;

public static class Program
{
    /// <summary>Every command; a new one is a new class in Commands/ and one line here.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new ExtractCommand(),
        new IngestCommand(),
        new FetchCommand(),
        new ListCommand(),
        new ShowCommand(),
        new SearchCommand(),
        new QuotesCommand(),
        new EntitiesCommand(),
        new EntityCommand(),
        new EvalCommand(),
        new TrainCommand(),
        new ExportCommand(),
        new EventsCommand(),
        new DyadsCommand(),
    ];

    public static int Main(string[] argv)
    {
        var terminal = Terminal.Console();
        try
        {
            return Run(argv, terminal);
        }
        finally
        {
            terminal.Flush();
        }
    }

    public static int Run(string[] argv, Terminal terminal)
    {
        if (argv.Length == 0 || argv[0] is "-h" or "--help" or "help" && argv.Length == 1)
        {
            terminal.Out.Write(Overview());
            return argv.Length == 0 ? 2 : 0;
        }
        if (argv[0] is "--version")
        {
            terminal.Out.WriteLine("newsgraph " + typeof(Program).Assembly.GetName().Version?.ToString(3));
            return 0;
        }
        var name = argv[0] == "help" ? argv[1] : argv[0];
        var command = Commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            terminal.Message($"unknown command '{name}'; run 'newsgraph --help' for the list");
            return 2;
        }
        if (argv[0] == "help")
        {
            terminal.Out.WriteLine(command.Help);
            return 0;
        }
        try
        {
            if (command is SubcommandGroup group) return group.Dispatch(argv[1..], terminal);
            var args = Arguments.Parse(argv[1..], command.ValuedOptions, command.Flags);
            if (args.Flag("help"))
            {
                terminal.Out.WriteLine(command.Help);
                return 0;
            }
            return command.Run(args, terminal);
        }
        catch (UsageException e)
        {
            terminal.Message($"{command.Name}: {e.Message} (see 'newsgraph {command.Name} --help')");
            return 2;
        }
        catch (CommandFailedException e)
        {
            terminal.Message($"{command.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("NEWSGRAPH_DEBUG") is null)
        {
            // A bug, not bad input: say so in one line; NEWSGRAPH_DEBUG=1 shows the stack.
            terminal.Message($"{command.Name}: internal error: {e.GetType().Name}: {e.Message} (set NEWSGRAPH_DEBUG=1 for details)");
            return 70;
        }
    }

    private static string Overview()
    {
        var lines = new System.Text.StringBuilder();
        lines.AppendLine("newsgraph: turns raw news into a structured, queryable knowledge graph, offline.");
        lines.AppendLine();
        lines.AppendLine("usage: newsgraph COMMAND [ARGS...]    (newsgraph COMMAND --help for its options)");
        lines.AppendLine();
        lines.AppendLine("commands:");
        foreach (var c in Commands) lines.AppendLine($"  {c.Name,-10} {c.Summary}");
        return lines.ToString();
    }
}

/// <summary>The command could not do its work for a reason the user can act on (a locked database, a missing file).</summary>
public sealed class CommandFailedException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
