using NewsGraph.Fetching;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>Keeps the fetcher's per-URL state in the database's fetch_state table, so the next run's requests are conditional.</summary>
public sealed class StoredFetchState(FetchStateStore store) : IFetchState
{
    public UrlState? Get(string url) =>
        store.Get(url) is { } r ? new UrlState(r.Url, r.ETag, r.LastModified, r.Status, r.FetchedAt, r.SucceededAt, r.Failures) : null;

    public void Save(UrlState s) =>
        store.Save(new FetchStateRow(s.Url, s.ETag, s.LastModified, s.Status, s.FetchedAt, s.SucceededAt, s.Failures));
}
