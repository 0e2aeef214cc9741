namespace NewsGraph.Core.Readers.PageDump;

/// <summary>What one non-blank line of a page dump is, judged from the line alone.</summary>
public enum PageLineKind
{
    /// <summary>Running text: ends like a sentence, or is too long to be anything else.</summary>
    Body,
    /// <summary>A short line shaped like a headline (capitalised, several words, no final stop).</summary>
    HeadlineLike,
    /// <summary>A short line shaped like an image caption or alt text (lower-case, or one or two words).</summary>
    CaptionLike,
    /// <summary>A line that says it is a caption ("Photo: ...", "... REUTERS/Name").</summary>
    MarkedCaption,
    /// <summary>A single token alone on its line: a watermark or logo, or a one-word alt text.</summary>
    LoneToken,
    Date,
    Byline,
    /// <summary>Breadcrumbs, pagination and menus.</summary>
    Navigation,
    /// <summary>Share, subscribe, follow, advertisement and footer lines.</summary>
    Furniture,
    /// <summary>"Related articles", "Read more": what follows are links to other pages.</summary>
    RelatedMarker,
}

/// <summary>A classified line; <see cref="Text"/> is trimmed with inner white space collapsed.</summary>
public sealed record PageLine(string Text, PageLineKind Kind, long LineNumber)
{
    /// <summary>The ISO date, for <see cref="PageLineKind.Date"/> lines.</summary>
    public string? Date { get; init; }
    /// <summary>The author names, for <see cref="PageLineKind.Byline"/> lines.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>
    /// Comparison key for spotting repeated copies: case, quotes and punctuation ignored. A 64-bit
    /// hash of the normalised words rather than the words themselves, so that checking every
    /// paragraph of a page for repeats allocates nothing.
    /// </summary>
    public ulong Key => _key ??= DedupKey(Text);
    private ulong? _key;

    public static ulong DedupKey(ReadOnlySpan<char> text)
    {
        // FNV-1a over lower-cased letters and digits, with one space between runs of them.
        const ulong offsetBasis = 14695981039346656037, prime = 1099511628211;
        ulong hash = offsetBasis;
        bool started = false, pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace) hash = (hash ^ ' ') * prime;
                hash = (hash ^ char.ToLowerInvariant(c)) * prime;
                started = true;
                pendingSpace = false;
            }
            else if (started) pendingSpace = true;
        }
        return hash;
    }
}
