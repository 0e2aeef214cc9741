using NewsGraph.Cli.Infrastructure;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval WHAT</c>: accuracy measured on labelled data, printed as figures.</summary>
public sealed class EvalCommand : SubcommandGroup
{
    public override string Name => "eval";
    public override string Summary => "measure accuracy on labelled data and print the figures";

    /// <summary>Every evaluation; a new one is a class in this folder and one line here.</summary>
    protected override IReadOnlyList<ISubcommand> Subcommands { get; } =
    [
        new EvalEventsCommand(),
        new EvalNerCommand(),
        new ContentEvalCommand(),
        new EvalThemesCommand(),
        new EvalDatesCommand(),
        new EvalAmountsCommand(),
        new QuotesEvalCommand(),
        new EvalEntitiesCommand(),
    ];
}
