using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Tests.Extractors.Segmentation;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text)
    {
        var spans = new List<Span>();
        SentenceSplitter.Split(text, spans);
        return spans.Select(s => text[s.Start..s.End]).ToList();
    }

    [Fact]
    public void Splits_at_full_stops_followed_by_a_capital()
    {
        Assert.Equal(["The talks ended.", "Both sides left Geneva."], Sentences("The talks ended. Both sides left Geneva."));
    }

    [Theory]
    [InlineData("Dr. Ian Patel rode the first train.")]
    [InlineData("Sen. Anna Lindqvist chaired the meeting.")]
    [InlineData("“It is too dear,” said Cllr. Joan Pryce, who voted against.")]
    [InlineData("Gov. Reyes and Gen. Ortiz met on Monday.")]
    [InlineData("John F. Kennedy was shot in 1963.")]
    [InlineData("The U.S. Secretary of State flew to Kyiv.")]
    [InlineData("The deal was signed on Jan. 14 in Vienna.")]
    [InlineData("He lives at No. 10 Downing Street.")]
    [InlineData("Output rose to 1.4 million barrels a day.")]
    [InlineData("Shares fell 53% to $130.50 on Friday.")]
    [InlineData("The toll reached 6,210,298 cases.")]
    [InlineData("The meeting ended at 5 a.m. on Tuesday.")]
    public void Does_not_split_after_abbreviations_initials_or_inside_numbers(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Splits_after_an_abbreviation_that_ends_a_sentence_when_a_sentence_starter_follows()
    {
        Assert.Equal(["Troops were sent to the U.S.", "The move angered Moscow."],
            Sentences("Troops were sent to the U.S. The move angered Moscow."));
    }

    [Fact]
    public void Keeps_the_closing_quote_with_the_sentence_it_closes()
    {
        Assert.Equal(["“It’s over, enough is enough.”", "Talks resume on Monday."],
            Sentences("“It’s over, enough is enough.” Talks resume on Monday."));
    }

    [Fact]
    public void Does_not_split_before_the_attribution_after_a_quoted_question_or_exclamation()
    {
        var text = "“Why now?” he asked. “Stop the war!” she shouted.";
        Assert.Equal(["“Why now?” he asked.", "“Stop the war!” she shouted."], Sentences(text));
    }

    [Fact]
    public void Splits_a_quote_that_spans_sentences_inside_the_quote_marks()
    {
        var text = "“This round is ongoing. We’ve spoken to the modest progress,” Price stated on Tuesday.";
        Assert.Equal(["“This round is ongoing.", "We’ve spoken to the modest progress,” Price stated on Tuesday."], Sentences(text));
    }

    [Fact]
    public void Straight_quotes_work_like_curly_ones()
    {
        var text = "\"We are calling on the US to act.\" Ryabkov said nothing more.";
        Assert.Equal(["\"We are calling on the US to act.\"", "Ryabkov said nothing more."], Sentences(text));
    }

    [Fact]
    public void Dashes_inside_a_sentence_do_not_split_it()
    {
        var text = "Sheikh Maqbool – who went by an alias – took over in 2014. He died later.";
        Assert.Equal(["Sheikh Maqbool – who went by an alias – took over in 2014.", "He died later."], Sentences(text));
    }

    [Fact]
    public void Ellipsis_splits_only_before_a_capital()
    {
        Assert.Equal(["We waited... and waited.", "Nothing came."], Sentences("We waited... and waited. Nothing came."));
        Assert.Equal(["We waited…", "Then it rained."], Sentences("We waited… Then it rained."));
    }

    [Fact]
    public void Paragraph_breaks_always_end_a_sentence()
    {
        Assert.Equal(["Kremlin says not optimistic on US talks", "Peskov spoke on Tuesday."],
            Sentences("Kremlin says not optimistic on US talks\n\nPeskov spoke on Tuesday."));
    }

    [Fact]
    public void Offsets_are_shifted_for_a_paragraph_inside_a_longer_text()
    {
        var spans = new List<Span>();
        SentenceSplitter.Split("xx One. Two.".AsSpan(3), 3, spans);
        Assert.Equal([new Span(3, 7), new Span(8, 12)], spans);
    }
}
