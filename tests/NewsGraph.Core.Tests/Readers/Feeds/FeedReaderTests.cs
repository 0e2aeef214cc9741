using System.IO.Compression;
using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers.Feeds;

/// <summary>RSS 2.0, RSS 1.0 (RDF) and Atom in several publishers' styles become articles with their links, dates and authors.</summary>
public class FeedReaderTests
{
    private static List<ReadResult> Read(string name, byte[] bytes, ArticleReader? reader = null, string? contentType = null, string? url = null) =>
        (reader ?? ArticleReader.CreateDefault()).Read(new InputSource(name, () => new MemoryStream(bytes)) { ContentType = contentType, Url = url }).ToList();

    private static List<ReadResult> ReadFixture(string file, ArticleReader? reader = null) =>
        Read(file, File.ReadAllBytes(TestPaths.Fixture("Feeds/" + file)), reader);

    private static List<Article> Articles(List<ReadResult> results) => results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();

    [Fact]
    public void Rss_with_content_encoded_gives_the_full_article_with_link_date_and_author()
    {
        var results = ReadFixture("harbour-gazette-rss2.xml");
        Assert.DoesNotContain(results, r => r.Problem is not null);
        var articles = Articles(results);
        Assert.Equal(3, articles.Count);

        var strike = articles[0];
        Assert.Equal("Dockworkers vote to end three-week strike", strike.Title);
        Assert.Equal("https://harbourgazette.example/2024/03/05/dockworkers-vote-to-end-strike/", strike.Url);
        Assert.Equal("2024-03-05T14:30Z", strike.Date);
        Assert.Equal(["Maria Okafor"], strike.Authors);
        // Full content, not the one-line description with its "Continue reading" link.
        Assert.Contains("limits compulsory overtime to eight hours a week", strike.Text);
        Assert.Contains("\u201CThis is a fair deal and our members have said so,\u201D said union secretary Tomasz Nowak.", strike.Text);
        Assert.DoesNotContain("appeared first on", strike.Text);
        Assert.Equal(["Cranes stood idle at the east terminal on Monday."], strike.Captions);
        Assert.Equal(3, strike.Paragraphs.Count);
        Assert.All(strike.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(strike.Slice(p))));
    }

    [Fact]
    public void Scripts_in_item_content_and_entities_in_titles_do_not_reach_the_text()
    {
        var articles = Articles(ReadFixture("harbour-gazette-rss2.xml"));
        Assert.DoesNotContain("trackRead", articles[1].Text);
        Assert.Equal("Ferry timetable changes from April", articles[1].Title);
        Assert.Equal("Q&A: What the new harbour levy means for you", articles[2].Title);
        Assert.Equal(["Maria Okafor", "Jon Pell"], articles[2].Authors);
        Assert.Contains("a levy of £1.20 per tonne", articles[2].Text);
        Assert.Equal("2024-03-03T18:00Z", articles[2].Date);
    }

    [Fact]
    public void Atom_xhtml_content_relative_links_and_inherited_authors()
    {
        var articles = Articles(ReadFixture("northern-times-atom.xml"));
        Assert.Equal(2, articles.Count);

        var rail = articles[0];
        Assert.Equal("Regional assembly passes rail budget", rail.Title);
        // xml:base on the feed resolves the entry's relative link.
        Assert.Equal("https://www.northerntimes.example/politics/2024/03/06/assembly-rail-budget", rail.Url);
        // published wins over updated, and the publisher's offset is kept.
        Assert.Equal("2024-03-06T07:45+01:00", rail.Date);
        Assert.Equal(["Liisa Korhonen"], rail.Authors);
        Assert.Equal(4, rail.Paragraphs.Count);
        Assert.Contains("cost estimates were out of date.", rail.Text);
        Assert.DoesNotContain("<", rail.Text);

        var resign = articles[1];
        // Only a summary of type html, only an updated date, and the feed's author.
        Assert.Equal("Transport minister Anna Virtanen resigned on Tuesday, days after prosecutors opened an inquiry into a ferry contract.\n\nShe denies wrongdoing.", resign.Text);
        Assert.Equal("2024-03-05T16:20Z", resign.Date);
        Assert.Equal(["Northern Times Politics Desk"], resign.Authors);
    }

    [Fact]
    public void Rss_1_0_rdf_items_are_read_with_dublin_core_dates_and_creators()
    {
        var articles = Articles(ReadFixture("civic-wire-rdf.rdf"));
        Assert.Equal(["Water rates to rise 4 per cent", "Central library extends weekend hours"], articles.Select(a => a.Title));
        Assert.Equal("2024-03-02T11:00-05:00", articles[0].Date);
        Assert.Equal("2024-03-01", articles[1].Date);
        Assert.Equal(["Sam Ortiz"], articles[0].Authors);
        Assert.Equal("https://civicwire.example/story/2024-03-01-library-hours", articles[1].Url);
    }

    [Fact]
    public void A_feed_of_summaries_in_iso_8859_1_is_decoded_by_its_xml_declaration()
    {
        var results = ReadFixture("valley-post-summaries-latin1.xml");
        Assert.DoesNotContain(results, r => r.Problem is not null);
        var articles = Articles(results);
        Assert.Equal("Café owners win fight over pavement tables", articles[0].Title);
        Assert.Equal("Café owners on the Rue Sainte-Thérèse may keep their pavement tables until 11 p.m., the planning committee decided on Thursday.", articles[0].Text);
        // "email (Name)" gives the name; a permalink guid stands in for the missing <link>.
        Assert.Equal(["Hélène Dubois"], articles[0].Authors);
        Assert.Equal("https://valleypost.example/news/cafe-tables-ruling-4471", articles[0].Url);
        Assert.Equal("2024-03-07T17:45-05:00", articles[0].Date);
        Assert.Equal("2024-03-08T08:05+01:00", articles[1].Date);
    }

    [Fact]
    public void Every_feed_reads_the_same_gzipped()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Fixture("Feeds")))
        {
            var plain = Articles(Read(file, File.ReadAllBytes(file)));
            var gzipped = Articles(Read(file + ".gz", Gzip(File.ReadAllBytes(file))));
            Assert.NotEmpty(plain);
            Assert.Equal(plain.Select(a => a.Id), gzipped.Select(a => a.Id));
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_byte_order_mark_decides_the_encoding(string encodingName)
    {
        var encoding = encodingName switch { "utf-16" => Encoding.Unicode, "utf-16BE" => Encoding.BigEndianUnicode, _ => new UTF8Encoding(true) };
        var xml = $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Zürich tram strike ends</title><description>Drivers in Zürich returned to work on Monday — after 3 days.</description></item></channel></rss>";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(xml)).ToArray();
        var results = Read("feed.xml", bytes);
        Assert.DoesNotContain(results, r => r.Problem is not null);
        var article = Articles(results).Single();
        Assert.Equal("Zürich tram strike ends", article.Title);
        Assert.Equal("Drivers in Zürich returned to work on Monday — after 3 days.", article.Text);
    }

    [Fact]
    public void The_http_charset_is_used_when_the_feed_declares_none()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>Ärzte streiken in München</title><description>Die Ärzte der Universitätsklinik streikten am Montag.</description></item></channel></rss>";
        var article = Articles(Read("feed", Encoding.Latin1.GetBytes(xml), contentType: "application/rss+xml; charset=ISO-8859-1")).Single();
        Assert.Equal("Ärzte streiken in München", article.Title);
    }

    [Fact]
    public void A_feed_declaring_utf8_that_is_not_is_read_as_windows_1252_with_a_warning()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Caf\u00E9 reopens</title><description>The caf\u00E9 reopened on Monday after the flood.</description></item></channel></rss>";
        var results = Read("feed.xml", Encoding.Latin1.GetBytes(xml));
        Assert.Equal("Café reopens", Articles(results).Single().Title);
        var warning = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.False(warning.IsFatal);
        Assert.Contains("Windows-1252", warning.Reason);
    }

    [Fact]
    public void Relative_links_resolve_against_the_address_the_feed_came_from()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>/news/a-1</link><description>Text of the story.</description></item></channel></rss>";
        var article = Articles(Read("feed", Encoding.UTF8.GetBytes(xml), url: "https://paper.example/feeds/all.xml")).Single();
        Assert.Equal("https://paper.example/news/a-1", article.Url);
    }

    [Fact]
    public void Links_that_are_not_web_addresses_are_dropped()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>file:///etc/passwd</link><description>Text of the story.</description></item></channel></rss>";
        Assert.Null(Articles(Read("feed", Encoding.UTF8.GetBytes(xml))).Single().Url);
    }

    [Fact]
    public void A_truncated_feed_keeps_the_complete_items_and_reports_one_problem()
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("Feeds/harbour-gazette-rss2.xml"));
        var text = Encoding.UTF8.GetString(bytes);
        var cut = Encoding.UTF8.GetBytes(text[..text.IndexOf("<title>Q&amp;A", StringComparison.Ordinal)]);

        var results = Read("cut.xml", cut);
        Assert.Equal(2, Articles(results).Count);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.True(problem.IsFatal);
        Assert.StartsWith("cut.xml (line ", problem.ToString());
        Assert.Contains("truncated feed", problem.Reason);
        Assert.Contains("after 2 complete items", problem.Reason);
    }

    [Fact]
    public void A_truncated_gzipped_feed_is_reported_as_truncated()
    {
        var gz = Gzip(File.ReadAllBytes(TestPaths.Fixture("Feeds/harbour-gazette-rss2.xml")));
        var results = Read("feed.xml.gz", gz[..(gz.Length * 2 / 3)]);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.True(problem.IsFatal);
        Assert.Contains("truncated", problem.Reason);
    }

    [Fact]
    public void Markup_that_looks_like_a_feed_but_is_not_xml_is_one_clear_problem()
    {
        // Served as a feed, written like HTML: attributes without quotes.
        var problem = Assert.Single(Read("feed.xml", Encoding.UTF8.GetBytes("<rss version=2.0>\n<channel><title>News</title><item><title>A<br></title></item></channel></rss>"))).Problem!;
        Assert.True(problem.IsFatal);
        Assert.StartsWith("feed.xml (line 1, column 14): not a well-formed XML feed: ", problem.ToString());
    }

    [Fact]
    public void A_bare_ampersand_inside_a_feed_stops_it_there_with_its_line_and_column()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>Fine</title><description>The first story.</description></item>\n<item><title>Broken & unescaped</title></item></channel></rss>";
        var results = Read("feed.xml", Encoding.UTF8.GetBytes(xml));
        Assert.Equal("Fine", Articles(results).Single().Title);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.True(problem.IsFatal);
        Assert.Equal("feed.xml (line 3, column 22): malformed feed XML: An error occurred while parsing EntityName", problem.ToString());
    }

    [Fact]
    public void Dtd_entities_are_not_expanded_and_external_entities_are_not_fetched()
    {
        var secret = Path.Combine(TestPaths.TempDirectory(), "secret.txt");
        File.WriteAllText(secret, "TOP SECRET CONTENT");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lollollollollollollollollollol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY xxe SYSTEM "file://{secret}">
            ]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>Harmless</title><description>A story with no entities.</description></item>
            <item><title>Bomb</title><description>&lol2; &xxe;</description></item>
            </channel></rss>
            """;
        var results = Read("evil.xml", Encoding.UTF8.GetBytes(xml));
        Assert.All(Articles(results), a => Assert.DoesNotContain("SECRET", a.Text));
        Assert.All(Articles(results), a => Assert.DoesNotContain("lollol", a.Text));
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Contains("undeclared entity", problem.Reason);
    }

    [Fact]
    public void Xml_that_is_not_a_feed_is_named_as_such()
    {
        var problem = Assert.Single(Read("sitemap.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!-- <rss> --><urlset><url><loc>https://x.example/</loc></url></urlset>"))).Problem!;
        Assert.Contains("not <rss>", problem.Reason);
    }

    [Fact]
    public void A_feed_whose_items_have_only_links_says_so()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link></item><item><title>B</title><link>https://x.example/b</link></item></channel></rss>";
        var problem = Assert.Single(Read("links.xml", Encoding.UTF8.GetBytes(xml))).Problem!;
        Assert.Equal("links.xml: 2 of 2 feed items had a link but no text ('newsgraph fetch' reads the linked pages)", problem.ToString());
    }

    [Fact]
    public void An_empty_feed_is_one_problem()
    {
        var problem = Assert.Single(Read("empty.xml", Encoding.UTF8.GetBytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Nothing yet</title></feed>"))).Problem!;
        Assert.Equal("empty.xml: Atom feed holds no items", problem.ToString());
    }

    [Fact]
    public void Item_html_goes_through_the_html_reader_with_the_items_address_and_date()
    {
        var reader = HtmlStandIn.Reader(out var standIn);
        var articles = Articles(ReadFixture("harbour-gazette-rss2.xml", reader));

        Assert.Equal(3, standIn.Pages.Count);
        var first = standIn.Pages.First();
        Assert.Equal("https://harbourgazette.example/2024/03/05/dockworkers-vote-to-end-strike/", first.Url);
        Assert.Equal("2024-03-05T14:30Z", first.Date);
        Assert.Equal("text/html; charset=utf-8", first.ContentType);
        // The feed's own headline and byline win over whatever the HTML reader finds.
        Assert.Equal("Dockworkers vote to end three-week strike", articles[0].Title);
        Assert.Equal(["Maria Okafor"], articles[0].Authors);
        Assert.Contains("ending a strike that had left more than 40 container ships", articles[0].Text);
    }

    [Fact]
    public void When_the_html_reader_finds_nothing_in_full_content_the_markup_stripped_text_stands()
    {
        var reader = HtmlStandIn.Reader(out var standIn);
        // No <p> in the content: the stand-in finds no article, and the item is not lost.
        var xml = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title><item><title>Ferry delayed</title>" +
                  "<content:encoded><![CDATA[The 7.10 ferry was delayed by fog<br>Passengers waited two hours.]]></content:encoded></item></channel></rss>";
        var article = Articles(Read("feed.xml", Encoding.UTF8.GetBytes(xml), reader)).Single();
        Assert.Single(standIn.Pages);
        Assert.Equal("The 7.10 ferry was delayed by fog\n\nPassengers waited two hours.", article.Text);
    }

    [Fact]
    public void Summaries_are_not_handed_to_the_html_reader()
    {
        var reader = HtmlStandIn.Reader(out var standIn);
        var articles = Articles(ReadFixture("valley-post-summaries-latin1.xml", reader));
        Assert.Equal(2, articles.Count);
        Assert.Empty(standIn.Pages);
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(bytes);
        return buffer.ToArray();
    }
}
