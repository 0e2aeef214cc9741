using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Tone;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Tone;

public class ToneStageTests
{
    private static Article Run(string text)
    {
        var article = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new ToneStage()).Build()
            .Run(new Article(text, "t"));
        Assert.NotNull(article.Tone);
        return article;
    }

    private static Documents.Tone ToneOf(string text) => Run(text).Tone!;

    [Fact]
    public void A_sentence_of_praise_is_positive()
    {
        var t = ToneOf("The talks were a great success and both delegations welcomed the progress.");
        Assert.True(t.Positive > 0);
        Assert.Equal(0, t.Negative);
        Assert.True(t.Value > 0);
        Assert.Equal(t.Positive - t.Negative, t.Value, 9);
        Assert.Equal(t.Positive + t.Negative, t.Polarity, 9);
    }

    [Fact]
    public void A_report_of_killing_is_negative_including_words_the_base_lexicon_lacks()
    {
        // "casualties", "airstrikes" and "shelling" come from the news word list, not from VADER.
        var t = ToneOf("Airstrikes and shelling caused heavy casualties overnight.");
        Assert.Equal(0, t.Positive);
        Assert.Equal(3, (int)Math.Round(t.Negative * t.WordCount / 100));
        Assert.True(t.Value < 0);
    }

    [Fact]
    public void Negation_turns_the_next_words_around()
    {
        Assert.True(ToneOf("The meeting was good.").Value > 0);
        Assert.True(ToneOf("The meeting was not good.").Value < 0);
        Assert.True(ToneOf("The meeting wasn't good.").Value < 0);
        Assert.True(ToneOf("The outcome was not bad.").Value > 0);
        Assert.True(ToneOf("Negotiators made no progress.").Value < 0);
    }

    [Fact]
    public void Negation_stops_at_a_comma_or_a_contrast_and_not_only_is_no_negation()
    {
        // "excellent" is outside the reach of "not": the sentence is positive overall.
        var t = ToneOf("The hotel was not cheap, but the service was excellent.");
        Assert.True(t.Positive > 0);
        Assert.True(ToneOf("The plan was not only good but brilliant.").Negative == 0);
    }

    [Fact]
    public void Negation_reaches_three_words()
    {
        // "win" is four words after "not": it stays positive.
        var far = ToneOf("They did not expect the team to win.");
        Assert.True(far.Positive > 0);
        var near = ToneOf("They did not win.");
        Assert.True(near.Negative > 0 && near.Positive == 0);
    }

    [Fact]
    public void Pronouns_count_as_self_and_group_references_but_the_US_does_not()
    {
        Assert.True(ToneOf("We will fight for our rights, they said.").SelfGroupDensity > 0);
        Assert.Equal(0, ToneOf("The US said the deal was signed.").SelfGroupDensity);
    }

    [Fact]
    public void Action_verbs_in_any_form_count_as_activity()
    {
        var t = ToneOf("Troops attacked the town and seized the bridge before they withdrew.");
        // attacked, seized, withdrew of 11 words.
        Assert.Equal(3, (int)Math.Round(t.ActivityDensity * t.WordCount / 100));
        Assert.Equal(0, ToneOf("The committee is composed of seven members.").ActivityDensity);
    }

    [Fact]
    public void Word_count_counts_words_not_numbers_or_punctuation()
    {
        var t = ToneOf("Prices rose 4.5% in May, officials said.");
        Assert.Equal(6, t.WordCount);
    }

    [Fact]
    public void Every_sentence_gets_its_own_tone_in_order()
    {
        var a = Run("The rescue was a triumph and families celebrated. Later, two people were killed in a crash.");
        Assert.Equal(a.Sentences.Count, a.SentenceTones.Count);
        Assert.Equal(2, a.SentenceTones.Count);
        Assert.True(a.SentenceTones[0].Value > 0);
        Assert.True(a.SentenceTones[1].Value < 0);
        Assert.Equal(a.Tone!.WordCount, a.SentenceTones.Sum(t => t.WordCount));
    }

    [Fact]
    public void An_empty_article_has_a_zero_tone()
    {
        var t = ToneOf("");
        Assert.Equal(0, t.WordCount);
        Assert.Equal(0, t.Value);
    }

    [Fact]
    public void Domain_words_without_tone_in_news_are_not_counted()
    {
        // "interest", "shares", "united" and "security" are tone words in VADER but neutral in news.
        var t = ToneOf("Interest rates and shares in United Airlines rose as the Security Council met.");
        Assert.Equal(0, t.Positive);
    }

    [Fact]
    public void The_lexicon_is_loaded_with_its_lists()
    {
        Assert.True(ToneLexicon.Default.ToneWordCount > 7000);
        Assert.True(ToneLexicon.Default.ActivityWordCount > 300);
        Assert.Equal(["carry", "carries", "carried", "carrying"], ToneLexicon.RegularForms("carry"));
        Assert.Equal(["seize", "seizes", "seized", "seizing"], ToneLexicon.RegularForms("seize"));
        Assert.Equal(["march", "marches", "marched", "marching"], ToneLexicon.RegularForms("march"));
    }
}
