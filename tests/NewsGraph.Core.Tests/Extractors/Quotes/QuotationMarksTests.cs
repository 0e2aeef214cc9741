using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Quotes;

namespace NewsGraph.Core.Tests.Extractors.Quotes;

public class QuotationMarksTests
{
    private static List<string> Words(string text)
    {
        var found = new List<QuotedStretch>();
        QuotationMarks.Find(text, new Span(0, text.Length), 0, found);
        return found.Select(s => text[s.Words.Start..s.Words.End]).ToList();
    }

    [Fact]
    public void Apostrophes_do_not_close_a_single_quoted_stretch()
    {
        Assert.Equal(["Iran’s friends don’t agree"], Words("He said ‘Iran’s friends don’t agree’ on Tuesday."));
        Assert.Equal(["statement signing"], Words("Hartley hails 'statement signing' after deal"));
    }

    [Fact]
    public void A_plural_possessive_is_not_a_closing_mark_when_a_better_one_follows()
    {
        Assert.Equal(["the brothers’ rift is deep"], Words("A friend said ‘the brothers’ rift is deep’ last night."));
    }

    [Fact]
    public void Inner_quotes_stay_inside_the_outer_quote()
    {
        Assert.Equal(["He told me ‘no’ twice"], Words("“He told me ‘no’ twice,” she said."));
    }

    [Fact]
    public void A_paragraph_that_ends_inside_a_quote_runs_to_its_end()
    {
        var text = "“We found classrooms without heating.";
        var found = new List<QuotedStretch>();
        QuotationMarks.Find(text, new Span(0, text.Length), 3, found);
        var s = Assert.Single(found);
        Assert.True(s.OpenEnded);
        Assert.Equal(3, s.Paragraph);
        Assert.Equal("We found classrooms without heating.", text[s.Words.Start..s.Words.End]);
    }

    [Fact]
    public void A_straight_mark_opening_a_sentence_inside_a_quote_starts_the_next_stretch()
    {
        // Paragraphs run together by a scraper: "... structure. "The Foundation ..." goes on with a new mark.
        Assert.Equal(["There is no structure.", "The Foundation has concerns."],
            Words("\"There is no structure. \"The Foundation has concerns.\" A spokesman said nothing."));
    }

    [Fact]
    public void Guillemets_and_german_low_marks_are_quotes()
    {
        Assert.Equal(["Nous sommes prêts"], Words("« Nous sommes prêts », a-t-il dit."));
        Assert.Equal(["Wir sind bereit"], Words("„Wir sind bereit“, sagte er."));
    }
}
