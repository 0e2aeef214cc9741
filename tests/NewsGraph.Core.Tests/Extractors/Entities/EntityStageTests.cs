using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Entities;

/// <summary>The entities stage with the shipped model, on sentences written for these tests.</summary>
public class EntityStageTests
{
    private static Article Run(string text)
    {
        var article = new Article(text);
        DefaultPipeline.Create().Run(article);
        return article;
    }

    private static List<(string Text, string Type)> Entities(string text)
    {
        var article = Run(text);
        return article.Entities.Select(e => (article.Slice(e.Span), e.Type)).ToList();
    }

    [Fact]
    public void Runs_after_tokens_in_the_default_pipeline()
    {
        var names = DefaultPipeline.CreateBuilder().Names.ToList();
        Assert.True(names.IndexOf("entities") == names.IndexOf("tokens") + 1, string.Join(", ", names));
    }

    [Fact]
    public void Finds_people_organisations_and_countries_with_exact_spans()
    {
        var found = Entities("Angela Merkel met executives of Siemens in Berlin on Tuesday, a spokesman for the European Commission said.");
        Assert.Contains(("Angela Merkel", "PERSON"), found);
        Assert.Contains(("Siemens", "ORG"), found);
        Assert.Contains(("Berlin", "GPE"), found);
        Assert.Contains(("European Commission", "ORG"), found);
        Assert.DoesNotContain(found, e => e.Text is "Tuesday" or "spokesman");
    }

    [Fact]
    public void A_title_before_a_name_is_not_part_of_the_person()
    {
        var found = Entities("President Joe Biden told reporters in Washington that talks with China would resume.");
        Assert.Contains(("Joe Biden", "PERSON"), found);
        Assert.DoesNotContain(found, e => e.Text.Contains("President"));
        Assert.Contains(found, e => e.Text == "China" && e.Type == "GPE");
    }

    [Fact]
    public void A_possessive_stays_outside_the_name()
    {
        var article = Run("Iran's foreign minister said Tehran would not accept the offer.");
        var iran = Assert.Single(article.Entities, e => article.Slice(e.Span).StartsWith("Iran"));
        Assert.Equal("Iran", article.Slice(iran.Span));
        Assert.Equal("GPE", iran.Type);
        Assert.Contains(article.Entities, e => article.Slice(e.Span) == "Tehran");
    }

    [Fact]
    public void Curly_apostrophes_are_read_like_straight_ones()
    {
        var found = Entities("Russia’s President Vladimir Putin spoke to Emmanuel Macron of France.");
        Assert.Contains(("Russia", "GPE"), found);
        Assert.Contains(("Vladimir Putin", "PERSON"), found);
        Assert.Contains(("Emmanuel Macron", "PERSON"), found);
    }

    [Fact]
    public void Nationalities_are_norp_and_regions_are_loc()
    {
        var found = Entities("German and French officials travelled across Europe and the Middle East to meet Palestinian leaders.");
        Assert.Contains(("German", "NORP"), found);
        Assert.Contains(("French", "NORP"), found);
        Assert.Contains(("Palestinian", "NORP"), found);
        Assert.Contains(("Europe", "LOC"), found);
        Assert.Contains(("Middle East", "LOC"), found);
    }

    [Fact]
    public void Cities_and_states_are_gpe()
    {
        var found = Entities("The company moved its headquarters from Chicago to Austin, Texas, last year.");
        Assert.Contains(("Chicago", "GPE"), found);
        Assert.Contains(("Austin", "GPE"), found);
        Assert.Contains(("Texas", "GPE"), found);
    }

    [Fact]
    public void Multi_word_organisations_are_one_mention()
    {
        var found = Entities("The International Monetary Fund and the World Health Organization issued a joint statement.");
        Assert.Contains(("International Monetary Fund", "ORG"), found);
        Assert.Contains(("World Health Organization", "ORG"), found);
    }

    [Fact]
    public void A_capitalised_first_word_is_not_a_name_by_itself()
    {
        var found = Entities("Officials said the bridge would reopen. Yesterday the ministry confirmed it. However, nothing changed.");
        Assert.Empty(found);
    }

    [Fact]
    public void An_all_capitals_dateline_gives_the_place_and_the_agency()
    {
        var found = Entities("OSLO, March 19 (Reuters) - Norway's central bank raised its key interest rate on Thursday.");
        Assert.Contains(("OSLO", "GPE"), found);
        Assert.Contains(("Reuters", "ORG"), found);
        Assert.Contains(("Norway", "GPE"), found);
    }

    [Fact]
    public void A_title_case_headline_does_not_turn_every_word_into_a_name()
    {
        var found = Entities("Oil Prices Climb As Saudi Arabia Cuts Output Again");
        Assert.Contains(found, e => e.Text == "Saudi Arabia" && e.Type == "GPE");
        Assert.DoesNotContain(found, e => e.Text.Contains("Prices") || e.Text.Contains("Output") || e.Text.Contains("Climb"));
    }

    [Fact]
    public void Spans_cover_exactly_the_name_characters()
    {
        var article = Run("  “We will respond,” said Kim Jong Un , according to KCNA.\n\nSeoul dismissed the claim.");
        foreach (var e in article.Entities)
        {
            var text = article.Slice(e.Span);
            Assert.Equal(text.Trim(), text);
            Assert.False(text.EndsWith(',') || text.EndsWith('.') || text.StartsWith('“'), text);
        }
        Assert.Contains(article.Entities, e => article.Slice(e.Span) == "Seoul");
    }

    [Fact]
    public void Unpaired_brackets_stay_outside_a_name()
    {
        var article = Run("Officials said [the Pakistan Taliban] had claimed the attack near Peshawar.");
        Assert.All(article.Entities, e => Assert.DoesNotContain(']', article.Slice(e.Span)));
        Assert.Contains(article.Entities, e => article.Slice(e.Span) == "Peshawar" && e.Type == "GPE");
    }

    [Fact]
    public void A_surname_alone_is_the_person_named_in_full_earlier()
    {
        var found = Entities("MaliVai Washington reached the final on Sunday. Washington said he felt tired but happy.");
        Assert.Contains(("MaliVai Washington", "PERSON"), found);
        Assert.Contains(("Washington", "PERSON"), found);
        Assert.DoesNotContain(("Washington", "GPE"), found);
    }

    [Fact]
    public void An_empty_article_has_no_entities()
    {
        Assert.Empty(Run("").Entities);
        Assert.Empty(Run("   \n\n  ").Entities);
    }

    [Fact]
    public void The_same_tagger_gives_the_same_answer_on_many_threads()
    {
        const string text = "Kenya's President William Ruto met Ethiopian officials in Nairobi before flying to Geneva.";
        var expected = Entities(text);
        var results = new List<(string, string)>[8];
        Parallel.For(0, results.Length, i => results[i] = Entities(text));
        foreach (var r in results) Assert.Equal(expected, r);
    }
}
