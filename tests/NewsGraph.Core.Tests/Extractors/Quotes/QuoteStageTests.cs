using NewsGraph.Core.Documents;
using NewsGraph.Core.Evaluation.Quotes;
using NewsGraph.Core.Extractors.Quotes;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Core.Tests.Extractors.Quotes;

/// <summary>
/// Each fixture in Fixtures/Quotes marks every quote it holds with its speaker (the format of
/// eval/quotes); a fixture passes when the stage finds exactly those quotes, with the same spans,
/// direct or reported, and the right speakers, and nothing else.
/// </summary>
public class QuoteStageTests
{
    private static GoldArticle Fixture(string name) => QuoteGold.Parse(name, TestPaths.ReadFixture(Path.Combine("Quotes", name)));

    private static Article Extract(GoldArticle gold) => DefaultPipeline.Create().Run(gold.Article);

    private static Article Extract(string text, string title = "", params string[] captions)
    {
        var a = new Article(text, title);
        a.Captions.AddRange(captions);
        return DefaultPipeline.Create().Run(a);
    }

    private static Quote QuoteOf(Article a, string words) =>
        Assert.Single(a.Quotes, q => a.Slice(q.Span) == words);

    /// <summary>Every gold quote found with its exact span, kind and speaker; no quote found that is not gold.</summary>
    private static void AssertAsMarked(string fixture)
    {
        var gold = Fixture(fixture);
        var found = Extract(gold);
        foreach (var g in gold.Quotes)
        {
            var words = gold.Article.Slice(g.Span);
            var match = found.Quotes.Where(q => q.Span == g.Span).ToList();
            Assert.True(match.Count == 1, $"{fixture}: expected a quote “{words}”; found: {string.Join(" | ", found.Quotes.Select(q => found.Slice(q.Span)))}");
            var q = match[0];
            Assert.True(q.Direct == g.Direct, $"{fixture}: “{words}” should be {(g.Direct ? "direct" : "reported")}");
            Assert.True(QuoteScorer.SpeakerRight(g, q.Speaker), $"{fixture}: “{words}” is {(g.NullSpeaker ? "nobody's" : g.Speakers[0] + "'s")}, not {q.Speaker ?? "null"}'s");
            if (!g.NullSpeaker) Assert.Equal(g.Type, q.SpeakerType);
        }
        var extra = found.Quotes.Where(q => !gold.Quotes.Any(g => g.Span == q.Span)).Select(q => found.Slice(q.Span)).ToList();
        Assert.True(extra.Count == 0, $"{fixture}: not quotes: {string.Join(" | ", extra)}");
    }

    [Fact]
    public void Curly_and_straight_marks_both_make_quotes_with_named_speakers_before_and_after_the_verb() =>
        AssertAsMarked("curly-and-straight.txt");

    [Fact]
    public void A_quote_over_paragraphs_and_a_continuation_paragraph_keep_the_speaker() =>
        AssertAsMarked("multi-paragraph.txt");

    [Fact]
    public void The_minister_in_the_text_is_the_foreign_minister_of_the_headline_named_in_the_caption() =>
        AssertAsMarked("headline-minister.txt");

    [Fact]
    public void He_and_she_go_to_the_man_and_the_woman_of_the_story() =>
        AssertAsMarked("two-genders.txt");

    [Fact]
    public void Organisations_and_withheld_sources_are_recorded_as_such_and_referred_back_to() =>
        AssertAsMarked("organisations-and-sources.txt");

    [Fact]
    public void Reported_speech_with_and_without_that_before_the_attribution_and_with_according_to() =>
        AssertAsMarked("reported-speech.txt");

    [Fact]
    public void Partial_quotes_are_quotes_but_scare_quotes_titles_and_names_are_not() =>
        AssertAsMarked("partial-scare-title.txt");

    [Fact]
    public void A_speaker_nobody_in_the_article_fits_stays_null() =>
        AssertAsMarked("unresolvable.txt");

    [Fact]
    public void Quote_spans_leave_out_the_marks_and_the_comma_before_the_attribution()
    {
        var a = Extract("“We are ready,” Price said. \"It is over.\" ‘Enough,’ she added.");
        Assert.Equal("We are ready", a.Slice(a.Quotes[0].Span));
        Assert.Contains(a.Quotes, q => a.Slice(q.Span) == "It is over.");
        Assert.All(a.Quotes, q => Assert.False(QuotationMarks.IsMark(a.Text[q.Span.Start]) || QuotationMarks.IsMark(a.Text[q.Span.End - 1])));
    }

    [Fact]
    public void An_interrupted_quote_is_two_quotes_of_one_speaker()
    {
        var a = Extract("“This round is ongoing,” spokesman Ned Price said, “and the progress is modest.”");
        Assert.Equal(2, a.Quotes.Count);
        Assert.All(a.Quotes, q => Assert.Equal("Ned Price", q.Speaker));
        Assert.Equal("and the progress is modest.", a.Slice(a.Quotes[1].Span));
    }

