using System.Text.Json;
using AngleSharp.Dom;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// The schema.org article object of a page's JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>),
/// found among @graph lists and arrays: headline, dates, authors and language.
/// </summary>
public sealed class JsonLdArticle
{
    public string? Headline { get; private init; }
    public string? DatePublished { get; private init; }
    public string? DateModified { get; private init; }
    public string? Language { get; private init; }
    public List<string> Authors { get; } = new();

    private const int MaxScriptChars = 1 << 20;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "LiveBlogPosting", "SatiricalArticle", "TechArticle", "Report", "SocialMediaPosting", "Review", "Posting",
    };

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonLdArticle? Find(IDocument document)
    {
        JsonLdArticle? page = null;
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var json = script.TextContent;
            if (json.Length > MaxScriptChars) continue;
            JsonDocument parsed;
            try { parsed = JsonDocument.Parse(json.Trim().TrimEnd(';'), Options); }
            catch (JsonException) { continue; }
            using (parsed)
            {
                var found = Search(parsed.RootElement, 0, out var isPage);
                if (found is not null && !isPage) return found;
                page ??= found;
            }
        }
        return page;
    }

    private static JsonLdArticle? Search(JsonElement e, int depth, out bool isPage)
    {
        isPage = false;
        if (depth > 8) return null;
        JsonLdArticle? pageLevel = null;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                var f = Search(item, depth + 1, out var p);
                if (f is not null && !p) return f;
                pageLevel ??= f;
            }
            isPage = pageLevel is not null;
            return pageLevel;
        }
        if (e.ValueKind != JsonValueKind.Object) return null;
        if (IsType(e, ArticleTypes)) return From(e);
        foreach (var key in new[] { "@graph", "mainEntity", "mainEntityOfPage" })
            if (e.TryGetProperty(key, out var inner) && inner.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                var f = Search(inner, depth + 1, out var p);
                if (f is not null && !p) return f;
                pageLevel ??= f;
            }
        // A WebPage with dates is the next best thing to an article.
        if (pageLevel is null && IsType(e, new HashSet<string>(["WebPage", "ItemPage"], StringComparer.OrdinalIgnoreCase)) && e.TryGetProperty("datePublished", out _))
            pageLevel = From(e);
        isPage = pageLevel is not null;
        return pageLevel;
    }

    private static bool IsType(JsonElement e, HashSet<string> types)
    {
        if (!e.TryGetProperty("@type", out var t)) return false;
        if (t.ValueKind == JsonValueKind.String) return types.Contains(t.GetString()!);
        if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String && types.Contains(x.GetString()!)) return true;
        return false;
    }

    private static JsonLdArticle From(JsonElement e)
    {
        var a = new JsonLdArticle
        {
            Headline = Str(e, "headline") ?? Str(e, "name"),
            DatePublished = Str(e, "datePublished") ?? Str(e, "dateCreated"),
            DateModified = Str(e, "dateModified"),
            Language = Str(e, "inLanguage"),
        };
        if (e.TryGetProperty("author", out var author)) AddAuthors(a.Authors, author, 0);
        if (a.Authors.Count == 0 && e.TryGetProperty("creator", out var creator)) AddAuthors(a.Authors, creator, 0);
        return a;
    }

    private static void AddAuthors(List<string> into, JsonElement e, int depth)
    {
        if (depth > 3 || into.Count >= 10) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (!s.StartsWith("http", StringComparison.OrdinalIgnoreCase)) into.Add(s);
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) AddAuthors(into, x, depth + 1);
                break;
            case JsonValueKind.Object:
                // An Organization as author is the publisher, not a byline.
                if (IsType(e, new HashSet<string>(["Organization", "NewsMediaOrganization", "Corporation"], StringComparer.OrdinalIgnoreCase))) break;
                if (Str(e, "name") is { } name) into.Add(name);
                break;
        }
    }

    private static string? Str(JsonElement e, string key)
    {
        if (!e.TryGetProperty(key, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return NullIfBlank(v.GetString());
        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String) return NullIfBlank(v[0].GetString());
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) return NullIfBlank(n.GetString());
        return null;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s.Trim());
}
