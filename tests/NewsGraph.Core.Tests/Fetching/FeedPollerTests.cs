using NewsGraph.Core.Readers;
using NewsGraph.Core.Tests.Readers;
using NewsGraph.Fetching;

namespace NewsGraph.Core.Tests.Fetching;

/// <summary>A round of polling: feeds, the pages their items link, and what is remembered for the next round.</summary>
public class FeedPollerTests
{
    private static readonly FetchOptions Quick = new() { Delay = TimeSpan.Zero, RetryBackoff = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>An RSS feed whose items hold only a one-line summary and a link to the full story.</summary>
    internal static string SummaryFeed(LocalHttpServer server, int items, string prefix = "/news/") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Port City Courier</title><link>{server.Url("/")}</link>
        {string.Concat(Enumerable.Range(1, items).Select(i => $"""
            <item><title>Harbour story number {i}</title><link>{server.Url($"{prefix}story-{i}")}</link>
            <description>Summary of harbour story {i}.</description><pubDate>Tue, 05 Mar 2024 1{i % 10}:00:00 +0000</pubDate>
            <author>desk@courier.example (Reporter {i})</author></item>
            """))}
        </channel></rss>
        """;

    internal static string StoryPage(int i) =>
        $"<html><head><title>Harbour story number {i} | Port City Courier</title></head><body><nav><a href=\"/\">Home</a></nav>" +
        $"<article><p>The full text of harbour story {i}, as the page has it.</p><p>A second paragraph of story {i}.</p></article></body></html>";

    private static (List<ReadResult> Results, PollRound Round) Poll(FeedPoller poller, params string[] urls)
    {
        var round = new PollRound { Number = 1 };
        return (poller.Poll(urls, round, CancellationToken.None).ToList(), round);
    }

    [Fact]
    public void Items_without_full_text_get_their_pages_read_with_the_feeds_metadata_laid_over()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, SummaryFeed(server, 3), "application/rss+xml"));
        for (int i = 1; i <= 3; i++) server.Route($"/news/story-{i}", LocalHttpServer.Response.Text(200, StoryPage(i)));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out var standIn), new InMemoryFetchState(), fetchPages: true);

        var (results, round) = Poll(poller, server.Url("/feed.xml"));

        var articles = results.Select(r => r.Article!).ToList();
        Assert.Equal(3, articles.Count);
        Assert.Equal(3, round.PagesFetched);
        Assert.Equal("Harbour story number 1", articles[0].Title);
        Assert.Equal("The full text of harbour story 1, as the page has it.\n\nA second paragraph of story 1.", articles[0].Text);
        Assert.Equal(server.Url("/news/story-1"), articles[0].Url);
        Assert.Equal("2024-03-05T11:00Z", articles[0].Date);
        Assert.Equal(["Reporter 1"], articles[0].Authors);
        // The page reached the HTML reader with the item's date as a hint and the server's content type.
        var seen = standIn.Pages.First();
        Assert.Equal("2024-03-05T11:00Z", seen.Date);
        Assert.Equal("text/html; charset=utf-8", seen.ContentType);
        Assert.Equal("text/html, application/xhtml+xml;q=0.9, */*;q=0.5", server.RequestsFor("/news/story-1")[0].Header("Accept"));
    }

    [Fact]
    public void A_page_is_fetched_once_across_rounds()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, SummaryFeed(server, 2), "application/rss+xml"));
        for (int i = 1; i <= 2; i++) server.Route($"/news/story-{i}", LocalHttpServer.Response.Text(200, StoryPage(i)));
        using var fetcher = new PoliteFetcher(Quick);
        var state = new InMemoryFetchState();
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out _), state, fetchPages: true);

        Poll(poller, server.Url("/feed.xml"));
        var (again, round) = Poll(poller, server.Url("/feed.xml"));

        Assert.Empty(again);
        Assert.Equal(2, round.PagesKnown);
        Assert.Single(server.RequestsFor("/news/story-1"));
        Assert.Equal(2, server.RequestsFor("/feed.xml").Count);
    }

    [Fact]
    public void A_failing_page_gives_the_feeds_summary_and_the_rest_go_on()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, SummaryFeed(server, 3), "application/rss+xml"));
        server.Route("/news/story-1", LocalHttpServer.Response.Text(200, StoryPage(1)));
        // story-2 is not routed: 404.
        server.Route("/news/story-3", LocalHttpServer.Response.Text(200, StoryPage(3)));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out _), new InMemoryFetchState(), fetchPages: true);

        var (results, round) = Poll(poller, server.Url("/feed.xml"));

        var articles = results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
        Assert.Equal(["Harbour story number 1", "Harbour story number 2", "Harbour story number 3"], articles.Select(a => a.Title));
        Assert.Equal("Summary of harbour story 2.", articles[1].Text);
        var warning = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.False(warning.IsFatal);
        Assert.Equal($"{server.Url("/news/story-2")}: HTTP 404 Not Found; stored the feed's summary instead", warning.ToString());
        Assert.Equal(1, round.PagesFailed);
    }

    [Fact]
    public void With_no_pages_only_the_feed_is_fetched()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, SummaryFeed(server, 3), "application/rss+xml"));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out _), new InMemoryFetchState(), fetchPages: false);

        var (results, _) = Poll(poller, server.Url("/feed.xml"));

        Assert.Equal(["Summary of harbour story 1.", "Summary of harbour story 2.", "Summary of harbour story 3."], results.Select(r => r.Article!.Text));
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Items_with_full_content_do_not_need_their_pages()
    {
        using var server = new LocalHttpServer();
        var feed = File.ReadAllText(TestPaths.Fixture("Feeds/harbour-gazette-rss2.xml"));
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, feed, "application/rss+xml"));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, ArticleReader.CreateDefault(), new InMemoryFetchState(), fetchPages: true);

        var (results, round) = Poll(poller, server.Url("/feed.xml"));

        Assert.Equal(3, results.Count(r => r.Article is not null));
        Assert.Equal(0, round.PagesFetched + round.PagesFailed);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_page_url_given_directly_is_read_as_a_page()
    {
        using var server = new LocalHttpServer();
        server.Route("/news/story-7", LocalHttpServer.Response.Text(200, StoryPage(7)));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out _), new InMemoryFetchState(), fetchPages: true);

        var (results, round) = Poll(poller, server.Url("/news/story-7"));

        var article = Assert.Single(results).Article!;
        Assert.Equal("Harbour story number 7 | Port City Courier", article.Title);
        Assert.Equal(server.Url("/news/story-7"), article.Url);
        Assert.Equal(1, round.Read);
    }

    [Fact]
    public void A_redirected_page_is_stored_under_the_address_it_ended_at()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, SummaryFeed(server, 1, "/old/"), "application/rss+xml"));
        server.Route("/old/story-1", LocalHttpServer.Response.Text(301, "moved").WithHeader("Location", server.Url("/news/story-1")));
        server.Route("/news/story-1", LocalHttpServer.Response.Text(200, StoryPage(1)));
        using var fetcher = new PoliteFetcher(Quick);
        var poller = new FeedPoller(fetcher, HtmlStandIn.Reader(out _), new InMemoryFetchState(), fetchPages: true);

        var (results, _) = Poll(poller, server.Url("/feed.xml"));

        Assert.Equal(server.Url("/news/story-1"), Assert.Single(results).Article!.Url);
    }
}