    [Fact]
    public void Appositive_roles_and_inverted_speakers_give_the_named_person()
    {
        var a = Extract("Jean Moreau, the foreign minister, said talks would resume in May. " +
                        "“We are close,” said Lena Brandt, an analyst at Kessler Bank.");
        Assert.Equal("Jean Moreau", QuoteOf(a, "talks would resume in May").Speaker);
        var q = QuoteOf(a, "We are close");
        Assert.Equal("Lena Brandt", q.Speaker);
        Assert.Equal("say", q.Verb);
        Assert.Equal("Lena Brandt", a.Slice(q.SpeakerSpan!.Value));
    }

    [Fact]
    public void A_title_abbreviated_with_a_full_stop_stays_with_the_name_it_precedes()
    {
        var a = Extract("“This is the most expensive mile of track in the country,” said Cllr. Joan Pryce, who voted against. " +
                        "Gov. Alma Reyes said the state would pay its share.");
        Assert.Equal("Joan Pryce", QuoteOf(a, "This is the most expensive mile of track in the country").Speaker);
        Assert.Equal("Alma Reyes", QuoteOf(a, "the state would pay its share").Speaker);
    }

    [Fact]
    public void A_description_resolves_to_the_role_holder_not_to_the_last_speaker()
    {
        var a = Extract(
            "Foreign Ministry Spokesman Wang Wenbin told a briefing that ties were strong. " +
            "Separately, trade envoy Li Mei said exports had risen. " +
            "“Our cooperation benefits both peoples,” the spokesman continued.");
        Assert.Equal("Wang Wenbin", QuoteOf(a, "Our cooperation benefits both peoples").Speaker);
        Assert.Equal("continue", QuoteOf(a, "Our cooperation benefits both peoples").Verb);
    }

    [Fact]
    public void Entities_from_the_tagger_give_the_canonical_name_and_entity_id()
    {
        const string text = "Ned Price, the State Department spokesman, said the talks were useful. “We remain hopeful,” the spokesman added.";
        var a = new Article(text, "US hopeful on talks");
        a.Entities.Add(new EntityMention(new Span(0, 9), "PERSON") { Canonical = "Edward Price", EntityId = "p1", Role = "spokesman", Country = "USA" });
        // The hand-set mention stands for what the entity stages give: keep the tagger and the identity
        // stages (roles, coreference) from replacing it.
        DefaultPipeline.CreateBuilder().Remove("entities").Remove("roles").Remove("coreference").Build().Run(a);
        var reported = QuoteOf(a, "the talks were useful");
        Assert.Equal("Edward Price", reported.Speaker);
        Assert.Equal("p1", reported.SpeakerEntity);
        var direct = QuoteOf(a, "We remain hopeful");
        Assert.Equal("Edward Price", direct.Speaker);
        Assert.Equal("p1", direct.SpeakerEntity);
        Assert.Equal("add", direct.Verb);
    }

    [Fact]
    public void Speech_inside_a_quote_is_not_an_attribution()
    {
        var a = Extract("“We have always said we are ready for peace,” Osman Idris told reporters.");
        var q = Assert.Single(a.Quotes);
        Assert.Equal("Osman Idris", q.Speaker);
        Assert.True(q.Direct);
    }

    [Fact]
    public void Every_span_is_the_text_it_names_in_the_json_contract()
    {
        var gold = Fixture("organisations-and-sources.txt");
        var a = new Article("🎉 " + gold.Article.Text, gold.Article.Title);
        DefaultPipeline.Create().Run(a);
        Assert.NotEmpty(a.Quotes);
        using var doc = System.Text.Json.JsonDocument.Parse(ArticleJsonWriter.ToJson(a));
        var text = doc.RootElement.GetProperty("text").GetString()!;
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        foreach (var q in doc.RootElement.GetProperty("quotes").EnumerateArray())
        {
            int start = q.GetProperty("start").GetInt32(), end = q.GetProperty("end").GetInt32();
            Assert.Equal(q.GetProperty("text").GetString(), string.Concat(codePoints[start..end]));
        }
    }

    [Fact]
    public void Bad_text_gives_no_quotes_or_well_formed_ones_and_never_throws()
    {
        var samples = new[]
        {
            "",
            "   \n\n  ",
            "“",
            "\"\"\"\" '' ‘’ “” «»",
            "“An opening mark that never closes, said nobody",
            string.Join(" ", Enumerable.Repeat("“said” he said, “", 3000)),
            new string('a', 50_000) + " said " + new string('“', 500),
            "He said that that that that, he said, according to to to according to.",
        };
        foreach (var text in samples)
        {
            var a = Extract(text);
            foreach (var q in a.Quotes)
            {
                Assert.InRange(q.Span.Start, 0, text.Length);
                Assert.InRange(q.Span.End, q.Span.Start + 1, text.Length);
            }
        }
    }
}
