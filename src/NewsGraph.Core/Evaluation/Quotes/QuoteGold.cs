using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Evaluation.Quotes;

/// <summary>A labelled quote: its span, direct or reported, and who said it (any of the names; none = nobody can tell).</summary>
public sealed record GoldQuote(Span Span, bool Direct, IReadOnlyList<string> Speakers, string? Type)
{
    public bool NullSpeaker => Speakers.Count == 0;
}

/// <summary>An article of the labelled set with its quotes.</summary>
public sealed record GoldArticle(string Name, Article Article, IReadOnlyList<GoldQuote> Quotes);

/// <summary>
/// Reads the quote attribution set (eval/quotes/README.md): articles written with inline tags
/// (<c>&lt;q s="Speaker|alias" t="person"&gt;words&lt;/q&gt;</c> for direct quotes, <c>&lt;r&gt;</c> for
/// reported speech), and the offsets-only gold of a page that is not ours, read against that page.
/// </summary>
public static partial class QuoteGold
{
    private const int MaxFileBytes = 4 << 20;

    [GeneratedRegex("""<(q|r) s="([^"]*)" t="([^"]*)">|</(q|r)>""")]
    private static partial Regex Tag();

    public static GoldArticle Parse(string name, string content)
    {
        content = content.Replace("\r\n", "\n");
        var title = "";
        var captions = new List<string>();
        int bodyStart = 0;
        // Header lines first, then a blank line, then the body.
        while (bodyStart < content.Length && content[bodyStart] == '#')
        {
            int eol = content.IndexOf('\n', bodyStart);
            if (eol < 0) eol = content.Length;
            var line = content[(bodyStart + 1)..eol].Trim();
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (key == "headline") title = value;
                else if (key == "caption") captions.Add(value);
            }
            bodyStart = eol + 1;
        }
        var body = Regex.Replace(content[bodyStart..].Trim(), @"\n{3,}", "\n\n");

        var text = new StringBuilder(body.Length);
        var quotes = new List<GoldQuote>();
        var open = new Stack<(char Kind, int Start, string Speakers, string Type, int Line)>();
        int at = 0;
        foreach (Match m in Tag().Matches(body))
        {
            text.Append(body, at, m.Index - at);
            at = m.Index + m.Length;
            if (m.Groups[1].Success)
            {
                open.Push((m.Groups[1].Value[0], text.Length, m.Groups[2].Value, m.Groups[3].Value, LineOf(body, m.Index)));
                continue;
            }
            var kind = m.Groups[4].Value[0];
            if (open.Count == 0 || open.Peek().Kind != kind)
                throw new InvalidDataException($"{name}: line {LineOf(body, m.Index)}: </{kind}> closes no <{kind}>");
            var tag = open.Pop();
            var speakers = tag.Speakers.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            quotes.Add(new GoldQuote(new Span(tag.Start, text.Length), tag.Kind == 'q', speakers, tag.Type.Length == 0 ? null : tag.Type));
        }
        if (open.Count > 0) throw new InvalidDataException($"{name}: line {open.Peek().Line}: <{open.Peek().Kind}> is never closed");
        text.Append(body, at, body.Length - at);
        var cleaned = text.ToString();
        if (cleaned.Contains('<') && Tag().IsMatch(cleaned)) throw new InvalidDataException($"{name}: a tag is malformed");

