using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Syntax;

namespace NewsGraph.Core.Tests.Extractors.Syntax;

public class PosTaggerTests
{
    private static string[] Tags(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return PosTagger.Default.Tag(text, tokens);
    }

    [Fact]
    public void The_shipped_model_tags_a_news_sentence()
    {
        Assert.Equal(["NNP", "NNP", "VBD", "DT", "JJ", "NN", "IN", "NNP", "."], Tags("Tony Blair met the Italian leader in Rome."));
    }

    [Fact]
    public void Modals_negation_and_possessives_get_their_tags()
    {
        Assert.Equal(["PRP", "MD", "RB", "VB", "."], Tags("They will not resign."));
        Assert.Equal(["DT", "NN", "MD", "VB", "NNP", "."], Tags("The minister will visit Paris."));
        Assert.Equal("POS", Tags("Iran's president spoke.")[1]);
    }

    [Fact]
    public void Curly_quotes_and_dashes_look_like_the_training_data()
    {
        Assert.Equal("\"", PosFeatures.Form("“"));
        Assert.Equal("--", PosFeatures.Form("—"));
        Assert.Equal("n't", PosFeatures.Form("n’t"));
    }

    [Fact]
    public void A_trained_model_round_trips_through_its_file_and_learns_what_it_was_shown()
    {
        var sentences = Enumerable.Range(0, 30).SelectMany(_ => new[]
        {
            new TaggedSentence(["Troops", "attacked", "the", "town", "."], ["NNS", "VBD", "DT", "NN", "."]),
            new TaggedSentence(["The", "attack", "failed", "."], ["DT", "NN", "VBD", "."]),
        }).ToList();
        var model = new PosTrainer(sentences).Train(sentences, iterations: 4);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var tagger = new PosTagger(PosModel.Load(file));
        Assert.Equal(1.0, PosTrainer.Accuracy(tagger, sentences.Take(2)));
        var tags = new byte[3];
        tagger.Tag(["The", "attack", "failed"], tags);
        Assert.Equal("NN", tagger.TagName(tags[1]));
        // A word seen often enough keeps to the tags training saw it with, whatever the words around it.
        var odd = new byte[3];
        tagger.Tag(["Troops", "attack", "town"], odd);
        Assert.Equal("NN", tagger.TagName(odd[1]));
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused_with_a_clear_error()
    {
        using var gzip = new MemoryStream();
        using (var z = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) z.Write(new byte[16]);
        gzip.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => PosModel.Load(gzip));
        Assert.Contains("not a NewsGraph part-of-speech model", e.Message);
    }

    [Fact]
    public void The_shipped_model_is_at_least_93_percent_right_on_conll_test_when_the_data_is_here()
    {
        if (TestPaths.Shared is not { } shared) return;
        var test = Path.Combine(shared, "data", "conll2003", "test.txt");
        if (!File.Exists(test)) return;
        var accuracy = PosTrainer.Accuracy(PosTagger.Default, PosTrainer.ReadConll(test));
        Assert.True(accuracy >= 0.93, $"accuracy {accuracy:P2}");
    }
}
