namespace NewsGraph.Core.Readers.Feeds;

/// <summary>
/// Reads RSS, RDF and Atom feeds: each item with text becomes an article (its full content
/// where the feed has it, else its summary), with the item's link, date and authors.
/// </summary>
public sealed class FeedReader : IContainerReader
{
    public InputFormat Format => InputFormat.Feed;

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input) =>
        Read(source, input, ArticleReader.CreateDefault());

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input, ArticleReader inner)
    {
        using var feed = FeedParser.Open(input, MediaType.Parse(source.ContentType).Charset, source.Url);
        int withoutText = 0;
        while (feed.TryNext(source.Name, out var item))
        {
            if (item.Body is null)
            {
                withoutText++;
                continue;
            }
            foreach (var result in FeedItemArticle.Read(item, source.Name, inner))
                yield return result;
        }
        if (feed.Failure is { } failure)
        {
            // Items before the break were complete and have been read; nothing after it can be trusted.
            yield return ReadResult.Fail(failure);
            yield break;
        }
        if (feed.DecodingProblem(source.Name) is { } decoding)
            yield return ReadResult.Fail(decoding);
        if (feed.Items == 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"{Describe(feed.Kind)} holds no items"));
        else if (withoutText > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name,
                $"{withoutText} of {feed.Items} feed item{(feed.Items == 1 ? "" : "s")} had a link but no text ('newsgraph fetch' reads the linked pages)",
                IsFatal: withoutText == feed.Items));
    }

    private static string Describe(FeedKind kind) => kind switch
    {
        FeedKind.Atom => "Atom feed",
        FeedKind.Rdf => "RSS 1.0 (RDF) feed",
        _ => "RSS feed",
    };
}
