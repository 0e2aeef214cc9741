using System.Diagnostics;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Extractors.Syntax;

namespace NewsGraph.Cli.Commands.Train;

/// <summary><c>newsgraph train pos</c>: the part-of-speech tagger the event coder's shallow parser stands on.</summary>
public sealed class TrainPosCommand : ISubcommand
{
    public string Name => "pos";
    public string Summary => "train the part-of-speech tagger on CoNLL-2003 (reproduces models/pos/pos-tagger.bin)";
    public string Help => """
        usage: newsgraph train pos [--data DIR] [--out FILE] [--iterations N]

        Trains the averaged-perceptron part-of-speech tagger on the POS column of CoNLL-2003 train.txt and
        prints its accuracy on dev.txt and test.txt. The model is deterministic: the same data gives the
        same file.

          --data DIR        the folder holding train.txt, dev.txt, test.txt (default ../shared/data/conll2003)
          --out FILE        where to write the model (default models/pos/pos-tagger.bin in the repository)
          --iterations N    training passes (default 8)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["data", "out", "iterations"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var data = args.Option("data") ?? DataPaths.Shared("conll2003")
                   ?? throw new UsageException("no --data DIR given and ../shared/data/conll2003 not found");
        var train = Path.Combine(data, "train.txt");
        if (!File.Exists(train)) throw new CommandFailedException($"{train}: not found");
        var output = args.Option("out") ?? Path.Combine(DataPaths.RepoRoot() ?? ".", "models", "pos", "pos-tagger.bin");
        int iterations = args.Int("iterations", 8, 1, 50);

        var sentences = PosTrainer.ReadConll(train);
        terminal.Message($"train pos: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Length):N0} words from {train}");
        var clock = Stopwatch.StartNew();
        var trainer = new PosTrainer(sentences);
        var model = trainer.Train(sentences, iterations, progress: (pass, accuracy) =>
            terminal.Message($"pass {pass}/{iterations}: training accuracy {accuracy:P2} ({clock.Elapsed.TotalSeconds:0.0} s)"));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output)) model.Save(file);
        // Score the model as it was written, so the figures are those of the shipped file.
        PosTagger tagger;
        using (var file = File.OpenRead(output)) tagger = new PosTagger(PosModel.Load(file));
        terminal.Out.WriteLine($"model     {output} ({new FileInfo(output).Length / 1024.0:N0} KB, {tagger.Model.FeatureCount:N0} features, {tagger.Model.TagNames.Count} tags)");
        foreach (var part in new[] { "dev", "test" })
        {
            var path = Path.Combine(data, part + ".txt");
            if (!File.Exists(path)) continue;
            var gold = PosTrainer.ReadConll(path);
            terminal.Out.WriteLine($"{part,-9} accuracy {PosTrainer.Accuracy(tagger, gold):P2} on {gold.Sum(s => s.Words.Length):N0} words");
        }
        return 0;
    }
}
