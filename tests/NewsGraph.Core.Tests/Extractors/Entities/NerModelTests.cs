using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities;
using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Tests.Extractors.Entities;

public class NerModelTests
{
    // A handful of sentences: enough for a tiny model to learn names in these contexts.
    private const string Tiny = """
        Maria NNP B-PER
        Lopez NNP I-PER
        works VBZ O
        for IN O
        Acme NNP B-ORG
        Corp NNP I-ORG
        in IN O
        Madrid NNP B-LOC
        . . O

        Jon NNP B-PER
        Berg NNP I-PER
        joined VBD O
        Nordfisk NNP B-ORG
        Corp NNP I-ORG
        in IN O
        Bergen NNP B-LOC
        . . O

        The DT O
        Olympic NNP B-MISC
        Games NNP I-MISC
        open VBP O
        in IN O
        Paris NNP B-LOC
        . . O

        Ana NNP B-PER
        Silva NNP I-PER
        left VBD O
        Acme NNP B-ORG
        Corp NNP I-ORG
        . . O

        """;

    private static (NerModel Model, string Dir) TrainTiny(int epochs = 5)
    {
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, "tiny.txt");
        File.WriteAllText(path, Tiny);
        var docs = ConllCorpus.Read(path);
        var lexicon = LexiconBuilder.Build(new LexiconSources { UnlabelledSentences = docs.SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Words).ToList(), MinWordCount = 1, FineClusters = 8, MidClusters = 4, CoarseClusters = 2 });
        var (model, _, _) = NerTrainer.Train(docs, null, lexicon, new NerTrainingOptions { Epochs = epochs });
        return (model, dir);
    }

    private static List<(int, int, int)> Tag(NerModel model, params string[][] sentences) =>
        model.Tag(TaggingDocument.FromWords(sentences), new TaggerWorkspace());

    [Fact]
    public void A_tiny_model_learns_its_training_sentences()
    {
        var (model, _) = TrainTiny();
        Assert.Equal(["PER", "ORG", "LOC", "MISC"], model.Types);
        var spans = Tag(model, ["Jon", "Berg", "joined", "Nordfisk", "Corp", "in", "Bergen", "."]);
        Assert.Equal([(0, 2, 0), (3, 5, 1), (6, 7, 2)], spans);
    }

    [Fact]
    public void Saving_and_loading_keeps_every_prediction()
    {
        var (model, dir) = TrainTiny();
        var path = Path.Combine(dir, "model.bin");
        using (var stream = File.Create(path)) model.Save(stream);
        NerModel loaded;
        using (var stream = File.OpenRead(path)) loaded = NerModel.Load(stream);

        string[][] probe =
        [
            ["Maria", "Lopez", "left", "Nordfisk", "Corp", "in", "Paris", "."],
            ["Ana", "Berg", "works", "for", "Acme", "Corp", "in", "Bergen", "."],
            ["The", "Olympic", "Games", "open", "in", "Madrid", "."],
        ];
        Assert.Equal(Tag(model, probe), Tag(loaded, probe));
        Assert.Equal(model.Types, loaded.Types);
        Assert.Equal(model.Lexicon.Gazetteer.Count, loaded.Lexicon.Gazetteer.Count);
    }

    [Fact]
    public void Training_is_deterministic_byte_for_byte()
    {
        var (a, _) = TrainTiny(3);
        var (b, _) = TrainTiny(3);
        var sa = new MemoryStream();
        var sb = new MemoryStream();
        a.Save(sa);
        b.Save(sb);
        Assert.Equal(sa.ToArray(), sb.ToArray());
    }

    [Fact]
    public void A_damaged_model_file_is_a_clear_error()
    {
        var (model, dir) = TrainTiny(1);
        var bytes = new MemoryStream();
        model.Save(bytes);
        var full = bytes.ToArray();

        var truncated = Path.Combine(dir, "truncated.bin");
        File.WriteAllBytes(truncated, full[..(full.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => EntityTagger.Load(truncated));
        Assert.Contains("truncated.bin", e.Message);

        var foreign = Path.Combine(dir, "foreign.bin");
        File.WriteAllText(foreign, "this is not a model at all");
        e = Assert.Throws<InvalidDataException>(() => EntityTagger.Load(foreign));
        Assert.Contains("not a NewsGraph entity model", e.Message);
    }

    [Fact]
    public void The_shipped_model_loads_and_records_how_it_was_trained()
    {
        var tagger = EntityTagger.Shipped;
        Assert.Contains("newsgraph train ner", tagger.Metadata);
        Assert.Equal(["PER", "ORG", "LOC", "MISC"], tagger.Model.Types);
        Assert.Same(tagger, EntityTagger.Shipped);
    }

    [Fact]
    public void Bilou_labels_round_trip_through_spans()
    {
        var labels = new int[7];
        BilouLabels.FromSpans([(0, 2, 0), (3, 4, 2), (4, 7, 1)], labels);
        var spans = new List<(int, int, int)>();
        BilouLabels.Spans(labels, 10, spans);
        Assert.Equal([(10, 12, 0), (13, 14, 2), (14, 17, 1)], spans);
        Assert.False(BilouLabels.Allowed(BilouLabels.Begin(0), BilouLabels.Outside));
        Assert.False(BilouLabels.Allowed(BilouLabels.Begin(0), BilouLabels.Last(1)));
        Assert.True(BilouLabels.Allowed(BilouLabels.Unit(2), BilouLabels.Begin(0)));
    }
}
