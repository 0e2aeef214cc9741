using NewsGraph.Core.Readers.PageDump;

namespace NewsGraph.Core.Tests.Readers.PageDump;

public class PageLineClassifierTests
{
    [Theory]
    [InlineData("Home Blog Page 2168", PageLineKind.Navigation)]
    [InlineData("Home › World › Middle East", PageLineKind.Navigation)]
    [InlineData("Page 3 of 12", PageLineKind.Navigation)]
    [InlineData("Share this article", PageLineKind.Furniture)]
    [InlineData("Facebook Twitter WhatsApp Telegram", PageLineKind.Furniture)]
    [InlineData("© 2024 Daily Example Ltd", PageLineKind.Furniture)]
    [InlineData("Related Articles", PageLineKind.RelatedMarker)]
    [InlineData("By Jane Doe", PageLineKind.Byline)]
    [InlineData("Friday, December 26, 2025", PageLineKind.Date)]
    [InlineData("Photo: Rescue workers search the rubble", PageLineKind.MarkedCaption)]
    [InlineData("Oil prices climb as supply fears grow", PageLineKind.HeadlineLike)]
    [InlineData("pakistan taliban", PageLineKind.CaptionLike)]
    [InlineData("Amir-Abdollahian", PageLineKind.LoneToken)]
    [InlineData("The talks ended without agreement.", PageLineKind.Body)]
    [InlineData("- Duty cuts on capital goods and raw materials", PageLineKind.Body)]
    [InlineData("• A new ferry route to the islands", PageLineKind.Body)]
    [InlineData("Mr. Quinn goes to the harbour board meeting in Portsmouth", PageLineKind.HeadlineLike)]
    [InlineData("Was the singer right to walk out of the show? Yes No Results are indicative only", PageLineKind.CaptionLike)]
    public void Classifies_lines_by_shape_and_page_vocabulary(string line, PageLineKind expected)
    {
        Assert.Equal(expected, PageLineClassifier.Classify(line, 1).Kind);
    }

    [Theory]
    [InlineData("Home prices rose 5% in March, official data showed.")]
    [InlineData("Share prices fell sharply on Monday after the announcement.")]
    [InlineData("By the end of the year, the plan had been dropped.")]
    [InlineData("Copyright lawsuits rose sharply in 2021, the report said.")]
    public void Sentences_starting_like_furniture_are_still_body(string line)
    {
        Assert.Equal(PageLineKind.Body, PageLineClassifier.Classify(line, 1).Kind);
    }

    [Fact]
    public void Normalises_no_break_spaces_tabs_and_zero_width_characters()
    {
        Assert.Equal("Iran and Cuba", PageLineClassifier.Classify("  Iran\u00A0and\t\u200BCuba ", 1).Text);
    }

    [Theory]
    [InlineData("Some caption here Some caption here", "Some caption here")]
    [InlineData("CaptionCaption", "Caption")]
    [InlineData("Not doubled at all", "Not doubled at all")]
    public void Undoubles_lines_a_scraper_wrote_twice(string line, string expected)
    {
        Assert.Equal(expected, PageSegmenter.Undouble(line));
    }

    [Theory]
    [InlineData("Steven Gerrard's late strike secured qualification for", true)]
    [InlineData("The men's 800m went to form in Sheffield as", true)]
    [InlineData("After the success of the film, the studio,", true)]
    [InlineData("Oil prices climb as supply fears grow", false)]
    [InlineData("Kremlin says not optimistic on US talks", false)]
    public void Tells_a_line_broken_mid_sentence(string line, bool expected)
    {
        Assert.Equal(expected, PageLineClassifier.EndsMidSentence(line));
    }
}
