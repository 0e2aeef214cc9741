namespace NewsGraph.Core.Readers.PageDump;

/// <summary>An article as the segmenter assembles it, before it becomes an <see cref="Documents.Article"/>.</summary>
public sealed class ArticleDraft
{
    public string Title = "";
    public string? Date;
    public readonly List<string> Authors = new();
    public readonly List<string> Captions = new();
    public readonly List<string> Paragraphs = new(16);
    public long FirstLine;
    public int TextLength;
    public bool Truncated;
    /// <summary>Keys of the paragraphs, headline and captions seen, each tagged with its role (see <see cref="PageSegmenter.Seen"/>).</summary>
    internal readonly HashSet<ulong> SeenKeys = new(32);
}

/// <summary>
/// Splits a page dump into articles, streaming: lines go in one at a time, finished articles
/// come out. A page is read as runs of short lines (headlines, captions, furniture) between
/// stretches of running text; each run decides whether a new article starts and which of
/// its lines are the headline, captions, date and byline.
/// </summary>
public sealed class PageSegmenter
{
    /// <summary>An article longer than this is cut: no real article is, and memory must stay bounded.</summary>
    public const int MaxArticleChars = 2_000_000;
    /// <summary>A run longer than this is a link farm or a list, not a headline and its captions.</summary>
    private const int MaxRunLines = 400;

    private readonly Func<string, bool> _isWatermark;
    private readonly List<PageLine> _run = new();
    private readonly Queue<ArticleDraft> _finished = new();
    private ArticleDraft? _current;
    private bool _runHasRelatedMarker;

    /// <param name="isWatermark">Says whether a lone token is a watermark or logo (decided from the whole page).</param>
    public PageSegmenter(Func<string, bool> isWatermark) => _isWatermark = isWatermark;

    /// <summary>The date line at the top of the page: when it was shown, not when its articles were written.</summary>
    public string? PageDate { get; private set; }
    public bool SeenAnyArticle { get; private set; }

    public void Add(PageLine line)
    {
        if (line.Kind == PageLineKind.Body)
        {
            line = JoinBrokenParagraph(line);
            if (IsDoubledCaption(line)) return;
            CloseRun(bodyFollows: true);
            AddParagraph(line);
            return;
        }
        if (line.Kind == PageLineKind.RelatedMarker) _runHasRelatedMarker = true;
        if (_run.Count >= MaxRunLines) _run.RemoveAt(0);
        _run.Add(line);
    }

    /// <summary>
    /// Scrapers break paragraphs over lines; a short line that stops mid-sentence, or is followed
    /// by text that goes on in lower case, is the first part of the paragraph that follows.
    /// </summary>
    private PageLine JoinBrokenParagraph(PageLine body)
    {
        if (_run.Count == 0) return body;
        var last = _run[^1];
        if (last.Kind is not (PageLineKind.HeadlineLike or PageLineKind.CaptionLike)) return body;
        char next = body.Text.Length > 0 ? body.Text[0] : ' ';
        bool continues = char.IsLower(next) || (PageLineClassifier.EndsMidSentence(last.Text) && !char.IsDigit(next));
        if (!continues) return body;
        _run.RemoveAt(_run.Count - 1);
        return new PageLine(last.Text + " " + body.Text, PageLineKind.Body, last.LineNumber);
    }

    /// <summary>
    /// Scrapers write a photo's caption twice, as alt text and as figure caption, and a caption
    /// may be a whole sentence ("The minister and her counterpart in Seoul."). So when the first
    /// paragraph under a headline is at once repeated on the very next line, it was a caption:
    /// running text is not doubled line by line, and a doubled paragraph further down stays a
    /// (deduplicated) paragraph.
    /// </summary>
    private bool IsDoubledCaption(PageLine line)
    {
        if (_run.Count != 0 || _current is not { Paragraphs.Count: 1 } article) return false;
        if (_lastParagraphKey != line.Key || PageLineClassifier.CountWords(line.Text) > MaxCaptionWords) return false;
        var first = article.Paragraphs[0];
        article.Paragraphs.Clear();
        article.TextLength = 0;
        AddCaption(article, new PageLine(first, PageLineKind.CaptionLike, line.LineNumber));
        _lastParagraphKey = 0;
        return true;
    }

