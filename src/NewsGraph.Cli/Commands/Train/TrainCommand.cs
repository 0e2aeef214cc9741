using NewsGraph.Cli.Infrastructure;

namespace NewsGraph.Cli.Commands.Train;

/// <summary><c>newsgraph train WHAT</c>: reproduces a shipped model from its training data.</summary>
public sealed class TrainCommand : SubcommandGroup
{
    public override string Name => "train";
    public override string Summary => "train a model from labelled data (reproduces the shipped models)";

    /// <summary>Every trainer; a new one is a class in this folder and one line here.</summary>
    protected override IReadOnlyList<ISubcommand> Subcommands { get; } =
    [
        new TrainPosCommand(),
        new TrainNerCommand(),
        new TrainKnowledgeCommand(),
    ];
}
