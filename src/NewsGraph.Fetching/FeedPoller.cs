using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.Feeds;

namespace NewsGraph.Fetching;

/// <summary>What one round of polling did, for its summary line.</summary>
public sealed class PollRound
{
    public int Number;
    public int Urls, Read, NotModified, Failed;
    public int PagesFetched, PagesFailed, PagesKnown;
    public int Articles, Warnings;
}

/// <summary>
/// One round over a list of URLs: each is fetched with a conditional GET (its validators kept
/// in an <see cref="IFetchState"/>), a feed's items become articles, and where an item has no
/// full text in the feed, the page it links is fetched once and read with the HTML reader,
/// the feed's headline, date and authors laid over it. A URL that is not a feed is read as
/// whatever it is (a page, a WARC, JSON Lines). Anything that fails is a problem, and the
/// round goes on.
/// </summary>
public sealed class FeedPoller(PoliteFetcher fetcher, ArticleReader reader, IFetchState state, bool fetchPages)
{
    /// <summary>Called with a line describing what is being fetched, for a progress display.</summary>
    public Action<string>? Progress { get; set; }

    public IEnumerable<ReadResult> Poll(IReadOnlyList<string> urls, PollRound round, CancellationToken cancel)
    {
        for (int i = 0; i < urls.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var url = urls[i];
            round.Urls++;
            Progress?.Invoke($"round {round.Number}: {i + 1}/{urls.Count} {url}");
            var known = state.Get(url);
            var response = Fetch(url, FetchKind.Feed, known, cancel);
            if (response.Outcome == FetchOutcome.NotModified)
            {
                round.NotModified++;
                continue;
            }
            if (response.Outcome == FetchOutcome.Failed)
            {
                round.Failed++;
                yield return ReadResult.Fail(new ReadProblem(url, response.Error ?? "fetch failed"));
                continue;
            }
            foreach (var result in ReadResponse(url, response, round, cancel))
            {
                Count(round, result);
                yield return result;
            }
        }
    }

    private static void Count(PollRound round, ReadResult result)
    {
        if (result.Article is not null) round.Articles++;
        else if (result.Problem is { IsFatal: false }) round.Warnings++;
    }

    private IEnumerable<ReadResult> ReadResponse(string url, FetchResult response, PollRound round, CancellationToken cancel)
    {
        var source = new InputSource(url, () => new MemoryStream(response.Body, writable: false), response.Body.Length)
        {
            Url = response.FinalUrl,
            ContentType = response.ContentType,
        };
        SniffedInput input;
        try
        {
            input = FormatDetector.Sniff(source.Open());
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            round.Failed++;
            return [ReadResult.Fail(new ReadProblem(url, ArticleReader.Describe(e)))];
        }
        if (input.Format != InputFormat.Feed)
        {
            // Not a feed: a page, an archive or an export, read as 'ingest' would read the file.
            var results = reader.Read(source, input).ToList();
            input.Dispose();
            if (results.Any(r => r.Article is not null)) round.Read++;
            else round.Failed++;
            return results;
        }
        round.Read++;
        return ReadFeed(url, source, input, round, cancel);
    }

    private IEnumerable<ReadResult> ReadFeed(string url, InputSource source, SniffedInput input, PollRound round, CancellationToken cancel)
    {
        using (input)
        using (var feed = FeedParser.Open(input, MediaType.Parse(source.ContentType).Charset, source.Url))
        {
            int withoutText = 0;
            while (feed.TryNext(url, out var item))
            {
                cancel.ThrowIfCancellationRequested();
                bool fullText = item.Content is not null;
                if (fetchPages && !fullText && item.Link is not null)
                {
                    // A page linked from a feed is fetched once: what it gave (or, if it failed, the
                    // feed's own text) is stored, and fetching it again would store it twice.
                    if (state.Get(item.Link) is not null)
                    {
                        round.PagesKnown++;
                        continue;
                    }
                    Progress?.Invoke($"round {round.Number}: page {item.Link}");
                    var page = ReadPage(item, cancel, out var pageProblem);
                    if (page is not null)
                    {
                        round.PagesFetched++;
                        yield return ReadResult.Of(page);
                        continue;
                    }
                    round.PagesFailed++;
                    if (item.Body is not null)
                        yield return ReadResult.Fail(new ReadProblem(item.Link, pageProblem + "; stored the feed's summary instead", IsFatal: false));
                    else
                        yield return ReadResult.Fail(new ReadProblem(item.Link, pageProblem!));
                }
                if (item.Body is null)
                {
                    withoutText++;
                    continue;
                }
                foreach (var result in FeedItemArticle.Read(item, url, reader))
                    yield return result;
            }
            if (feed.Failure is { } failure) yield return ReadResult.Fail(failure);
            else if (feed.DecodingProblem(url) is { } decoding) yield return ReadResult.Fail(decoding);
            if (feed.Items == 0 && feed.Failure is null)
                yield return ReadResult.Fail(new ReadProblem(url, "feed holds no items"));
            else if (withoutText > 0 && !fetchPages)
                yield return ReadResult.Fail(new ReadProblem(url, $"{withoutText} feed item(s) had a link but no text (fetch their pages with --pages)", IsFatal: false));
        }
    }

    /// <summary>The article on the item's page, or null with the reason it could not be had.</summary>
    private Article? ReadPage(FeedItem item, CancellationToken cancel, out string? problem)
    {
        var link = item.Link!;
        var response = Fetch(link, FetchKind.Page, null, cancel);
        if (response.Outcome != FetchOutcome.Fetched)
        {
            problem = response.Error ?? "fetch failed";
            return null;
        }
        var page = new InputSource(link, () => new MemoryStream(response.Body, writable: false), response.Body.Length)
        {
            Url = response.FinalUrl,
            Date = item.Date,
            ContentType = response.ContentType,
        };
        Article? best = null;
        problem = null;
        foreach (var result in reader.ReadEmbedded(page, InputFormat.Html))
        {
            if (result.Article is { } a && (best is null || a.Text.Length > best.Text.Length)) best = a;
            else if (result.Problem is { } p && problem is null) problem = p.Reason.EndsWith("; skipped", StringComparison.Ordinal) ? p.Reason[..^9] : p.Reason;
        }
        if (best is null)
        {
            problem ??= "no article found on the page";
            return null;
        }
        var article = FeedItemArticle.Apply(best, item, link);
        article.Url = response.FinalUrl;
        return article;
    }

    private FetchResult Fetch(string url, FetchKind kind, UrlState? known, CancellationToken cancel)
    {
        var result = fetcher.FetchAsync(url, kind, known, cancel).GetAwaiter().GetResult();
        var now = DateTime.UtcNow;
        bool ok = result.Outcome != FetchOutcome.Failed;
        state.Save(new UrlState(url,
            ok ? result.ETag : known?.ETag,
            ok ? result.LastModified : known?.LastModified,
            result.Status, now,
            ok ? now : known?.SucceededAt,
            ok ? 0 : (known?.Failures ?? 0) + 1));
        return result;
    }
}
