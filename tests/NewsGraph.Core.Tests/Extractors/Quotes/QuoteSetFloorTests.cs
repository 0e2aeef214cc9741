using NewsGraph.Core.Evaluation.Quotes;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Quotes;

/// <summary>
/// A floor under the measured figures of eval/quotes (see `newsgraph eval quotes` for the figures
/// themselves): set well below them, so that only a real regression fails.
/// </summary>
public class QuoteSetFloorTests
{
    [Theory]
    [InlineData("dev", 300)]
    [InlineData("heldout", 70)]
    public void Quote_recall_precision_and_speaker_accuracy_stay_above_the_floor(string half, int quotes)
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "eval", "quotes", half);
        var pipeline = DefaultPipeline.Create();
        var score = new QuoteScore();
        foreach (var file in Directory.EnumerateFiles(dir, "*.txt"))
        {
            var gold = QuoteGold.ReadFile(file);
            pipeline.Run(gold.Article);
            score.Add(QuoteScorer.Score(gold, gold.Article));
        }
        Assert.True(score.Gold >= quotes, $"{half} holds {score.Gold} quotes");
        Assert.True(score.Recall >= 0.80, $"{half} recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.85, $"{half} precision {score.Precision:0.000}");
        Assert.True(score.SpeakerAccuracy >= 0.80, $"{half} speaker accuracy {score.SpeakerAccuracy:0.000}");
        Assert.True(score.SpeakerWrong <= score.Matched / 8, $"{half}: {score.SpeakerWrong} wrong speakers of {score.Matched}");
    }

    [Fact]
    public void The_seed_page_gold_is_placed_and_scored_when_the_shared_folder_is_there()
    {
        if (TestPaths.Shared is null) return; // the seed page is not ours and is not shipped
        var tsv = Path.Combine(TestPaths.RepoRoot, "eval", "quotes", "dev", "seed-000.gold.tsv");
        var (articles, problem, unplaced) = QuoteGold.ReadOffsets(tsv, TestPaths.RepoRoot);
        Assert.True(articles is not null, problem);
        Assert.Equal(0, unplaced);
        var pipeline = DefaultPipeline.Create();
        var score = new QuoteScore();
        foreach (var gold in articles!)
        {
            pipeline.Run(gold.Article);
            score.Add(QuoteScorer.Score(gold, gold.Article));
        }
        Assert.Equal(113, score.Gold);
        Assert.True(score.Recall >= 0.80 && score.SpeakerAccuracy >= 0.80, $"seed recall {score.Recall:0.000}, speaker {score.SpeakerAccuracy:0.000}");
    }
}
