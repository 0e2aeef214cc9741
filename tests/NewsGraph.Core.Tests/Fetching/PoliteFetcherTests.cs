using System.IO.Compression;
using System.Text;
using NewsGraph.Fetching;

namespace NewsGraph.Core.Tests.Fetching;

/// <summary>Conditional GET, retries, timeouts, size limits and per-host delay, checked on a local server's side.</summary>
public class PoliteFetcherTests
{
    private static readonly FetchOptions Quick = new()
    {
        Delay = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(10),
        Retries = 2,
        RetryBackoff = TimeSpan.FromMilliseconds(50),
        MaxBytes = 64 << 10,
    };

    private static FetchResult Fetch(PoliteFetcher fetcher, string url, UrlState? known = null) =>
        fetcher.FetchAsync(url, FetchKind.Feed, known, CancellationToken.None).GetAwaiter().GetResult();

    private static UrlState Known(FetchResult r) => new(r.Url, r.ETag, r.LastModified, r.Status, DateTime.UtcNow, DateTime.UtcNow, 0);

    [Fact]
    public void An_etag_is_sent_back_and_a_304_means_not_modified()
    {
        using var server = new LocalHttpServer();
        server.Route("/feed.xml", r => r.Header("If-None-Match") == "\"v1\""
            ? LocalHttpServer.Response.NotModified()
            : LocalHttpServer.Response.Text(200, "<rss/>", "application/rss+xml").WithHeader("ETag", "\"v1\""));
        using var fetcher = new PoliteFetcher(Quick);

        var first = Fetch(fetcher, server.Url("/feed.xml"));
        var second = Fetch(fetcher, server.Url("/feed.xml"), Known(first));

        Assert.Equal(FetchOutcome.Fetched, first.Outcome);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal("\"v1\"", second.ETag);
        var requests = server.RequestsFor("/feed.xml");
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.StartsWith("NewsGraph/", requests[0].Header("User-Agent"));
    }