    /// <summary>Longer than this, a doubled line is a paragraph the scraper repeated, not a caption.</summary>
    private const int MaxCaptionWords = 45;
    private ulong _lastParagraphKey;

    public void Finish()
    {
        CloseRun(bodyFollows: false);
        if (_current is not null) Complete();
    }

    public bool TryTake(out ArticleDraft draft) => _finished.TryDequeue(out draft!);

    private void AddParagraph(PageLine line)
    {
        _current ??= Start("", line.LineNumber);
        var article = _current;
        // Scrapers repeat the standfirst as the first paragraph, or a paragraph twice.
        if (!article.SeenKeys.Add(Seen('p', line.Key))) return;
        if (article.TextLength + line.Text.Length > MaxArticleChars)
        {
            article.Truncated = true;
            return;
        }
        article.Paragraphs.Add(line.Text);
        article.TextLength += line.Text.Length + 2;
        _lastParagraphKey = line.Key;
    }

    private void CloseRun(bool bodyFollows)
    {
        if (_run.Count == 0) return;
        var run = _run.ToArray();
        bool related = _runHasRelatedMarker;
        _run.Clear();
        _runHasRelatedMarker = false;

        // Everything up to the last menu or breadcrumb line is page chrome.
        int from = 0;
        for (int i = run.Length - 1; i >= 0; i--)
            if (run[i].Kind == PageLineKind.Navigation) { from = i + 1; break; }

        // Page date: a date line before the first article.
        if (!SeenAnyArticle)
            for (int i = 0; i < run.Length; i++)
                if (run[i].Kind == PageLineKind.Date && (i < from || PageDate is null) && IsBeforeHeadline(run, i))
                {
                    PageDate ??= run[i].Date;
                    if (i >= from) from = i + 1;
                }

        int headline = bodyFollows ? FindHeadline(run, from, related) : -1;
        if (headline >= 0)
        {
            bool firstOnPage = !SeenAnyArticle;
            if (_current is not null) Complete();
            var article = Start(run[headline].Text, run[headline].LineNumber);
            article.SeenKeys.Add(Seen('h', run[headline].Key));
            for (int i = from; i < run.Length; i++)
            {
                if (i == headline) continue;
                // Before the headline of a listed article: its thumbnail's alt text, or links of the last article.
                if (i < headline && run[i].Kind == PageLineKind.HeadlineLike) continue;
                // Before the page's first headline: the masthead and site chrome, unless it says it is a caption.
                if (i < headline && firstOnPage && run[i].Kind != PageLineKind.MarkedCaption && run[i].Kind != PageLineKind.Date) continue;
                AddHeaderLine(article, run[i]);
            }
            return;
        }

        // No headline: captions inside the current article, or trailing page chrome.
        for (int i = from; i < run.Length; i++)
        {
            var line = run[i];
            if (!bodyFollows && line.Kind == PageLineKind.HeadlineLike) continue; // a list of links to other stories
            if (related) continue;
            if (_current is null)
            {
                if (!bodyFollows) continue;
                _current = Start("", line.LineNumber);
            }
            if (bodyFollows && IsSubheading(line))
            {
                AddParagraph(line);
                continue;
            }
            AddHeaderLine(_current, line, inBody: true);
        }
    }

    private static bool IsBeforeHeadline(PageLine[] run, int index)
    {
        for (int i = 0; i < index; i++)
            if (run[i].Kind == PageLineKind.HeadlineLike) return false;
        return true;
    }

