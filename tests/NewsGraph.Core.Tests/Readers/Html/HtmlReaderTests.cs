using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers.Html;

/// <summary>News pages in several sites' layouts: the article's text, metadata and captions, without the page's furniture.</summary>
public class HtmlReaderTests
{
    private static Article Read(string fixture, string? url = null, string? contentType = null)
    {
        var path = TestPaths.Fixture("Html/" + fixture);
        var source = new InputSource(path, () => File.OpenRead(path)) { Url = url, ContentType = contentType };
        var results = ArticleReader.CreateDefault().Read(source).ToList();
        Assert.All(results, r => Assert.True(r.Problem is null || !r.Problem.IsFatal, r.Problem?.ToString()));
        return Assert.Single(results, r => r.Article is not null).Article!;
    }

    private static List<string> Paragraphs(Article a) => a.Paragraphs.Select(a.Slice).ToList();

    [Fact]
    public void Broadsheet_article_keeps_body_and_subheading_and_sets_captions_aside()
    {
        var a = Read("broadsheet-article.html");

        Assert.Equal("Harbour bridge to close for two years of repairs", a.Title);
        Assert.Equal("2023-03-14T07:45Z", a.Date);
        Assert.Equal(["Helen Marsh"], a.Authors);
        Assert.Equal("en", a.Language);
        Assert.Equal("https://www.northernledger.example/news/harbour-bridge-repairs", a.Url);
        Assert.Equal(
        [
            "The city's harbour bridge will close to traffic for two years from September while engineers replace corroded steel cables, the regional transport authority said on Tuesday.",
            "The closure will divert about 40,000 vehicles a day onto the ring road, which officials expect to add twenty minutes to peak-hour journeys across the estuary.",
            "Ferries to run every ten minutes",
            "To ease the disruption, the authority will charter three extra ferries and run a crossing every ten minutes at rush hour, with fares frozen until the bridge reopens.",
            "\"We have no safe alternative to a full closure,\" said Mara Lind, the authority's chief engineer. \"Patching the cables one by one would take longer and cost more.\"",
            "Local businesses on the north shore said they feared losing customers and asked the council for a temporary cut in business rates during the works.",
        ], Paragraphs(a));
        Assert.Equal(["The bridge carries 40,000 vehicles a day. Photograph: Ledger staff", "Inspectors found corrosion on 60 of the 128 cables."], a.Captions);
        foreach (var furniture in new[] { "Advertisement", "Related", "Ring road widening", "Share on Facebook", "Most read", "Cup final", "All rights reserved", "Sport", "By Helen Marsh", "Photograph", "corrosion on 60" })
            Assert.DoesNotContain(furniture, a.Text);
    }

    [Fact]
    public void Text_has_blank_lines_between_paragraphs_and_spans_cover_each_one()
    {
        var a = Read("broadsheet-article.html");

        Assert.Equal(string.Join("\n\n", Paragraphs(a)), a.Text);
        Assert.Equal(0, a.Paragraphs[0].Start);
        Assert.Equal(a.Text.Length, a.Paragraphs[^1].End);
    }

    [Fact]
    public void Blog_post_keeps_its_list_and_leaves_out_comments_meta_and_widgets()
    {
        var a = Read("blog-post-with-comments.html");

        Assert.Equal("Why our town library still matters", a.Title);
        Assert.Equal("2022-11-08T18:20-05:00", a.Date);
        Assert.Equal(["Tom Okafor"], a.Authors);
        Assert.Equal("https://riversidenotes.example/2022/11/08/why-our-town-library-still-matters/", a.Url);
        var paragraphs = Paragraphs(a);
        Assert.Equal(6, paragraphs.Count);
        Assert.StartsWith("Last week the council proposed", paragraphs[0]);
        Assert.Equal("Over 9,000 visits were recorded in October alone.", paragraphs[2]);
        Assert.Equal("The homework club serves about 60 pupils each week.", paragraphs[3]);
        Assert.StartsWith("If you agree, the consultation is open", paragraphs[5]);
        foreach (var furniture in new[] { "grandson", "open on Sundays", "Elm Street", "thoughts on", "Leave a Reply", "Recent Posts", "Autumn fair", "Tagged", "Posted on", "About" })
            Assert.DoesNotContain(furniture, a.Text);
    }

