using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Extractors.Entities;

/// <summary>Entity-level scores for one type (or overall).</summary>
public sealed record NerScore(string Type, int Gold, int Predicted, int Correct, double Precision, double Recall, double F1);

/// <summary>Scores of a tagger on a CoNLL file, by conlleval's exact-match rules.</summary>
public sealed record NerEvaluationReport(IReadOnlyList<NerScore> ByType, NerScore Overall, int Tokens, int Documents, double Seconds);

/// <summary>Runs the tagger on CoNLL data and scores it (used by <c>newsgraph eval ner</c> and the trainer).</summary>
public static class NerEvaluation
{
    /// <summary>
    /// Tags a CoNLL file and scores it. NewsGraph types are mapped back to CoNLL's (PERSON → PER,
    /// GPE/LOC → LOC, NORP/MISC → MISC) before scoring. Bad files raise <see cref="InvalidDataException"/>.
    /// </summary>
    public static NerEvaluationReport Evaluate(string conllPath, EntityTagger tagger, TextWriter? errors = null)
    {
        var documents = ConllCorpus.Read(conllPath);
        var clock = Stopwatch.StartNew();
        var scorer = new ConllScorer();
        int tokens = 0;
        foreach (var d in documents)
        {
            var td = d.ToTaggingDocument();
            tokens += td.Tokens.Length;
            var mentions = tagger.Mentions(td);
            // Mentions are in token order; find each one's sentence and token range by offsets.
            int m = 0;
            for (int s = 0; s < d.Sentences.Count; s++)
            {
                var range = td.Sentences[s];
                var predicted = new List<(int, int, string)>();
                while (m < mentions.Count && mentions[m].Span.Start < td.Tokens[range.End - 1].End)
                {
                    var mention = mentions[m++];
                    int first = range.First, last = range.First;
                    while (td.Tokens[first].Start < mention.Span.Start) first++;
                    last = first;
                    while (td.Tokens[last].End < mention.Span.End) last++;
                    predicted.Add((first - range.First, last + 1 - range.First, EntityTyping.ToConll(mention.Type)));
                }
                var gold = ConllCorpus.Chunks(d.Sentences[s].Tags);
                scorer.Add(gold, predicted);
                if (errors is not null) WriteErrors(errors, d.Sentences[s].Words, gold, predicted);
            }
        }
        return Report(scorer, tokens, documents.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One line per sentence with a wrong or missed entity: the sentence, then "-gold" and "+found" entities.</summary>
    private static void WriteErrors(TextWriter w, string[] words, List<(int First, int End, string Type)> gold, List<(int First, int End, string Type)> predicted)
    {
        var missed = gold.Except(predicted).ToList();
        var wrong = predicted.Except(gold).ToList();
        if (missed.Count == 0 && wrong.Count == 0) return;
        string Name((int First, int End, string Type) e) => $"[{string.Join(' ', words[e.First..e.End])}]{e.Type}";
        w.WriteLine(string.Join(' ', words));
        w.WriteLine("    " + string.Join("  ", missed.Select(e => "-" + Name(e)).Concat(wrong.Select(e => "+" + Name(e)))));
    }

    internal static NerEvaluationReport Report(ConllScorer scorer, int tokens, int documents, double seconds)
    {
        NerScore Of(string type, ConllScorer.Score s) => new(type, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1);
        return new NerEvaluationReport(scorer.ByType.Select(t => Of(t.Type, t.Score)).ToList(), Of("overall", scorer.Overall), tokens, documents, seconds);
    }
}

/// <summary>What <c>newsgraph train ner</c> needs.</summary>
public sealed record NerTrainingRequest
{
    public required string TrainFile { get; init; }
    public string? DevFile { get; init; }
    /// <summary>Scored after training for the record only; never used for any choice.</summary>
    public string? ReportFile { get; init; }
    public IReadOnlyList<string> UnlabelledText { get; init; } = [];
    public string? Gazetteers { get; init; }
    public string? ActorDictionaries { get; init; }
    public int Epochs { get; init; }
    public int MaxEpochs { get; init; } = 25;
    public ulong Seed { get; init; } = 20030531;
    public int MinCount { get; init; } = 1;
    public int Clusters { get; init; } = 512;
    /// <summary>Training runs (different story orders) whose weights are averaged.</summary>
    public int Runs { get; init; } = 1;
    /// <summary>The command line that was run, recorded in the model.</summary>
    public string Command { get; init; } = "";
}

public sealed record NerTrainingResult(string ModelPath, string ReportPath, long ModelBytes, int Features, int BestEpoch, double Seconds,
    NerEvaluationReport? Dev, NerEvaluationReport? Report);

/// <summary>Trains the entity tagger and writes the model with a JSON record of how and how well.</summary>
public static class NerTraining
{
    public static NerTrainingResult Train(NerTrainingRequest request, string outputDirectory, Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var train = ConllCorpus.Read(request.TrainFile);
        var dev = request.DevFile is null ? null : ConllCorpus.Read(request.DevFile);
        progress?.Invoke($"train: {train.Count:N0} stories; dev: {dev?.Count ?? 0:N0} stories");
        // Experiments only: NEWSGRAPH_NER_LEXICON_CACHE=FILE reuses a lexicon built by an earlier run with the same sources.
        var cache = Environment.GetEnvironmentVariable("NEWSGRAPH_NER_LEXICON_CACHE");
        Lexicon lexicon;
        if (!string.IsNullOrEmpty(cache) && File.Exists(cache))
        {
            using var r = new BinaryReader(File.OpenRead(cache));
            lexicon = Lexicon.Read(r);
        }
        else
        {
            lexicon = LexiconBuilder.Build(new LexiconSources
            {
                UnlabelledText = request.UnlabelledText,
                // The training words (never dev or test) join the unlabelled text; their labels are not used here.
                UnlabelledSentences = train.SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Words).ToList(),
                Gazetteers = request.Gazetteers,
                ActorDictionaries = request.ActorDictionaries,
                FineClusters = request.Clusters,
                Progress = progress,
            });
            if (!string.IsNullOrEmpty(cache))
            {
                using var w = new BinaryWriter(File.Create(cache));
                lexicon.Write(w);
            }
        }
        progress?.Invoke($"lexicon built in {clock.Elapsed.TotalSeconds:0}s");
        var options = new NerTrainingOptions
        {
            Epochs = request.Epochs,
            MaxEpochs = request.MaxEpochs,
            Seed = request.Seed,
            MinCount = request.MinCount,
            Runs = request.Runs,
            Progress = progress,
        };
        var (model, epochs, bestEpochs) = NerTrainer.Train(train, dev, lexicon, options);
        int best = bestEpochs[0];
        double trainSeconds = clock.Elapsed.TotalSeconds;

        var tagger = new EntityTagger(model);
        var devReport = request.DevFile is null ? null : NerEvaluation.Evaluate(request.DevFile, tagger);
        var extra = request.ReportFile is null ? null : NerEvaluation.Evaluate(request.ReportFile, tagger);

        var note = new JsonObject
        {
            ["model"] = "averaged perceptron, BILOU labels, first-order Viterbi",
            ["types"] = new JsonArray(model.Types.Select(t => (JsonNode)t).ToArray()),
            ["command"] = request.Command,
            ["seed"] = request.Seed,
            ["epochs"] = new JsonArray(bestEpochs.Select(e => (JsonNode)e).ToArray()),
            ["runs"] = bestEpochs.Count,
            ["features"] = model.FeatureCount,
            ["trainFile"] = Path.GetFileName(request.TrainFile),
            ["epochHistory"] = new JsonArray(epochs.Select(e => (JsonNode)new JsonObject { ["run"] = e.Run, ["epoch"] = e.Epoch, ["devF1"] = Math.Round(e.DevF1, 4), ["sentencesWrong"] = e.SentenceErrors }).ToArray()),
        };
        if (devReport is not null) note["dev"] = Scores(Path.GetFileName(request.DevFile!), devReport);
        if (extra is not null) note["test"] = Scores(Path.GetFileName(request.ReportFile!), extra);
        var finalModel = model.WithMetadata(note.ToJsonString());

        Directory.CreateDirectory(outputDirectory);
        var modelPath = Path.Combine(outputDirectory, "model.bin");
        using (var stream = File.Create(modelPath)) finalModel.Save(stream);
        var bytes = new FileInfo(modelPath).Length;
        // Only in the JSON record: the model file itself holds nothing that changes from run to run.
        note["trainingSeconds"] = Math.Round(trainSeconds, 1);
        note["modelBytes"] = bytes;
        var reportPath = Path.Combine(outputDirectory, "model.json");
        File.WriteAllText(reportPath, note.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new NerTrainingResult(modelPath, reportPath, bytes, model.FeatureCount, best, trainSeconds, devReport, extra);
    }

    private static JsonObject Scores(string file, NerEvaluationReport r)
    {
        var byType = new JsonObject();
        foreach (var s in r.ByType) byType[s.Type] = Score(s);
        return new JsonObject { ["file"] = file, ["overall"] = Score(r.Overall), ["byType"] = byType };
        static JsonObject Score(NerScore s) => new() { ["precision"] = Math.Round(s.Precision, 4), ["recall"] = Math.Round(s.Recall, 4), ["f1"] = Math.Round(s.F1, 4), ["gold"] = s.Gold };
    }

}
