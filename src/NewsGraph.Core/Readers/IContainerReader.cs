namespace NewsGraph.Core.Readers;

/// <summary>
/// A format whose records hold other inputs — a WARC record's page, a feed item's HTML, a
/// JSON Lines object's "html" field. It reads them through the <see cref="ArticleReader"/>
/// that dispatched to it, so whatever reader that one has for HTML reads them too (a build
/// with a better HTML reader, or a test with a stand-in, changes every container at once).
/// </summary>
public interface IContainerReader : IFormatReader
{
    IEnumerable<ReadResult> Read(InputSource source, SniffedInput input, ArticleReader inner);
}
