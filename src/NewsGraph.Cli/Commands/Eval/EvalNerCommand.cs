using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Extractors.Entities;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval ner</c>: entity-level precision, recall and F1 on CoNLL data.</summary>
public sealed class EvalNerCommand : ISubcommand
{
    public string Name => "ner";
    public string Summary => "score the entity tagger on CoNLL-format data (conlleval rules)";
    public string Help => """
        usage: newsgraph eval ner --conll FILE [--model FILE] [--errors FILE]

        Tags the sentences of a CoNLL-2003 format file and prints entity-level precision, recall
        and F1 by type, counting an entity right only when its type and both boundaries match
        (the rules of the shared task's conlleval). NewsGraph's types are scored as CoNLL's:
        PERSON as PER, GPE and LOC as LOC, NORP and MISC as MISC. The last line is
        "overall precision P recall R F1 F".

          --conll FILE   the labelled data (e.g. ../shared/data/conll2003/test.txt)
          --model FILE   a model written by 'newsgraph train ner' (default: the shipped model)
          --errors FILE  write each sentence with a missed or wrong entity, and those entities
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["conll", "model", "errors"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var conll = args.Option("conll") ?? throw new UsageException("eval ner needs --conll FILE");
        if (!File.Exists(conll)) throw new CommandFailedException($"no such file: {conll}");
        var modelPath = args.Option("model");
        if (modelPath is not null && !File.Exists(modelPath)) throw new CommandFailedException($"no such model file: {modelPath}");
        NerEvaluationReport report;
        try
        {
            var tagger = modelPath is null ? EntityTagger.Shipped : EntityTagger.Load(modelPath);
            using var errors = args.Option("errors") is { } path ? new StreamWriter(path) : null;
            report = NerEvaluation.Evaluate(conll, tagger, errors);
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException(e.Message);
        }
        var o = terminal.Out;
        o.WriteLine($"{"type",-8} {"precision",9} {"recall",9} {"F1",9} {"gold",7} {"found",7} {"correct",7}");
        foreach (var s in report.ByType)
            o.WriteLine($"{s.Type,-8} {s.Precision,9:0.0000} {s.Recall,9:0.0000} {s.F1,9:0.0000} {s.Gold,7} {s.Predicted,7} {s.Correct,7}");
        terminal.Message($"{report.Documents:N0} stories, {report.Tokens:N0} tokens tagged in {report.Seconds:0.0}s");
        o.WriteLine($"overall precision {report.Overall.Precision:0.0000} recall {report.Overall.Recall:0.0000} F1 {report.Overall.F1:0.0000}");
        return 0;
    }
}
