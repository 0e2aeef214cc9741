using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers.PageDump;

public class PageDumpReaderTests
{
    private static List<Article> Read(string fixture)
    {
        var results = ArticleReader.CreateDefault().Read(InputSource.FromFile(TestPaths.Fixture("PageDumps/" + fixture))).ToList();
        Assert.All(results, r => Assert.True(r.Problem is null || !r.Problem.IsFatal, r.Problem?.ToString()));
        return results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
    }

    [Fact]
    public void Listing_page_splits_into_its_articles_with_headlines_and_captions()
    {
        var articles = Read("listing-blog.txt");

        Assert.Equal(
            ["Port strike enters third week as talks stall", "Northern rail link opens two years late", "Drought forces water limits in three provinces"],
            articles.Select(a => a.Title));
        Assert.Equal(["dock workers"], articles[0].Captions);
        Assert.Empty(articles[1].Captions);
        Assert.Equal(["reservoir at low level"], articles[2].Captions);
    }

    [Fact]
    public void Page_date_line_is_page_metadata_not_the_article_date()
    {
        var articles = Read("listing-blog.txt");

        Assert.All(articles, a => Assert.Equal("2023-03-06", a.PageDate));
        Assert.All(articles, a => Assert.Null(a.Date));
    }

    [Fact]
    public void Watermarks_share_bars_breadcrumbs_and_pagination_stay_out_of_the_text()
    {
        var articles = Read("listing-blog.txt");
        var all = string.Join("\n", articles.Select(a => a.Text));

        Assert.DoesNotContain("HARBOURNEWS", all);
        Assert.DoesNotContain("Share this", all);
        Assert.DoesNotContain("Facebook", all);
        Assert.DoesNotContain("Page 412", all);
        Assert.DoesNotContain("Load more", all);
        Assert.DoesNotContain("dock workers", all);
        Assert.EndsWith("over two years.", articles[0].Text);
    }

    [Fact]
    public void Broadsheet_page_yields_byline_date_caption_and_drops_menus_related_links_and_footer()
    {
        var article = Assert.Single(Read("single-article-broadsheet.txt"));

        Assert.Equal("Ministers agree emergency gas plan after all-night talks", article.Title);
        Assert.Equal(["Jane Doe", "Roberto Silva"], article.Authors);
        Assert.Equal("2023-03-14T10:32", article.Date);
        Assert.Equal(["Photo: Ministers arrive for the meeting in Brussels on Monday. (Getty Images)"], article.Captions);
        Assert.Equal(4, article.Paragraphs.Count);
        foreach (var furniture in new[] { "Example Herald", "Politics Business", "Share this", "Subscribe", "Advertisement", "Related", "Gas prices fall", "©", "Privacy" })
            Assert.DoesNotContain(furniture, article.Text);
    }

    [Fact]
    public void Standfirst_repeated_as_first_paragraph_is_kept_once()
    {
        var article = Assert.Single(Read("single-article-broadsheet.txt"));

        Assert.Equal(1, CountOf(article.Text, "Energy ministers from 14 countries agreed"));
    }

    [Fact]
    public void Doubled_headline_caption_and_paragraph_from_a_scraper_are_kept_once()
    {
        var article = Assert.Single(Read("wire-duplicated.txt"));

        Assert.Equal("Central bank raises rates for the fifth time this year", article.Title);
        Assert.Single(article.Captions);
        Assert.Contains("REUTERS/Karl Brenner", article.Captions[0]);
        Assert.Equal(1, CountOf(article.Text, "The central bank raised its main interest rate"));
        Assert.DoesNotContain("fifth time this year\n", article.Text);
    }

    [Fact]
    public void Date_under_the_headline_is_the_article_date_and_the_top_line_the_page_date()
    {
        var article = Assert.Single(Read("wire-duplicated.txt"));

        Assert.Equal("2023-01-11T08:15", article.Date);
        Assert.Equal("2023-01-11", article.PageDate);
    }

    [Fact]
    public void Wire_trailers_are_not_taken_for_a_new_article()
    {
        var article = Assert.Single(Read("wire-duplicated.txt"));

        Assert.DoesNotContain("Editing by", article.Text);
        Assert.DoesNotContain("Trust Principles", article.Text);
        Assert.EndsWith("after the decision.", article.Text);
    }

