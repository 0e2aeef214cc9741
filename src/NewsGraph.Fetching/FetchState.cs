namespace NewsGraph.Fetching;

/// <summary>
/// What is remembered of a URL between runs: the validators for a conditional GET, and
/// whether it was ever fetched successfully (a page linked from a feed is fetched once).
/// </summary>
public sealed record UrlState(string Url, string? ETag, string? LastModified, int Status, DateTime FetchedAt, DateTime? SucceededAt, int Failures);

/// <summary>Where <see cref="FeedPoller"/> keeps <see cref="UrlState"/>: the SQLite database in the CLI, a dictionary in tests.</summary>
public interface IFetchState
{
    UrlState? Get(string url);
    void Save(UrlState state);
}

/// <summary>Fetch state that lives as long as the process: for tests and one-off runs.</summary>
public sealed class InMemoryFetchState : IFetchState
{
    private readonly Dictionary<string, UrlState> _states = new(StringComparer.Ordinal);
    public UrlState? Get(string url) => _states.GetValueOrDefault(url);
    public void Save(UrlState state) => _states[state.Url] = state;
}
