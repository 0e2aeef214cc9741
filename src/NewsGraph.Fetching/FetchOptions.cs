namespace NewsGraph.Fetching;

/// <summary>How politely and how far <see cref="PoliteFetcher"/> fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>The least time between the end of one request to a host and the start of the next.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>For one attempt, from sending the request to the last byte of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>A body larger than this (after decompression) is refused: news pages are well under it.</summary>
    public long MaxBytes { get; init; } = 10L << 20;
    /// <summary>Further attempts after a server error (5xx, 429) or a timeout; never after another 4xx.</summary>
    public int Retries { get; init; } = 2;
    /// <summary>The wait before the first retry; each retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait a server's Retry-After can ask for before it is ignored.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public const string DefaultUserAgent = "NewsGraph/0.1 (offline news reader; 'newsgraph fetch'; polite: one request at a time per host)";
    public string UserAgent { get; init; } = DefaultUserAgent;
}