        var article = new Article(cleaned, title) { Source = name };
        article.Captions.AddRange(captions);
        int p = 0;
        while (p < cleaned.Length)
        {
            int end = cleaned.IndexOf("\n\n", p, StringComparison.Ordinal);
            if (end < 0) end = cleaned.Length;
            if (end > p) article.Paragraphs.Add(new Span(p, end));
            p = end + 2;
        }
        quotes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new GoldArticle(name, article, quotes);
    }

    private static int LineOf(string s, int index)
    {
        int line = 1;
        for (int i = 0; i < index && i < s.Length; i++) if (s[i] == '\n') line++;
        return line;
    }

    public static GoldArticle ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes) throw new InvalidDataException($"{path}: larger than {MaxFileBytes >> 20} MB, not an article of the set");
        return Parse(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>
    /// The articles of a page that is not ours, with gold quotes given as code point offsets into the raw
    /// page (the .tsv written beside the set). Offsets are carried into each article's text by finding
    /// its lines in the page, so the gold survives changes to how the reader cleans the page. Returns
    /// null, with the reason, when the page is missing or is not the page the offsets were written for.
    /// </summary>
    public static (IReadOnlyList<GoldArticle>? Articles, string? Problem, int Unplaced) ReadOffsets(string tsvPath, string repoRoot)
    {
        string? seed = null, sha = null;
        var rows = new List<(int Start, int End, bool Direct, string[] Speakers, string Type)>();
        foreach (var line in File.ReadLines(tsvPath))
        {
            if (line.StartsWith("# seed:")) seed = line["# seed:".Length..].Trim();
            else if (line.StartsWith("# sha256 ")) sha = line["# sha256 ".Length..].Trim();
            if (line.StartsWith('#') || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new InvalidDataException($"{tsvPath}: a row needs start, end, kind, speaker and type");
            rows.Add((int.Parse(f[0]), int.Parse(f[1]), f[2] == "q", f[3].Split('|', StringSplitOptions.RemoveEmptyEntries), f[4]));
        }
        if (seed is null) return (null, "no '# seed:' line", 0);
        var page = Beside(repoRoot, seed);
        if (page is null) return (null, $"{seed} is not here", 0);
        var bytes = File.ReadAllBytes(page);
        if (sha is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha)
            return (null, $"{seed} is not the page the offsets were written for (sha256 differs)", 0);
        var raw = Encoding.UTF8.GetString(bytes);
        var utf16 = CodePointToUtf16(raw);

        var articles = new List<(Article Article, List<(int Raw, int Local, int Length)> Pieces)>();
        int cursor = 0;
        foreach (var result in ArticleReader.CreateDefault().Read(InputSource.FromBytes(page, bytes)))
        {
            if (result.Article is not { } article) continue;
            var pieces = new List<(int, int, int)>();
            int local = 0;
            foreach (var piece in article.Text.Split('\n'))
            {
                if (piece.Length > 0)
                {
                    int found = raw.IndexOf(piece, cursor, StringComparison.Ordinal);
                    if (found >= 0)
                    {
                        pieces.Add((found, local, piece.Length));
                        cursor = found + piece.Length;
                    }
                }
                local += piece.Length + 1;
            }
            articles.Add((article, pieces));
        }

        var gold = articles.Select(_ => new List<GoldQuote>()).ToList();
        int unplaced = 0;
        foreach (var row in rows)
        {
            if (row.End >= utf16.Length) { unplaced++; continue; }
            int s = utf16[row.Start], e = utf16[row.End];
            bool placed = false;
            for (int a = 0; a < articles.Count && !placed; a++)
                foreach (var (rawStart, localStart, length) in articles[a].Pieces)
                    if (s >= rawStart && e <= rawStart + length)
                    {
                        var span = new Span(localStart + s - rawStart, localStart + e - rawStart);
                        gold[a].Add(new GoldQuote(span, row.Direct, row.Speakers, row.Type));
                        placed = true;
                        break;
                    }
            if (!placed) unplaced++;
        }
        var list = new List<GoldArticle>();
        for (int a = 0; a < articles.Count; a++)
            list.Add(new GoldArticle($"{Path.GetFileName(page)}#{a + 1}", articles[a].Article, gold[a]));
        return (list, null, unplaced);
    }

    /// <summary>
    /// A "../shared/..." path resolved beside the repository, or beside a folder above it (a git
    /// worktree under wt/ has the shared folder two levels up).
    /// </summary>
    private static string? Beside(string repoRoot, string relative)
    {
        var rest = relative.Replace('\\', '/');
        while (rest.StartsWith("../", StringComparison.Ordinal)) rest = rest[3..];
        for (var d = Directory.GetParent(Path.GetFullPath(repoRoot)); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, rest);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static int[] CodePointToUtf16(string s)
    {
        var map = new List<int>(s.Length + 1);
        for (int i = 0; i < s.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        }
        map.Add(s.Length);
        return map.ToArray();
    }
}