    private int FindHeadline(PageLine[] run, int from, bool related)
    {
        // After "Related articles" the headline is the last candidate: the ones before it are links.
        if (related)
        {
            for (int i = run.Length - 1; i >= from; i--)
                if (IsHeadline(run[i])) return i;
            return -1;
        }
        for (int i = from; i < run.Length; i++)
            if (IsHeadline(run[i])) return i;
        return -1;
    }

    private bool IsHeadline(PageLine line)
    {
        if (line.Kind != PageLineKind.HeadlineLike) return false;
        if (IsSubheading(line)) return false;
        // The current article's headline repeated further down is a scraper copy, not a new article.
        return _current is null || !_current.SeenKeys.Contains(Seen('h', line.Key));
    }

    /// <summary>
    /// Inside an article that has begun, a very short or shouted line ("The All Blacks",
    /// "WORLD OF WARCRAFT") is a cross-heading of that article, not the headline of the next:
    /// news headlines run to five words and more, in mixed case.
    /// </summary>
    private bool IsSubheading(PageLine line)
    {
        if (line.Kind != PageLineKind.HeadlineLike || _current is null || _current.Paragraphs.Count == 0) return false;
        if (PageLineClassifier.CountWords(line.Text) <= 3) return true;
        bool anyLower = false, anyUpper = false;
        foreach (var c in line.Text)
        {
            if (char.IsLower(c)) anyLower = true;
            else if (char.IsUpper(c)) anyUpper = true;
        }
        return anyUpper && !anyLower;
    }

    private void AddHeaderLine(ArticleDraft article, PageLine line, bool inBody = false)
    {
        switch (line.Kind)
        {
            case PageLineKind.Date:
                // A date under the standfirst is still the article's; one deep in the body is not.
                if (!inBody || article.Paragraphs.Count <= 2) article.Date ??= line.Date;
                return;
            case PageLineKind.Byline:
                foreach (var name in line.Authors ?? [])
                    if (!article.Authors.Contains(name)) article.Authors.Add(name);
                return;
            case PageLineKind.LoneToken when _isWatermark(line.Text):
            case PageLineKind.Navigation:
            case PageLineKind.Furniture:
            case PageLineKind.RelatedMarker:
                return;
            default:
                AddCaption(article, line);
                return;
        }
    }

    private static void AddCaption(ArticleDraft article, PageLine line)
    {
        // A headline copy is not a caption; nor is a caption's second copy (scrapers emit alt text and figcaption).
        if (article.SeenKeys.Contains(Seen('h', line.Key))) return;
        var text = Undouble(line.Text);
        if (!article.SeenKeys.Add(Seen('c', PageLine.DedupKey(text)))) return;
        article.Captions.Add(text);
    }

    /// <summary>A line's key as a paragraph ('p'), headline ('h') or caption ('c'): the same words in two roles are not repeats.</summary>
    internal static ulong Seen(char role, ulong key) => key ^ (role * 0x9E3779B97F4A7C15UL);

    private ArticleDraft Start(string title, long lineNumber)
    {
        SeenAnyArticle = true;
        var article = new ArticleDraft { Title = Undouble(title), FirstLine = lineNumber };
        _current = article;
        return article;
    }

    private void Complete()
    {
        var article = _current!;
        _current = null;
        if (article.Paragraphs.Count > 0) _finished.Enqueue(article);
    }

    /// <summary>"Some caption Some caption" (a scraper's doubled line) becomes "Some caption".</summary>
    public static string Undouble(string text)
    {
        int n = text.Length;
        if (n < 8) return text;
        if (n % 2 == 1 && text[n / 2] == ' ' && text.AsSpan(0, n / 2).SequenceEqual(text.AsSpan(n / 2 + 1))) return text[..(n / 2)];
        if (n % 2 == 0 && text.AsSpan(0, n / 2).SequenceEqual(text.AsSpan(n / 2))) return text[..(n / 2)];
        return text;
    }
}