    [Fact]
    public void Masthead_is_dropped_and_a_quoted_headline_kept_whole()
    {
        var article = Assert.Single(Read("regional-quoted-headline.txt"));

        Assert.Equal("‘We were left with nothing,’ flood victims say", article.Title);
        Assert.Equal(["Priya Raman"], article.Authors);
        Assert.Equal(["rescue boats on flooded street"], article.Captions);
        Assert.DoesNotContain("VALLEY GAZETTE", article.Text);
        Assert.DoesNotContain("Tags:", article.Text);
        Assert.DoesNotContain("Leave a comment", article.Text);
    }

    [Fact]
    public void Text_without_a_headline_is_one_untitled_article()
    {
        var article = Assert.Single(Read("paragraphs-only.txt"));

        Assert.Equal("", article.Title);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void Paragraph_spans_point_at_the_paragraphs_in_the_text()
    {
        var article = Assert.Single(Read("single-article-broadsheet.txt"));

        Assert.All(article.Paragraphs, p => Assert.False(article.Slice(p).Contains('\n')));
        Assert.Equal(article.Text, string.Join("\n\n", article.Paragraphs.Select(article.Slice)));
    }

    [Fact]
    public void Seed_page_dump_yields_its_ten_articles()
    {
        if (TestPaths.Shared is not { } shared) return; // the seed lives in ../shared, which users do not have
        var path = Path.Combine(shared, "seeds", "000_1c3cf5f72d998740.txt");
        var articles = ArticleReader.CreateDefault().Read(InputSource.FromFile(path)).Select(r => r.Article).OfType<Article>().ToList();

        Assert.Equal(10, articles.Count);
        Assert.Equal("Iran, Cuba seek closer cooperation against shared enemies’ pressure", articles[0].Title);
        Assert.Equal("Iran Covid: 25 killed, 2k new cases registered", articles[7].Title);
        Assert.Equal(["Amir-Abdollahian"], articles[2].Captions);
        Assert.Equal(["pakistan taliban"], articles[4].Captions);
        Assert.All(articles, a => Assert.Equal("2025-12-26", a.PageDate));
        Assert.All(articles, a => Assert.DoesNotContain("Home Blog", a.Text));
        Assert.DoesNotContain("Amir-Abdollahian\n", articles[2].Text);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0, at = 0;
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0) { count++; at += part.Length; }
        return count;
    }

    [Fact]
    public void Bulleted_lists_cross_headings_and_broken_lines_stay_inside_one_article()
    {
        var article = Assert.Single(Read("feature-with-lists.txt"));

        Assert.Equal("Coastal towns brace for a record tourist season", article.Title);
        Assert.Contains("- Lower airport fees for regional carriers from May", article.Text);
        Assert.Contains("WHAT THE OWNERS SAY", article.Text);
        Assert.Contains("\n\nPrices and wages\n\n", article.Text);
        // A paragraph a scraper broke over two lines is one paragraph again.
        Assert.Contains("staff shortages could limit how many rooms", article.Text);
        Assert.Contains("according to the board, while restaurant prices", article.Text);
        Assert.EndsWith("final figures in October.", article.Text);
        Assert.Empty(article.Captions);
    }
    [Fact]
    public void A_whole_sentence_caption_written_twice_is_a_caption_and_read_more_links_are_dropped()
    {
        var articles = Read("section-front-sentence-captions.txt");
        Assert.Equal(["Ferry operator cancels winter crossings to the islands", "Museum reopens after a two-year restoration"],
            articles.Select(a => a.Title));
        var ferry = articles[0];
        Assert.Equal(["The Marta Lind ferry moored at the harbour in Vessby on Friday."], ferry.Captions);
        Assert.StartsWith("The only ferry operator serving the northern islands", ferry.Text);
        Assert.DoesNotContain("moored", ferry.Text);
        // A paragraph doubled further down is a scraper's repeat: kept once, in the text.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ferry.Text, "Island councillor Petra Holm"));
        Assert.EndsWith("risen by 40% in two years.", ferry.Text);
        Assert.DoesNotContain("Read more", ferry.Text);
        Assert.DoesNotContain("hauliers", ferry.Text);
        Assert.Equal(["Erik Sandell"], ferry.Authors);
        Assert.Empty(articles[1].Captions);
        Assert.EndsWith("before the works began.", articles[1].Text);
    }
}
