using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Extractors.Entities;

namespace NewsGraph.Cli.Commands.Train;

/// <summary><c>newsgraph train ner</c>: trains the entity tagger (reproduces models/ner/model.bin).</summary>
public sealed class TrainNerCommand : ISubcommand
{
    public string Name => "ner";
    public string Summary => "train the named-entity tagger on CoNLL-format data";
    public string Help => """
        usage: newsgraph train ner --train FILE --dev FILE [--out DIR] [--epochs N] [--max-epochs N]
                                   [--unlabelled PATH]... [--gazetteers DIR] [--actors DIR] [--report FILE]
                                   [--seed N] [--clusters N] [--min-count N] [--runs N]

        Trains the averaged-perceptron entity tagger and writes DIR/model.bin (default models/ner)
        and DIR/model.json (scores, epochs and this command). Deterministic: the same data and
        options give the same model, byte for byte.

          --train FILE        CoNLL-2003 format training data (word ... NER-tag per line)
          --dev FILE          CoNLL data for choosing the number of epochs (never trained on)
          --epochs N          train exactly N epochs instead of choosing on dev
          --max-epochs N      the most epochs tried when choosing on dev (default 25)
          --unlabelled PATH   plain text (file or folder, repeatable) for word clusters and case statistics
          --gazetteers DIR    GeoNames cities15000.txt, countryInfo.txt and countries.json
          --actors DIR        Phoenix actor and agent dictionaries
          --report FILE       also score this CoNLL file, for the record only (e.g. the test set)
          --seed N            order of training stories (default 20030531)
          --clusters N        finest number of word classes (default 512)
          --min-count N       drop features seen fewer than N times in training (default 1)
          --runs N            average the weights of N runs over differently shuffled stories (default 1)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["train", "dev", "out", "epochs", "max-epochs", "unlabelled", "gazetteers", "actors", "report", "seed", "clusters", "min-count", "runs"];
    public IReadOnlyCollection<string> Flags => [];

    /// <summary>The command as recorded in the model: where the files go does not change them, so --out is left out.</summary>
    private static string RecordedCommand(IEnumerable<string> argv)
    {
        var kept = new List<string>();
        bool skipValue = false;
        foreach (var a in argv)
        {
            if (skipValue) { skipValue = false; continue; }
            if (a == "--out") { skipValue = true; continue; }
            if (a.StartsWith("--out=", StringComparison.Ordinal)) continue;
            kept.Add(a);
        }
        return "newsgraph train ner " + string.Join(' ', kept);
    }

    public int Run(Arguments args, Terminal terminal)
    {
        var train = args.Option("train") ?? throw new UsageException("train ner needs --train FILE");
        var dev = args.Option("dev");
        int epochs = args.Int("epochs", 0, 0, 1000);
        if (dev is null && epochs == 0) throw new UsageException("train ner needs --dev FILE to choose epochs, or --epochs N");
        foreach (var file in new[] { train, dev, args.Option("report") })
            if (file is not null && !File.Exists(file)) throw new CommandFailedException($"no such file: {file}");
        foreach (var dir in new[] { args.Option("gazetteers"), args.Option("actors") })
            if (dir is not null && !Directory.Exists(dir)) throw new CommandFailedException($"no such folder: {dir}");
        var seedText = args.Option("seed");
        ulong seed = 20030531;
        if (seedText is not null && !ulong.TryParse(seedText, out seed)) throw new UsageException($"--seed takes a whole number, not '{seedText}'");
        var request = new NerTrainingRequest
        {
            TrainFile = train,
            DevFile = dev,
            ReportFile = args.Option("report"),
            UnlabelledText = args.Options("unlabelled"),
            Gazetteers = args.Option("gazetteers"),
            ActorDictionaries = args.Option("actors"),
            Epochs = epochs,
            MaxEpochs = args.Int("max-epochs", 25, 1, 1000),
            Seed = seed,
            Clusters = args.Int("clusters", 512, 2, 1000),
            MinCount = args.Int("min-count", 1, 1, 1000),
            Runs = args.Int("runs", 1, 1, 20),
            Command = RecordedCommand(Environment.GetCommandLineArgs().Skip(3)),
        };
        var output = args.Option("out", Path.Combine("models", "ner"));
        NerTrainingResult result;
        try
        {
            result = NerTraining.Train(request, output, line => terminal.Message(line));
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException(e.Message);
        }
        terminal.Out.WriteLine($"model     {result.ModelPath} ({Terminal.Bytes(result.ModelBytes)}, {result.Features:N0} features, epoch {result.BestEpoch})");
        terminal.Out.WriteLine($"record    {result.ReportPath}");
        terminal.Out.WriteLine($"training  {result.Seconds:0}s");
        if (result.Dev is { } d) terminal.Out.WriteLine($"dev       precision {d.Overall.Precision:0.0000} recall {d.Overall.Recall:0.0000} F1 {d.Overall.F1:0.0000}");
        if (result.Report is { } r) terminal.Out.WriteLine($"report    precision {r.Overall.Precision:0.0000} recall {r.Overall.Recall:0.0000} F1 {r.Overall.F1:0.0000}");
        return 0;
    }
}
