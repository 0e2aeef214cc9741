using NewsGraph.Core.Evaluation;

namespace NewsGraph.Core.Tests.Evaluation;

public class ArticleBodyScoreTests
{
    [Fact]
    public void Identical_texts_score_one_and_match_exactly_whatever_the_spacing()
    {
        var o = ArticleBodyScore.Compare("The council met on Monday to vote.", "The council met\n\non Monday, to vote!");
        Assert.Equal(1, o.Precision);
        Assert.Equal(1, o.Recall);
        Assert.True(o.ExactMatch);
    }

    [Fact]
    public void Extra_and_missing_shingles_are_counted_by_four_token_windows()
    {
        // truth: a b c d e → shingles abcd, bcde; prediction: a b c d x → abcd, bcdx.
        var o = ArticleBodyScore.Compare("a b c d e", "a b c d x");
        Assert.Equal(1 / 3.0, o.TruePositive, 9);
        Assert.Equal(1 / 3.0, o.FalsePositive, 9);
        Assert.Equal(1 / 3.0, o.FalseNegative, 9);
        Assert.Equal(0.5, o.Precision, 9);
        Assert.Equal(0.5, o.Recall, 9);
        Assert.False(o.ExactMatch);
    }

    [Fact]
    public void Repeated_shingles_count_by_multiplicity()
    {
        // The prediction repeats the article: every shingle of the copy is a false positive.
        var truth = "one two three four five";
        var o = ArticleBodyScore.Compare(truth, truth + " " + truth);
        Assert.Equal(1.0, o.Recall, 9);
        Assert.True(o.Precision < 0.5);
    }

    [Fact]
    public void Short_texts_are_one_shingle_compared_case_sensitively_and_empty_prediction_scores_zero()
    {
        Assert.Equal(1, ArticleBodyScore.Compare("Breaking news", "Breaking  news").Precision, 9);
        Assert.Equal(0, ArticleBodyScore.Compare("Breaking news", "breaking news").Precision, 9);
        var empty = ArticleBodyScore.Compare("The river peaked at six metres on Wednesday.", "");
        Assert.Equal(0, empty.Precision);
        Assert.Equal(0, empty.Recall);
    }

    [Fact]
    public void Word_tokens_follow_unicode_letters_and_numbers()
    {
        Assert.Equal(["Grève", "des", "dockers", "l", "arrêt", "2024", "x_y", "²"], ArticleBodyScore.Tokens("Grève des dockers: l'arrêt — 2024 x_y ²"));
        Assert.Equal(["서울", "뉴스"], ArticleBodyScore.Tokens("서울, 뉴스."));
    }

    [Fact]
    public void Means_over_pages_give_precision_recall_and_f1()
    {
        var pages = new[] { ArticleBodyScore.Compare("a b c d e", "a b c d e"), ArticleBodyScore.Compare("a b c d e", "a b c d x") };
        var s = BodyScores.Of(pages);
        Assert.Equal(0.75, s.Precision, 9);
        Assert.Equal(0.75, s.Recall, 9);
        Assert.Equal(0.75, s.F1, 9);
        Assert.Equal(0.5, s.Accuracy, 9);
    }
}
