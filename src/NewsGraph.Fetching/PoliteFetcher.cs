using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace NewsGraph.Fetching;

public enum FetchOutcome
{
    /// <summary>A 2xx response whose body was read whole.</summary>
    Fetched,
    /// <summary>A 304: the validators sent still hold, nothing new.</summary>
    NotModified,
    Failed,
}

/// <summary>What is being fetched decides what the request says it accepts.</summary>
public enum FetchKind
{
    Feed,
    Page,
}

/// <summary>The result of fetching one URL, after any retries.</summary>
public sealed record FetchResult
{
    public required string Url { get; init; }
    /// <summary>Where the body came from after redirects.</summary>
    public string FinalUrl { get; init; } = "";
    public FetchOutcome Outcome { get; init; }
    /// <summary>The last HTTP status, or 0 when no response came (timeout, refused connection).</summary>
    public int Status { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>Why it failed, in one line ("HTTP 404 Not Found", "timed out after 20 s").</summary>
    public string? Error { get; init; }
    public int Attempts { get; init; }
}

/// <summary>
/// Fetches over HTTP(S) the way a well-behaved crawler does: one request at a time per host
/// with a delay between them, a timeout on every attempt, a cap on the body size (after
/// decompression, so a gzip bomb is refused), conditional GET with the validators it was
/// given, and retries with exponential back-off on server errors and timeouts but never on
/// another 4xx (a 404 will not become a 200 by asking again).
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly Dictionary<string, long> _hostFreeAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public PoliteFetcher(FetchOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public FetchOptions Options => _options;

    /// <summary>Fetches <paramref name="url"/>, sending <paramref name="known"/>'s validators for a conditional GET.</summary>
    public async Task<FetchResult> FetchAsync(string url, FetchKind kind, UrlState? known, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new FetchResult { Url = url, FinalUrl = url, Outcome = FetchOutcome.Failed, Error = "not an http(s) address" };

        string? error = null;
        int status = 0;
        for (int attempt = 1; ; attempt++)
        {
            await WaitForHost(uri, cancel);
            TimeSpan? retryAfter = null;
            bool retryable;
            try
            {
                using var attemptCancel = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                attemptCancel.CancelAfter(_options.Timeout);
                using var request = Request(uri, kind, known);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCancel.Token);
                status = (int)response.StatusCode;
                var finalUrl = response.RequestMessage?.RequestUri?.AbsoluteUri ?? uri.AbsoluteUri;
                var etag = response.Headers.ETag?.ToString();
                var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult
                    {
                        Url = url, FinalUrl = finalUrl, Outcome = FetchOutcome.NotModified, Status = status, Attempts = attempt,
                        ETag = etag ?? known?.ETag, LastModified = lastModified ?? known?.LastModified,
                    };
                if (response.IsSuccessStatusCode)
                {
                    if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
                        return Fail(url, status, attempt, $"response of {Size(declared)} is over the {Size(_options.MaxBytes)} limit; skipped");
                    var body = await ReadBody(response, attemptCancel.Token);
                    if (body is null)
                        return Fail(url, status, attempt, $"response is over the {Size(_options.MaxBytes)} limit; skipped");
                    return new FetchResult
                    {
                        Url = url, FinalUrl = finalUrl, Outcome = FetchOutcome.Fetched, Status = status, Attempts = attempt, Body = body,
                        ContentType = response.Content.Headers.ContentType?.ToString(), ETag = etag, LastModified = lastModified,
                    };
                }
                error = $"HTTP {status}" + (string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase);
                // Server trouble may pass; a client error (404, 403, 410) will not.
                retryable = status >= 500 || status is 429 or 408;
                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                status = 0;
                error = $"timed out after {Seconds(_options.Timeout)}";
                retryable = true;
            }
            catch (HttpRequestException e)
            {
                status = 0;
                error = "connection failed: " + FirstLine(e.Message);
                // An unknown host stays unknown; a refused or dropped connection may not.
                retryable = e.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError);
            }
            catch (IOException e)
            {
                status = 0;
                error = "connection dropped while reading: " + FirstLine(e.Message);
                retryable = true;
            }
            finally
            {
                MarkHostDone(uri);
            }

            if (!retryable || attempt > _options.Retries) return Fail(url, status, attempt, error);
            var backoff = _options.RetryBackoff * Math.Pow(2, attempt - 1);
            if (retryAfter is { } asked)
            {
                if (asked > _options.MaxRetryAfter) return Fail(url, status, attempt, $"{error} (the server asks to retry after {Seconds(asked)}; not waiting)");
                if (asked > backoff) backoff = asked;
            }
            await Task.Delay(backoff, cancel);
        }
    }

    private HttpRequestMessage Request(Uri uri, FetchKind kind, UrlState? known)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", kind == FetchKind.Feed
            ? "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
            : "text/html, application/xhtml+xml;q=0.9, */*;q=0.5");
        if (known?.ETag is { Length: > 0 } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (known?.LastModified is { Length: > 0 } lastModified) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return request;
    }

    /// <summary>Reads the body up to the size limit; null when it goes past it.</summary>
    private async Task<byte[]?> ReadBody(HttpResponseMessage response, CancellationToken cancel)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancel);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (true)
        {
            int n = await stream.ReadAsync(chunk, cancel);
            if (n == 0) return buffer.ToArray();
            if (buffer.Length + n > _options.MaxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>Waits until the host's delay since its last request has passed, then holds the host until <see cref="MarkHostDone"/>.</summary>
    private async Task WaitForHost(Uri uri, CancellationToken cancel)
    {
        var host = uri.IdnHost;
        long freeAt;
        lock (_hostFreeAt) freeAt = _hostFreeAt.TryGetValue(host, out var at) ? at : 0;
        // Timers may fire a little early: wait again until the host really is free.
        long wait;
        while ((wait = freeAt - _clock.ElapsedMilliseconds) > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(wait + 1), cancel);
    }

    private void MarkHostDone(Uri uri)
    {
        lock (_hostFreeAt) _hostFreeAt[uri.IdnHost] = _clock.ElapsedMilliseconds + (long)_options.Delay.TotalMilliseconds;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }

    private static FetchResult Fail(string url, int status, int attempts, string? error) =>
        new() { Url = url, FinalUrl = url, Outcome = FetchOutcome.Failed, Status = status, Attempts = attempts, Error = error + (attempts > 1 ? $" (after {attempts} attempts)" : "") };

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";

    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return (nl < 0 ? message : message[..nl]).TrimEnd('.');
    }

    public void Dispose() => _client.Dispose();
}
