using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// What a page says about its article outside the body text: headline, publication date,
/// authors, canonical URL and language, from schema.org JSON-LD and microdata, Open Graph and
/// article:* meta tags, Dublin Core, &lt;time datetime&gt;, byline markup, and the date many
/// sites put in their URLs (/2023/03/15/). Structured data wins over visible text.
/// </summary>
public sealed partial class PageMetadata
{
    public string? Headline { get; private set; }
    public string? Published { get; private set; }
    public List<string> Authors { get; } = new();
    public string? CanonicalUrl { get; private set; }
    public string? Language { get; private set; }

    public static PageMetadata Read(IDocument document, string? sourceUrl)
    {
        var m = new PageMetadata();
        var meta = MetaValues(document);
        var ld = JsonLdArticle.Find(document);

        // Headline: the h1 that agrees with the page's declared title, else the declared title.
        var declared = ld?.Headline ?? First(meta, "og:title", "twitter:title", "dc.title", "headline") ?? document.Title;
        m.Headline = ChooseHeadline(document, declared);

        m.Published = NormaliseDate(ld?.DatePublished)
            ?? FirstDate(meta, "article:published_time", "og:published_time", "published_time", "article:published", "datepublished", "pubdate",
                "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created",
                "dc.date.created", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime", "publication_date", "datecreated")
            ?? MicrodataDate(document)
            ?? TimeElementDate(document)
            ?? NormaliseDate(ld?.DateModified)
            ?? FirstDate(meta, "article:modified_time", "og:updated_time", "dcterms.modified", "last-modified")
            ?? DateFromUrl(sourceUrl);

        var authors = ld?.Authors ?? [];
        if (authors.Count == 0) authors = MetaAuthors(meta);
        if (authors.Count == 0) authors = MarkupAuthors(document);
        foreach (var a in authors)
            foreach (var name in Byline.Names(a))
                if (!m.Authors.Contains(name, StringComparer.OrdinalIgnoreCase)) m.Authors.Add(name);

        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href");
        m.CanonicalUrl = AbsoluteUrl(canonical, sourceUrl) ?? AbsoluteUrl(First(meta, "og:url"), sourceUrl);
        m.Published ??= DateFromUrl(m.CanonicalUrl);

        var lang = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")
            ?? First(meta, "content-language", "dc.language", "language", "og:locale") ?? ld?.Language;
        m.Language = NormaliseLanguage(lang);
        return m;
    }

    private static string? ChooseHeadline(IDocument document, string? declared)
    {
        var h1s = document.QuerySelectorAll("h1").Select(h => Clean(h.TextContent)).Where(t => t.Length is > 3 and < 400).Take(20).ToList();
        if (declared is not null)
        {
            var clean = Clean(declared);
            foreach (var h in h1s)
                if (clean.StartsWith(h, StringComparison.OrdinalIgnoreCase) || h.StartsWith(clean, StringComparison.OrdinalIgnoreCase)) return h;
            if (clean.Length > 0) return StripSiteName(clean);
        }
        return h1s.FirstOrDefault();
    }

    /// <summary>"Storm closes ports | The Daily Courier" → the headline alone.</summary>
    private static string StripSiteName(string title)
    {
        foreach (var sep in new[] { " | ", " – ", " — ", " - ", " :: ", " « ", " » " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 15) return title[..i].Trim();
        }
        return title;
    }

    internal static string Clean(string? text)
    {
        if (text is null) return "";
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>meta name/property/itemprop/http-equiv → content, lower-cased keys, first value wins.</summary>
    private static Dictionary<string, string> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attr in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var key = meta.GetAttribute(attr);
                if (key is null) continue;
                key = key.Trim().ToLowerInvariant();
                values.TryAdd(key, content.Trim());
                // Several authors come as several article:author tags.
                if (key is "author" or "article:author" or "byl" or "parsely-author" or "sailthru.author" or "dc.creator")
                    values["__authors"] = values.TryGetValue("__authors", out var prev) ? prev + "\u001F" + content.Trim() : content.Trim();
            }
        }
        return values;
    }

    private static string? First(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
            if (meta.TryGetValue(key, out var v) && v.Length > 0) return v;
        return null;
    }

    private static string? FirstDate(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
            if (meta.TryGetValue(key, out var v) && NormaliseDate(v) is { } date) return date;
        return null;
    }

    private static string? MicrodataDate(IDocument document)
    {
        foreach (var e in document.QuerySelectorAll("[itemprop~=datePublished]").Take(5))
        {
            var d = NormaliseDate(e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent);
            if (d is not null) return d;
        }
        return null;
    }

    /// <summary>A &lt;time&gt; marked as the publication time, else the first one inside an article or the page.</summary>
    private static string? TimeElementDate(IDocument document)
    {
        var times = document.QuerySelectorAll("time[datetime]").Take(50).ToList();
        var marked = times.FirstOrDefault(t => t.HasAttribute("pubdate") || (t.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase));
        foreach (var t in marked is null ? times.Where(t => t.Closest("article") is not null).Concat(times) : [marked])
            if (NormaliseDate(t.GetAttribute("datetime")) is { } d) return d;
        return null;
    }

    private static List<string> MetaAuthors(Dictionary<string, string> meta)
    {
        if (!meta.TryGetValue("__authors", out var all)) return [];
        // article:author is often a profile URL; a name is wanted.
        return all.Split('\u001F').Where(a => !a.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !a.Contains('@')).Distinct().ToList();
    }

    private static List<string> MarkupAuthors(IDocument document)
    {
        var found = new List<string>();
        foreach (var e in document.QuerySelectorAll("[itemprop~=author], [rel~=author], [class*=byline], [class*=author-name]").Take(10))
        {
            var nameElement = e.QuerySelector("[itemprop~=name]") ?? e;
            var text = Clean(nameElement.GetAttribute("content") ?? nameElement.TextContent);
            if (text.Length is > 2 and < 120) found.Add(text);
            if (found.Count >= 3) break;
        }
        return found;
    }

    /// <summary>Normalises a machine or human date to ISO 8601: yyyy-MM-dd, or yyyy-MM-ddTHH:mm with the offset when given.</summary>
    public static string? NormaliseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100) return null;
        var v = value.Trim();
        var iso = IsoDateTime().Match(v);
        if (iso.Success)
        {
            int y = int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), mo = int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), d = int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (y is < 1800 or > 2200 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
            var date = $"{y:D4}-{mo:D2}-{d:D2}";
            if (!iso.Groups["H"].Success) return date;
            int h = int.Parse(iso.Groups["H"].Value, CultureInfo.InvariantCulture), mi = int.Parse(iso.Groups["M"].Value, CultureInfo.InvariantCulture);
            if (h > 23 || mi > 59) return date;
            var zone = iso.Groups["z"].Value;
            if (zone.Length > 0 && zone != "Z")
            {
                zone = zone.Replace(":", "");
                zone = zone.Length == 3 ? zone + ":00" : zone.Length == 5 ? zone[..3] + ":" + zone[3..] : "";
                if (zone is "+00:00" or "-00:00") zone = "Z";
            }
            return $"{date}T{h:D2}:{mi:D2}{zone}";
        }
        if (DateLine.TryParse(v, out var line)) return line;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto) && dto.Year is >= 1800 and <= 2200)
            return dto.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) + (dto.Offset == TimeSpan.Zero ? "Z" : dto.ToString("zzz", CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>The date in a URL path such as /2023/03/15/ or /2023-03-15-, if there is one.</summary>
    public static string? DateFromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000) return null;
        var m = UrlDate().Match(url);
        if (!m.Success) return null;
        int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y is < 1990 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return $"{y:D4}-{mo:D2}-{d:D2}";
    }

    private static string? AbsoluteUrl(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https") return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var rel) && rel.Scheme is "http" or "https")
            return rel.ToString();
        return null;
    }

    private static string? NormaliseLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var primary = lang.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetter) ? primary : null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T\s](?<H>\d{1,2}):(?<M>\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"(?:^|[/_-])(?<y>(?:19|20)\d{2})[/_-](?<m>[01]?\d)[/_-](?<d>[0-3]?\d)(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
