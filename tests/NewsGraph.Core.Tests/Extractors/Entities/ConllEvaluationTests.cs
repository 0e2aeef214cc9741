using NewsGraph.Core.Extractors.Entities;
using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Tests.Extractors.Entities;

public class ConllEvaluationTests
{
    [Fact]
    public void Scoring_counts_only_exact_boundary_and_type_matches()
    {
        var scorer = new ConllScorer();
        // Gold: [Leeds United]ORG [Howard Wilkinson]PER ; found: [Leeds]ORG (wrong boundary) [Howard Wilkinson]PER.
        scorer.Add([(0, 2, "ORG"), (4, 6, "PER")], [(0, 1, "ORG"), (4, 6, "PER")]);
        // Gold: [Paris]LOC ; found: [Paris]ORG (wrong type).
        scorer.Add([(3, 4, "LOC")], [(3, 4, "ORG")]);
        var overall = scorer.Overall;
        Assert.Equal(3, overall.Gold);
        Assert.Equal(3, overall.Predicted);
        Assert.Equal(1, overall.Correct);
        Assert.Equal(1.0 / 3, overall.F1, 6);
        var per = scorer.ByType.Single(t => t.Type == "PER").Score;
        Assert.Equal(1.0, per.F1);
    }

    [Fact]
    public void Chunks_follow_conlleval_for_iob1_and_iob2()
    {
        Assert.Equal([(0, 2, "PER"), (3, 4, "LOC")], ConllCorpus.Chunks(["B-PER", "I-PER", "O", "B-LOC"]));
        // IOB1: an I- after O starts a chunk; a change of type ends one.
        Assert.Equal([(0, 1, "ORG"), (1, 2, "LOC"), (3, 5, "MISC")], ConllCorpus.Chunks(["I-ORG", "I-LOC", "O", "I-MISC", "I-MISC"]));
        Assert.Equal([(0, 1, "PER"), (1, 2, "PER")], ConllCorpus.Chunks(["B-PER", "B-PER"]));
    }

    [Fact]
    public void Stories_start_at_the_headline_before_each_dateline()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "stories.txt");
        File.WriteAllText(path, """
            RUGBY NNP O
            - : O
            LEEDS NNP B-ORG
            WIN VB O

            Jane NNP B-PER
            Doe NNP I-PER

            LEEDS NNP B-LOC
            1996-08-22 CD O

            Leeds NNP B-ORG
            won VBD O
            . . O

            MARKETS NNS O
            FALL VB O

            TOKYO NNP B-LOC
            1996-08-23 CD O

            Shares NNS O
            fell VBD O
            . . O

            """);
        var stories = ConllCorpus.Read(path);
        Assert.Equal(2, stories.Count);
        Assert.Equal(4, stories[0].Sentences.Count);   // headline, byline, dateline, body
        Assert.Equal("MARKETS", stories[1].Sentences[0].Words[0]);
    }

    [Fact]
    public void A_malformed_file_is_reported_with_its_line()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "bad.txt");
        File.WriteAllText(path, "Leeds NNP B-ORG\nwon VBD X-Y-Z\n");
        var e = Assert.Throws<InvalidDataException>(() => ConllCorpus.Read(path));
        Assert.Contains("bad.txt:2", e.Message);
    }

    [Fact]
    public void Types_map_back_to_conll_for_scoring()
    {
        Assert.Equal("PER", EntityTyping.ToConll("PERSON"));
        Assert.Equal("LOC", EntityTyping.ToConll("GPE"));
        Assert.Equal("LOC", EntityTyping.ToConll("LOC"));
        Assert.Equal("MISC", EntityTyping.ToConll("NORP"));
        Assert.Equal("MISC", EntityTyping.ToConll("MISC"));
        Assert.Equal("ORG", EntityTyping.ToConll("ORG"));
    }

    /// <summary>A floor well under the measured figure, so a broken model or feature fails loudly.</summary>
    [Fact]
    public void The_shipped_model_scores_above_a_floor_on_the_conll_test_set()
    {
        if (TestPaths.Shared is not { } shared) return;   // no data sets on this machine
        var test = Path.Combine(shared, "data", "conll2003", "test.txt");
        if (!File.Exists(test)) return;
        var report = NerEvaluation.Evaluate(test, EntityTagger.Shipped);
        Assert.True(report.Overall.F1 > 0.85, $"CoNLL test F1 {report.Overall.F1:0.0000}");
        Assert.Equal(5648, report.Overall.Gold);
    }
}
