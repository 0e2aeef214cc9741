using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Themes;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Themes;

public class ThemeStageTests
{
    private static readonly ArticlePipeline Pipeline =
        new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new ThemeStage()).Build();

    private static Article Fixture(string name) =>
        Pipeline.Run(TopicLabelEvaluation.ReadLabelledArticle(TestPaths.Fixture(Path.Combine("Themes", name)))!);

    private static Article Text(string text) => Pipeline.Run(new Article(text, "t"));

    private static ThemeAssignment? Theme(Article a, string code) => a.Themes.FirstOrDefault(t => t.Theme == code);

    [Theory]
    [InlineData("sanctions-oil.txt", "ENERGY", "SANCTIONS")]
    [InlineData("football-derby.txt", "SPORT", null)]
    [InlineData("quake-relief.txt", "NATURAL_DISASTER", null)]
    [InlineData("election-count.txt", "ELECTIONS", null)]
    [InlineData("ransomware.txt", "CYBER", "HEALTH")]
    public void Articles_get_their_topic_as_the_best_theme_with_the_spans_that_triggered_it(string file, string top, string? also)
    {
        var a = Fixture(file);
        Assert.NotEmpty(a.Themes);
        Assert.Equal(top, a.Themes[0].Theme);
        // A second topic of the story is among the next themes.
        if (also is not null) Assert.Contains(also, a.Themes.Skip(1).Take(2).Select(t => t.Theme));
        // Scores are ordered and in (0, 1); every trigger is a span of the text holding a term of the theme.
        Assert.True(a.Themes.Zip(a.Themes.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        var terms = ThemeTaxonomy.Default.Terms;
        foreach (var theme in a.Themes)
        {
            Assert.InRange(theme.Score, 0.0001, 1.0);
            Assert.NotEmpty(theme.Triggers);
            foreach (var span in theme.Triggers)
            {
                Assert.InRange(span.Start, 0, a.Text.Length);
                Assert.InRange(span.End, span.Start + 1, a.Text.Length);
                var text = a.Slice(span);
                Assert.Contains(terms, t => t.Theme?.Code == theme.Theme &&
                    (t.PrefixLast ? text.StartsWith(t.Text.TrimEnd('*'), StringComparison.OrdinalIgnoreCase) : string.Equals(t.Text, text, StringComparison.OrdinalIgnoreCase)));
            }
        }
    }

    [Fact]
    public void Sanctions_triggers_point_at_the_words_in_the_text()
    {
        var a = Fixture("sanctions-oil.txt");
        var triggers = Theme(a, "SANCTIONS")!.Triggers.Select(a.Slice).ToList();
        Assert.Contains("sanctions", triggers);
        Assert.Contains("embargo", triggers);
        Assert.Contains(Theme(a, "ENERGY")!.Triggers.Select(a.Slice), t => t == "crude");
    }

    [Fact]
    public void A_phrase_keeps_its_words_from_counting_for_another_theme()
    {
        // "tennis court" is a blocking phrase: the football report is no COURTS story.
        var a = Fixture("football-derby.txt");
        Assert.Null(Theme(a, "COURTS"));
        Assert.DoesNotContain(a.Themes.SelectMany(t => t.Triggers), s => a.Slice(s) == "court");
    }

    [Fact]
    public void A_notice_with_one_stray_word_gets_no_theme()
    {
        Assert.Empty(Fixture("committee-notice.txt").Themes);
        Assert.Empty(Text("He walked past the court on his way home.").Themes);
    }

    [Fact]
    public void A_word_repeated_three_times_is_evidence_but_once_is_not()
    {
        Assert.Null(Theme(Text("The uranium was found in a shed."), "NUCLEAR"));
        Assert.NotNull(Theme(Text("Inspectors found uranium. The uranium was enriched. Uranium stocks grew."), "NUCLEAR"));
    }

    [Fact]
    public void Capitalised_terms_match_only_as_written()
    {
        // "WHO" is the World Health Organization; "who" is a pronoun.
        var pandemic = Text("The WHO said the outbreak had spread, and the WHO urged calm.");
        Assert.Contains(Theme(pandemic, "PANDEMIC")!.Triggers, s => pandemic.Slice(s) == "WHO");
        var plain = Text("Officials who saw the outbreak said those who fled were safe.");
        Assert.DoesNotContain(plain.Themes.SelectMany(t => t.Triggers), s => plain.Slice(s) == "who");
    }

    [Fact]
    public void A_longer_article_needs_more_evidence_for_the_same_score()
    {
        Assert.True(ThemeStage.Score(6, 100) > ThemeStage.Score(6, 1000));
        Assert.True(ThemeStage.Score(30, 1000) > ThemeStage.Score(6, 1000));
    }

    [Fact]
    public void The_taxonomy_has_the_news_themes()
    {
        var codes = ThemeTaxonomy.Default.Themes.Select(t => t.Code).ToHashSet();
        Assert.InRange(codes.Count, 30, 40);
        foreach (var code in new[] { "SANCTIONS", "NUCLEAR", "ENERGY", "PANDEMIC", "TERRORISM", "ARMED_CONFLICT", "DIPLOMACY",
                     "ELECTIONS", "PROTEST", "AVIATION_ACCIDENT", "ECONOMY", "TRADE", "CRIME", "COURTS", "HEALTH", "CLIMATE",
                     "MIGRATION", "TECHNOLOGY", "CYBER", "SPORT", "ENTERTAINMENT", "EDUCATION", "RELIGION", "HUMAN_RIGHTS",
                     "CORRUPTION", "NATURAL_DISASTER", "AGRICULTURE", "TRANSPORT", "MEDIA", "MILITARY" })
            Assert.Contains(code, codes);
        Assert.All(ThemeTaxonomy.Default.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void A_malformed_taxonomy_line_is_reported_with_its_number()
    {
        var e = Assert.Throws<InvalidDataException>(() => ThemeTaxonomy.Parse(new StringReader("[SPORT] Sport\n3\tgoal\nheavy goal\n"), "t.tsv"));
        Assert.Contains("t.tsv line 3", e.Message);
        Assert.Throws<InvalidDataException>(() => ThemeTaxonomy.Parse(new StringReader("3\tgoal\n"), "t.tsv"));
        Assert.Throws<InvalidDataException>(() => ThemeTaxonomy.Parse(new StringReader("[A] a\n[A] again\n"), "t.tsv"));
    }

    [Fact]
    public void The_bbc_corpus_topics_are_matched_well_above_chance_when_the_corpus_is_present()
    {
        if (TestPaths.Shared is not { } shared) return;
        var root = Path.Combine(shared, "data", "news-corpus", "bbc");
        if (!Directory.Exists(root)) return;
        var tallies = TopicLabelEvaluation.Run(root, TopicLabelEvaluation.BbcLabels, Pipeline);
        double accuracy = (double)tallies.Sum(t => t.Matched) / tallies.Sum(t => t.Articles);
        // Measured 0.936; five labels make chance 0.2. A floor well under the figure.
        Assert.True(accuracy > 0.8, $"BBC topic agreement fell to {accuracy:P1}");
    }
}
