using System.Text;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Readers.PageDump;

/// <summary>
/// Reads scraped page dumps: the plain text of a whole page, one paragraph a line, holding
/// one or many articles among menus, captions, share bars and watermarks. Streams the input
/// in windows, so memory is bounded by the window and the longest article, not the file.
/// </summary>
public sealed class PageDumpReader : IFormatReader
{
    /// <summary>Lines are classified a window at a time; lone tokens repeated within it are watermarks.</summary>
    public const int WindowChars = 4 << 20;

    public InputFormat Format => InputFormat.PageDump;

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input)
    {
        using var decoded = DecodedText.Open(input);
        foreach (var result in Read(source, decoded.Reader))
            yield return result;
        if (decoded.Problem(source.Name) is { } problem)
            yield return ReadResult.Fail(problem);
    }

    /// <summary>Reads page-dump text that is already decoded (WET records, JSON Lines "text" fields).</summary>
    public IEnumerable<ReadResult> Read(InputSource source, TextReader text)
    {
        using var lines = new BoundedLineReader(text);
        var tokenCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var segmenter = new PageSegmenter(token => IsWatermark(token, tokenCounts));
        var window = new List<PageLine>(64);
        bool truncatedReported = false;
        ReadProblem? failure = null;

        while (true)
        {
            window.Clear();
            long windowChars = 0;
            string? raw;
            while (windowChars < WindowChars && (raw = NextLine(lines, ref failure)) is not null)
            {
                windowChars += raw.Length + 1;
                if (IsBlank(raw)) continue;
                var line = PageLineClassifier.Classify(raw, lines.LineNumber);
                if (line.Text.Length == 0) continue;
                if (line.Kind == PageLineKind.LoneToken)
                    tokenCounts[line.Text] = tokenCounts.GetValueOrDefault(line.Text) + 1;
                window.Add(line);
            }
            bool last = windowChars < WindowChars;
            foreach (var line in window) segmenter.Add(line);
            // After a read failure the open article may be cut short: keep only the complete ones.
            if (last && failure is null) segmenter.Finish();

            while (segmenter.TryTake(out var draft))
            {
                yield return ReadResult.Of(ToArticle(draft, source, segmenter.PageDate));
                if (draft.Truncated && !truncatedReported)
                {
                    truncatedReported = true;
                    yield return ReadResult.Fail(new ReadProblem(source.Name,
                        $"article over {PageSegmenter.MaxArticleChars:N0} characters cut short", $"line {draft.FirstLine}", IsFatal: false));
                }
            }
            if (last) break;
        }
        if (failure is not null)
        {
            // The articles before the break were complete and are kept; the problem ends this input.
            yield return ReadResult.Fail(failure with { Source = source.Name });
            yield break;
        }
        if (lines.LongLines > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name,
                $"{lines.LongLines} line(s) longer than {lines.MaxLineLength:N0} characters were split", IsFatal: false));
        if (!segmenter.SeenAnyArticle && lines.CharsRead > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, "no article text found (only headlines, menus or captions)"));
    }

    /// <summary>Reads a line, turning an I/O failure (a truncated gzip, a vanished file) into end of input plus a problem.</summary>
    private static string? NextLine(BoundedLineReader lines, ref ReadProblem? failure)
    {
        try
        {
            return lines.ReadLine();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = new ReadProblem("", ArticleReader.Describe(e), $"line {lines.LineNumber + 1}");
            return null;
        }
    }

    public static Article ToArticle(ArticleDraft draft, InputSource source, string? pageDate)
    {
        var spans = new List<Span>(draft.Paragraphs.Count);
        int length = 0;
        foreach (var paragraph in draft.Paragraphs)
        {
            if (length > 0) length += 2;
            spans.Add(new Span(length, length + paragraph.Length));
            length += paragraph.Length;
        }
        // Written straight into the final string: an article's text is copied once, not twice.
        var text = string.Create(length, draft.Paragraphs, static (chars, paragraphs) =>
        {
            int at = 0;
            foreach (var paragraph in paragraphs)
            {
                if (at > 0) { chars[at++] = '\n'; chars[at++] = '\n'; }
                paragraph.CopyTo(chars[at..]);
                at += paragraph.Length;
            }
        });
        var article = new Article(text, draft.Title)
        {
            Source = source.Name,
            Url = source.Url,
            Date = draft.Date ?? source.Date,
            PageDate = pageDate,
        };
        article.Paragraphs.AddRange(spans);
        article.Authors.AddRange(draft.Authors);
        article.Captions.AddRange(draft.Captions);
        return article;
    }

    private static bool IsBlank(string line)
    {
        foreach (var c in line)
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\uFEFF' or '\u200C' or '\u200D' or '\u2060')) return false;
        return true;
    }

    /// <summary>
    /// A lone token is a watermark or logo if it is shouted (IRNA, PRESSTV), a handle, a domain,
    /// a number, or stamped more than once on the page; otherwise it is a one-word alt text.
    /// </summary>
    internal static bool IsWatermark(string token, IReadOnlyDictionary<string, int> counts)
    {
        if (counts.TryGetValue(token, out var n) && n >= 2) return true;
        if (token[0] is '@' or '#' or '©') return true;
        if (token.Contains(".com", StringComparison.OrdinalIgnoreCase) || token.Contains("www.", StringComparison.OrdinalIgnoreCase)) return true;
        int letters = 0, upper = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
            else if (char.IsDigit(c)) digits++;
        }
        if (letters == 0) return true;
        if (letters >= 2 && upper == letters) return true;
        // CamelCase brand names: PressTV, IranWire, TehranTimes.
        int innerCaps = 0;
        for (int i = 1; i < token.Length; i++)
            if (char.IsUpper(token[i]) && char.IsLower(token[i - 1])) innerCaps++;
        return innerCaps > 0 && !token.Contains('-');
    }
}
