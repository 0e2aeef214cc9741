namespace NewsGraph.Core.Readers.Feeds;

/// <summary>How a feed marks up a piece of text: Atom's text constructs, and RSS's HTML-by-convention.</summary>
public enum FeedTextKind
{
    Text,
    Html,
}

/// <summary>A title, summary or body as the feed gave it, with how it is marked up.</summary>
public sealed record FeedText(string Value, FeedTextKind Kind);

/// <summary>
/// One item of an RSS or RDF feed, or one entry of an Atom feed, as the publisher described it.
/// <see cref="Content"/> is the full article where the feed carries it (content:encoded,
/// atom:content); <see cref="Summary"/> is the description or summary.
/// </summary>
public sealed record FeedItem
{
    /// <summary>Position of the item in its feed, from 1.</summary>
    public int Number { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The item's page, made absolute against the feed's address where the feed gave a relative one.</summary>
    public string? Link { get; init; }
    public string? Id { get; init; }
    /// <summary>Publication date normalised to ISO 8601 (see <see cref="Text.MachineDate"/>); null if absent or unreadable.</summary>
    public string? Date { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public FeedText? Content { get; init; }
    public FeedText? Summary { get; init; }
    /// <summary>The XML line the item starts on, for problems that name it.</summary>
    public int Line { get; init; }

    /// <summary>The best text the feed holds for this item: its full content, else its summary.</summary>
    public FeedText? Body => Content is { Value.Length: > 0 } ? Content : Summary is { Value.Length: > 0 } ? Summary : null;
}
