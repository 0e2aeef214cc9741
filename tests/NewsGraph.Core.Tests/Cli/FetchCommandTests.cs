using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Tests.Fetching;

namespace NewsGraph.Core.Tests.Cli;

/// <summary>`newsgraph fetch` against a server on 127.0.0.1 that the tests start: what it sends, stores and says.</summary>
public class FetchCommandTests
{
    private static readonly string FullTextFeed = File.ReadAllText(TestPaths.Fixture("Feeds/harbour-gazette-rss2.xml"));

    private static string Db() => Path.Combine(TestPaths.TempDirectory(), "ng.db");

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static string? Text(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }

    [Fact]
    public void A_feed_is_stored_and_the_next_run_asks_with_its_etag_and_gets_a_304()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", r => r.Header("If-None-Match") == "\"harbour-42\""
            ? LocalHttpServer.Response.NotModified()
            : LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml; charset=utf-8").WithHeader("ETag", "\"harbour-42\""));
        var db = Db();

        var first = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0");
        var second = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("round 1: 1 URL: 1 read, 0 not modified, 0 failed; 3 articles, 3 new stored; 3 articles in", first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("round 1: 1 URL: 0 read, 1 not modified, 0 failed; 0 articles, 0 new stored; 3 articles in", second.Stderr);
        Assert.Equal("\"harbour-42\"", server.RequestsFor("/feed.xml")[1].Header("If-None-Match"));
        // The validators live in the database, in a table of their own.
        Assert.Equal("\"harbour-42\"", Text(db, $"SELECT etag FROM fetch_state WHERE url = '{server.Url("/feed.xml")}'"));
        Assert.Equal(3, Scalar(db, "SELECT count(*) FROM articles"));
        Assert.Equal(server.Url("/feed.xml"), Text(db, "SELECT source FROM articles LIMIT 1"));
    }

    [Fact]
    public void Last_modified_is_persisted_and_sent_as_if_modified_since()
    {
        using var server = new LocalHttpServer();
        const string stamp = "Tue, 05 Mar 2024 16:02:11 GMT";
        server.Route("/feed.xml", r => r.Header("If-Modified-Since") == stamp
            ? LocalHttpServer.Response.NotModified()
            : LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml").WithHeader("Last-Modified", stamp));
        var db = Db();

        CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0");
        var second = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0");

        Assert.Contains("1 not modified", second.Stderr);
        Assert.Equal(stamp, server.RequestsFor("/feed.xml")[1].Header("If-Modified-Since"));
    }

    [Fact]
    public void A_server_error_is_retried_and_the_feed_then_stored()
    {
        using var server = new LocalHttpServer();
        int calls = 0;
        server.Route("/feed.xml", _ => Interlocked.Increment(ref calls) == 1
            ? LocalHttpServer.Response.Text(500, "database busy")
            : LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml"));
        var db = Db();

        var result = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0", "--retries", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, server.RequestsFor("/feed.xml").Count);
        Assert.Contains("3 new stored", result.Stderr);
        Assert.DoesNotContain("HTTP 500", result.Stderr);
    }

    [Fact]
    public void A_404_is_named_not_retried_and_the_other_feeds_go_on()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml"));
        var db = Db();

        var result = CliRunner.Run("fetch", server.Url("/missing.xml"), server.Url("/feed.xml"), "--db", db, "--delay", "0", "--retries", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(server.RequestsFor("/missing.xml"));
        Assert.Contains($"newsgraph: {server.Url("/missing.xml")}: HTTP 404 Not Found\n", result.Stderr);
        Assert.Contains("2 URLs: 1 read, 0 not modified, 1 failed; 3 articles, 3 new stored", result.Stderr);
    }

    [Fact]
    public void When_every_url_fails_the_exit_code_says_so()
    {
        using var server = new LocalHttpServer();
        var result = CliRunner.Run("fetch", server.Url("/missing.xml"), "--db", Db(), "--delay", "0");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_slow_server_times_out()
    {
        using var server = new LocalHttpServer();
        server.Route("/slow.xml", LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml") with { Stall = TimeSpan.FromSeconds(10) });

        var result = CliRunner.Run("fetch", server.Url("/slow.xml"), "--db", Db(), "--delay", "0", "--timeout", "300ms", "--retries", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"newsgraph: {server.Url("/slow.xml")}: timed out after 300 ms\n", result.Stderr);
    }

    [Fact]
    public void A_response_over_the_size_limit_is_refused()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml"));

        var result = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", Db(), "--delay", "0", "--max-bytes", "2KB");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"newsgraph: {server.Url("/feed.xml")}: response of 4.2 KB is over the 2 KB limit; skipped", result.Stderr);
    }

    [Fact]
    public void A_feed_that_is_not_xml_is_one_clear_problem()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, "<rss version=2.0>\n<channel><title>Broken</title></channel></rss>", "application/rss+xml"));

        var result = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", Db(), "--delay", "0");

        var problem = Assert.Single(result.StderrLines, l => !l.Contains("round 1"));
        Assert.StartsWith($"newsgraph: {server.Url("/feed.xml")} (line 1, column 14): not a well-formed XML feed: ", problem);
    }

    [Fact]
    public void Pages_linked_from_a_summary_feed_are_fetched_once_with_the_delay_between_requests()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, FeedPollerTests.SummaryFeed(server, 3), "application/rss+xml"));
        for (int i = 1; i <= 3; i++) server.Route($"/news/story-{i}", LocalHttpServer.Response.Text(200, FeedPollerTests.StoryPage(i)));
        var db = Db();

        var first = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "400ms");
        var second = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0");

        // The feed, then each page, a polite gap apart, measured where the requests arrive.
        var arrivals = server.Requests.Take(4).Select(r => r.ArrivedAt).ToList();
        for (int i = 1; i < 4; i++)
            Assert.True(arrivals[i] - arrivals[i - 1] >= TimeSpan.FromMilliseconds(400), $"request {i + 1} came {(arrivals[i] - arrivals[i - 1]).TotalMilliseconds:0} ms after the one before");
        Assert.Contains("pages: ", first.Stderr);
        Assert.Equal(3, Scalar(db, "SELECT count(*) FROM articles"));
        // The second run reads the feed again but not the pages.
        Assert.Contains("pages: 0 read, 0 failed, 3 fetched before", second.Stderr);
        Assert.Single(server.RequestsFor("/news/story-2"));
    }

    [Fact]
    public void No_pages_fetches_only_the_feeds()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", LocalHttpServer.Response.Text(200, FeedPollerTests.SummaryFeed(server, 3), "application/rss+xml"));
        var db = Db();

        var result = CliRunner.Run("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0", "--no-pages");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(server.Requests);
        Assert.Equal(3, Scalar(db, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Options_are_checked_before_anything_is_fetched()
    {
        Assert.Equal(2, CliRunner.Run("fetch").ExitCode);
        var notHttp = CliRunner.Run("fetch", "ftp://example.org/feed.xml", "--db", Db());
        Assert.Equal(2, notHttp.ExitCode);
        Assert.Contains("'ftp://example.org/feed.xml' is not an http(s) address", notHttp.Stderr);
        var badDuration = CliRunner.Run("fetch", "http://127.0.0.1:9/feed.xml", "--every", "soon", "--db", Db());
        Assert.Equal(2, badDuration.ExitCode);
        Assert.Contains("option --every takes a duration", badDuration.Stderr);
        var both = CliRunner.Run("fetch", "http://127.0.0.1:9/feed.xml", "--pages", "--no-pages", "--db", Db());
        Assert.Contains("--pages and --no-pages contradict each other", both.Stderr);
    }

    [Fact]
    public void Every_keeps_polling_with_conditional_requests_until_interrupted()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", r => r.Header("If-None-Match") == "\"v1\""
            ? LocalHttpServer.Response.NotModified()
            : LocalHttpServer.Response.Text(200, FullTextFeed, "application/rss+xml").WithHeader("ETag", "\"v1\""));
        var db = Db();

        using var process = CliRunner.Start("fetch", server.Url("/feed.xml"), "--db", db, "--delay", "0", "--every", "1s");
        var clock = Stopwatch.StartNew();
        while (server.RequestsFor("/feed.xml").Count < 3 && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(50);
        Assert.False(process.HasExited, "fetch --every stopped by itself");
        // Interrupt while it waits between rounds (a round takes milliseconds; the wait, a second).
        while (server.Now - server.Requests.Last().ArrivedAt < TimeSpan.FromMilliseconds(300)) Thread.Sleep(20);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
        Assert.True(process.WaitForExit(30_000), "fetch did not stop on Ctrl-C");
        var stderr = process.StandardError.ReadToEnd();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("round 1: 1 URL: 1 read, 0 not modified, 0 failed; 3 articles, 3 new stored", stderr);
        Assert.Contains("round 2: 1 URL: 0 read, 1 not modified, 0 failed", stderr);
        Assert.Contains("next round at ", stderr);
        Assert.Matches(@"stopped after \d+ rounds; 3 new articles stored", stderr);
        Assert.All(server.RequestsFor("/feed.xml").Skip(1), r => Assert.Equal("\"v1\"", r.Header("If-None-Match")));
        Assert.Equal(3, Scalar(db, "SELECT count(*) FROM articles"));
    }
}
