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

    /// <summary>Comparison key for spotting repeated copies: case, quotes and end punctuation ignored.</summary>
    public string Key => _key ??= DedupKey(Text);
    private string? _key;

    public static string DedupKey(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
            else if (n > 0 && buffer[n - 1] != ' ') buffer[n++] = ' ';
        }
        return new string(buffer[..n]).TrimEnd();
    }
}
