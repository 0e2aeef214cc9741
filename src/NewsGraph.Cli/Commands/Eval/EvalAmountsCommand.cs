using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Evaluation;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval amounts</c>: amounts and GDELT-style counts scored on the shipped gold passages.</summary>
public sealed class EvalAmountsCommand : ISubcommand
{
    public string Name => "amounts";
    public string Summary => "score amounts (extents, value, unit, rate, object) and casualty counts";
    public string Help => """
        usage: newsgraph eval amounts [--file F]... [--errors FILE]

        Runs the amount and count extractors on gold passages (JSON Lines: id, text, amounts with text,
        value, unit, per, object, qualifier, high; counts with kind, number, object; see
        eval/amounts/README.md) and prints, per file, extent precision/recall/F1 (strict and relaxed),
        the accuracy of value, unit, rate (per), object and qualifier over relaxed matches, and count
        precision/recall/F1 (a count is right when its kind and number are). Without --file it scores
        the shipped dev and held-out halves of eval/amounts.

          --file F       a gold file (repeatable)
          --errors FILE  write each miss, spurious amount and wrong attribute there
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["file", "errors"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var sets = RepoFiles.EvalSets(args, "amounts");
        using var errors = args.Option("errors") is { } path ? new StreamWriter(path) : null;
        var o = terminal.Out;
        o.WriteLine($"{"set",-10} {"texts",5} {"gold",5} {"found",5} | {"strict P",8} {"R",6} {"F1",6} | {"relaxed P",9} {"R",6} {"F1",6} | {"value",6} {"unit",6} {"per",6} {"object",6} {"qualif",6} {"all",6} | {"counts P",8} {"R",6} {"F1",6}");
        var reports = new List<AmountEvaluationReport>();
        foreach (var (name, file) in sets)
        {
            AmountEvaluationReport r;
            try
            {
                errors?.WriteLine($"# {name} ({file})");
                r = AmountEvaluation.Evaluate(AmountEvaluation.Load(file), errors);
            }
            catch (InvalidDataException e) { throw new CommandFailedException(e.Message); }
            reports.Add(r);
            Row(o, name, r);
        }
        if (reports.Count > 1)
        {
            var all = reports.Aggregate((a, b) => new AmountEvaluationReport(a.Passages + b.Passages, a.Strict + b.Strict, a.Relaxed + b.Relaxed,
                a.ValueCorrect + b.ValueCorrect, a.UnitCorrect + b.UnitCorrect, a.PerCorrect + b.PerCorrect, a.ObjectCorrect + b.ObjectCorrect,
                a.QualifierCorrect + b.QualifierCorrect, a.AllCorrect + b.AllCorrect, a.Counts + b.Counts, a.CountObjectCorrect + b.CountObjectCorrect));
            Row(o, "all", all);
        }
        o.WriteLine();
        o.WriteLine("value/unit/per/object/qualif/all: share of relaxed matches with that attribute right (all: every one of them).");
        return 0;
    }

    private static void Row(TextWriter o, string name, AmountEvaluationReport r) =>
        o.WriteLine($"{name,-10} {r.Passages,5} {r.Relaxed.Gold,5} {r.Relaxed.System,5} | {100 * r.Strict.Precision,8:0.00} {100 * r.Strict.Recall,6:0.00} {100 * r.Strict.F1,6:0.00} | "
                    + $"{100 * r.Relaxed.Precision,9:0.00} {100 * r.Relaxed.Recall,6:0.00} {100 * r.Relaxed.F1,6:0.00} | "
                    + $"{100 * r.ValueAccuracy,6:0.0} {100 * r.UnitAccuracy,6:0.0} {100 * r.PerAccuracy,6:0.0} {100 * r.ObjectAccuracy,6:0.0} {100 * r.QualifierAccuracy,6:0.0} {100 * r.AllAttributesAccuracy,6:0.0} | "
                    + $"{100 * r.Counts.Precision,8:0.00} {100 * r.Counts.Recall,6:0.00} {100 * r.Counts.F1,6:0.00}");
}
