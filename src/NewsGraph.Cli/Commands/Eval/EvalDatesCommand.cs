using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Evaluation;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval dates</c>: TempEval-3 style scores for the date extractor on the shipped gold passages.</summary>
public sealed class EvalDatesCommand : ISubcommand
{
    public string Name => "dates";
    public string Summary => "score temporal expressions (extents and TIMEX3 values, TempEval-3 style)";
    public string Help => """
        usage: newsgraph eval dates [--file F]... [--errors FILE]

        Runs the date extractor on gold passages (JSON Lines: id, anchor, text, timexes with text and
        value; see eval/dates/README.md) and prints, per file, extent precision/recall/F1 with strict
        (identical boundaries) and relaxed (overlapping) matching, value F1 (a relaxed match with the
        right TIMEX3 value, over all system and gold expressions) and value accuracy (over relaxed
        matches). Without --file it scores the shipped dev and held-out halves of eval/dates.

          --file F       a gold file (repeatable)
          --errors FILE  write each miss, spurious expression, wrong value and extent there
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["file", "errors"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var sets = RepoFiles.EvalSets(args, "dates");
        using var errors = args.Option("errors") is { } path ? new StreamWriter(path) : null;
        var o = terminal.Out;
        o.WriteLine($"{"set",-10} {"texts",5} {"gold",5} {"found",5} | {"strict P",8} {"R",6} {"F1",6} | {"relaxed P",9} {"R",6} {"F1",6} | {"value F1",8} {"value acc",9}");
        var reports = new List<DateEvaluationReport>();
        foreach (var (name, file) in sets)
        {
            DateEvaluationReport r;
            try
            {
                errors?.WriteLine($"# {name} ({file})");
                r = DateEvaluation.Evaluate(DateEvaluation.Load(file), errors);
            }
            catch (InvalidDataException e) { throw new CommandFailedException(e.Message); }
            reports.Add(r);
            Row(o, name, r);
        }
        if (reports.Count > 1)
        {
            var all = reports.Aggregate((a, b) => new DateEvaluationReport(a.Passages + b.Passages, a.Strict + b.Strict, a.Relaxed + b.Relaxed, a.ValueCorrect + b.ValueCorrect));
            Row(o, "all", all);
        }
        o.WriteLine();
        o.WriteLine("For orientation only, measured on a different corpus (TempEval-3 English platinum test set, TimeBank-style");
        o.WriteLine("newswire with its own guidelines; UzZaman et al., SemEval-2013 Task 1): HeidelTime-t, the best system there,");
        o.WriteLine("scored strict F1 81.34, relaxed F1 90.30, value F1 77.61. The sets differ in text, size and conventions,");
        o.WriteLine("so the figures above are not a head-to-head comparison.");
        return 0;
    }

    private static void Row(TextWriter o, string name, DateEvaluationReport r) =>
        o.WriteLine($"{name,-10} {r.Passages,5} {r.Relaxed.Gold,5} {r.Relaxed.System,5} | {100 * r.Strict.Precision,8:0.00} {100 * r.Strict.Recall,6:0.00} {100 * r.Strict.F1,6:0.00} | "
                    + $"{100 * r.Relaxed.Precision,9:0.00} {100 * r.Relaxed.Recall,6:0.00} {100 * r.Relaxed.F1,6:0.00} | {100 * r.Value.F1,8:0.00} {100 * r.ValueAccuracy,9:0.00}");
}