    [Fact]
    public void Last_modified_is_sent_back_as_if_modified_since()
    {
        using var server = new LocalHttpServer();
        const string stamp = "Tue, 05 Mar 2024 14:30:00 GMT";
        server.Route("/feed.xml", r => r.Header("If-Modified-Since") == stamp
            ? LocalHttpServer.Response.NotModified()
            : LocalHttpServer.Response.Text(200, "<rss/>", "application/rss+xml").WithHeader("Last-Modified", stamp));
        using var fetcher = new PoliteFetcher(Quick);

        var first = Fetch(fetcher, server.Url("/feed.xml"));
        var second = Fetch(fetcher, server.Url("/feed.xml"), Known(first));

        Assert.Equal(stamp, first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(stamp, server.RequestsFor("/feed.xml")[1].Header("If-Modified-Since"));
    }

    [Fact]
    public void A_server_error_is_retried_until_it_passes()
    {
        using var server = new LocalHttpServer();
        int calls = 0;
        server.Route("/flaky", _ => Interlocked.Increment(ref calls) == 1 ? LocalHttpServer.Response.Text(500, "oops") : LocalHttpServer.Response.Text(200, "<p>fine</p>"));
        using var fetcher = new PoliteFetcher(Quick);

        var result = Fetch(fetcher, server.Url("/flaky"));

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.RequestsFor("/flaky").Count);
        // Back-off: the retry waited at least the first back-off step.
        var r = server.RequestsFor("/flaky");
        Assert.True(r[1].ArrivedAt - r[0].ArrivedAt >= TimeSpan.FromMilliseconds(45), $"retried after {(r[1].ArrivedAt - r[0].ArrivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public void Back_off_doubles_and_gives_up_after_the_retries()
    {
        using var server = new LocalHttpServer();
        server.Route("/down", LocalHttpServer.Response.Text(503, "down"));
        using var fetcher = new PoliteFetcher(Quick with { RetryBackoff = TimeSpan.FromMilliseconds(100) });

        var result = Fetch(fetcher, server.Url("/down"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 503 Service Unavailable (after 3 attempts)", result.Error);
        var r = server.RequestsFor("/down");
        Assert.Equal(3, r.Count);
        Assert.True(r[1].ArrivedAt - r[0].ArrivedAt >= TimeSpan.FromMilliseconds(95));
        Assert.True(r[2].ArrivedAt - r[1].ArrivedAt >= TimeSpan.FromMilliseconds(195));
    }

    [Fact]
    public void A_404_is_not_retried()
    {
        using var server = new LocalHttpServer();
        using var fetcher = new PoliteFetcher(Quick);

        var result = Fetch(fetcher, server.Url("/gone"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(404, result.Status);
        Assert.Equal("HTTP 404 Not Found", result.Error);
        Assert.Single(server.RequestsFor("/gone"));
    }

    [Fact]
    public void A_slow_response_times_out_and_is_retried()
    {
        using var server = new LocalHttpServer();
        server.Route("/slow", LocalHttpServer.Response.Text(200, "<p>late</p>") with { Stall = TimeSpan.FromSeconds(20) });
        // Long enough for a loaded machine's server to take the request, far shorter than the stall.
        using var fetcher = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromSeconds(1.5), Retries = 1 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Fetch(fetcher, server.Url("/slow"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 1.5 s (after 2 attempts)", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(2, server.RequestsFor("/slow").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_body_over_the_size_limit_is_refused(bool chunked)
    {
        using var server = new LocalHttpServer();
        server.Route("/big", new LocalHttpServer.Response(200, new byte[200 << 10]) { Chunked = chunked });
        using var fetcher = new PoliteFetcher(Quick);

        var result = Fetch(fetcher, server.Url("/big"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("over the 64 KB limit; skipped", result.Error);
        Assert.Single(server.RequestsFor("/big"));
    }

    [Fact]
    public void The_size_limit_applies_after_decompression()
    {
        var bomb = new MemoryStream();
        using (var gz = new GZipStream(bomb, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(new byte[4 << 20]);
        using var server = new LocalHttpServer();
        server.Route("/bomb", new LocalHttpServer.Response(200, bomb.ToArray()).WithHeader("Content-Encoding", "gzip"));
        using var fetcher = new PoliteFetcher(Quick);

        var result = Fetch(fetcher, server.Url("/bomb"));

        Assert.True(bomb.Length < 64 << 10);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("over the 64 KB limit", result.Error);
    }

    [Fact]
    public void Requests_to_one_host_are_spaced_by_the_delay()
    {
        using var server = new LocalHttpServer();
        server.Route("/a", LocalHttpServer.Response.Text(200, "a"));
        var delay = TimeSpan.FromMilliseconds(300);
        using var fetcher = new PoliteFetcher(Quick with { Delay = delay });

        for (int i = 0; i < 4; i++) Assert.Equal(FetchOutcome.Fetched, Fetch(fetcher, server.Url("/a")).Outcome);

        var arrivals = server.RequestsFor("/a").Select(r => r.ArrivedAt).ToList();
        Assert.Equal(4, arrivals.Count);
        for (int i = 1; i < arrivals.Count; i++)
            Assert.True(arrivals[i] - arrivals[i - 1] >= delay, $"request {i + 1} came {(arrivals[i] - arrivals[i - 1]).TotalMilliseconds:0} ms after the one before");
    }

    [Fact]
    public void A_retry_after_longer_than_the_fetcher_will_wait_fails_at_once()
    {
        using var server = new LocalHttpServer();
        server.Route("/busy", LocalHttpServer.Response.Text(429, "slow down").WithHeader("Retry-After", "3600"));
        using var fetcher = new PoliteFetcher(Quick);

        var result = Fetch(fetcher, server.Url("/busy"));

        Assert.Equal("HTTP 429 Too Many Requests (the server asks to retry after 3600 s; not waiting)", result.Error);
        Assert.Single(server.RequestsFor("/busy"));
    }

    [Fact]
    public void A_refused_connection_is_a_one_line_failure()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var fetcher = new PoliteFetcher(Quick with { Retries = 0 });
        var result = Fetch(fetcher, $"http://127.0.0.1:{port}/feed.xml");
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith("connection failed: ", result.Error);
        Assert.DoesNotContain("\n", result.Error);
    }

    [Fact]
    public void Only_web_addresses_are_fetched()
    {
        using var fetcher = new PoliteFetcher(Quick);
        Assert.Equal("not an http(s) address", Fetch(fetcher, "file:///etc/passwd").Error);
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