    [Fact]
    public void Wire_story_drops_cookie_banner_share_bar_dateline_and_tags()
    {
        var a = Read("wire-story-cookie-banner.html");

        Assert.Equal("Grève des dockers : le port de Marseille à l'arrêt", a.Title);
        Assert.Equal("2024-01-22", a.Date);
        Assert.Equal(["Claire Dubois"], a.Authors);
        Assert.Equal("fr", a.Language);
        var paragraphs = Paragraphs(a);
        Assert.Equal(4, paragraphs.Count);
        Assert.StartsWith("MARSEILLE (AC) - L'activité du port", paragraphs[0]);
        Assert.Equal("Le ministère des Transports a indiqué qu'une réunion avec les partenaires sociaux était prévue jeudi à Paris.", paragraphs[3]);
        foreach (var furniture in new[] { "cookies", "Accepter", "Facebook", "LinkedIn", "Mots-clés", "Tous droits", "Accueil", "14:05" })
            Assert.DoesNotContain(furniture, a.Text);
    }

    [Fact]
    public void Json_ld_alone_gives_headline_date_authors_and_language()
    {
        var a = Read("jsonld-only-metadata.html");

        Assert.Equal("Flood defences hold as river peaks at record level", a.Title);
        Assert.Equal("2021-02-03T16:30+01:00", a.Date);
        Assert.Equal(["Ana Ruiz", "Piotr Nowak"], a.Authors);
        Assert.Equal("en", a.Language);
        var paragraphs = Paragraphs(a);
        Assert.Equal(3, paragraphs.Count);
        Assert.StartsWith("The river reached 6.2 metres", paragraphs[0]);
        Assert.EndsWith("the mayor said.", paragraphs[2]);
        Assert.DoesNotContain("Council opens new sports hall", a.Text);
        Assert.DoesNotContain("Weather", a.Text);
    }

    [Fact]
    public void Legacy_windows_1252_page_decodes_by_its_meta_charset()
    {
        var a = Read("legacy-windows-1252.html");

        Assert.Equal("Café owners protest new terrace tax", a.Title);
        Assert.Equal("2009-06-05", a.Date);
        var paragraphs = Paragraphs(a);
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal("Owners of more than forty cafés on Saint-Denis Street closed their terraces for an hour on Friday to protest against a new municipal tax on outdoor seating.", paragraphs[0]);
        Assert.Contains("€12 per square metre", paragraphs[1]);
        Assert.Contains("“It is a tax on summer itself,” said José Tremblay", paragraphs[1]);
        Assert.DoesNotContain("Archives", a.Text);
        Assert.DoesNotContain("Copyright", a.Text);
        Assert.DoesNotContain("\uFFFD", a.Text);
    }

    [Fact]
    public void Time_element_gives_the_date_and_byline_line_stays_out()
    {
        var a = Read("time-element-and-url-date.html", url: "https://kurier.example/region/2023/03/14/radwege");

        Assert.Equal("Stadtrat beschließt neues Radwegenetz", a.Title);
        // The page's own <time> beats the date in its URL (often the day a story was first filed).
        Assert.Equal("2023-03-15T18:02+01:00", a.Date);
        Assert.Equal("de", a.Language);
        Assert.Equal(3, a.Paragraphs.Count);
        Assert.DoesNotContain("Jonas Berger", a.Text);
        Assert.DoesNotContain("Start", a.Text);
    }

    [Fact]
    public void Date_in_the_url_is_used_when_the_page_has_none()
    {
        var a = Read("url-date-only.html", url: "https://citytransit.example/news/2023/03/15/tram-strike-called-off/");

        Assert.Equal("2023-03-15", a.Date);
        Assert.Equal("https://citytransit.example/news/2023/03/15/tram-strike-called-off/", a.Url);
        Assert.Equal(2, a.Paragraphs.Count);
    }

    [Fact]
    public void Page_without_any_date_has_none()
    {
        Assert.Null(Read("url-date-only.html").Date);
    }
}
