namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// What the words in class and id attributes say about an element's role. The words are the
/// ones front-end conventions share across thousands of sites (BEM blocks, WordPress and
/// CMS themes, ad and widget vendors), matched as whole words after splitting on separators
/// and camelCase, so "c-share-bar" and "socialShareTools" are both share bars while
/// "shared-mobility" is not.
/// </summary>
public static class ClassVocabulary
{
    /// <summary>Words naming page furniture: never article text.</summary>
    private static readonly HashSet<string> Furniture = new(StringComparer.Ordinal)
    {
        "comment", "comments", "commentlist", "disqus", "respond", "replies", "reply",
        "share", "sharing", "sharebar", "sharetools", "social", "socials", "sociallinks",
        "related", "relatedposts", "recommended", "recommendations", "recirc", "recirculation", "popular", "trending", "mostread", "ticker",
        "promo", "promotion", "newsletter", "subscribe", "subscription", "signup", "offer",
        "ad", "ads", "adslot", "adunit", "advert", "adverts", "advertisement", "advertising", "dfp", "gpt", "sponsor", "sponsored", "outbrain", "taboola",
        "cookie", "cookies", "consent", "gdpr", "privacy", "banner", "popup", "modal", "overlay", "lightbox",
        "breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu", "submenu", "footer", "sidebar", "widget", "widgets", "masthead", "topbar", "toolbar",
        "byline", "bylines", "author", "authors", "bio", "dateline", "timestamp", "published", "updated", "pubdate",
        "tags", "tagcloud", "taglist", "keywords", "categories", "topics",
        "pagination", "pager", "prevnext", "skip", "print", "login", "signin", "rating", "ratings", "feedback", "survey",
        "caption", "captions", "credit", "credits", "figcaption", "gallery", "slideshow", "carousel", "video", "podcast",
        "teaser", "teasers", "headlines", "listing", "more", "also", "next", "previous", "prev", "follow", "donate", "donation", "alert", "notification",
        "meta", "metadata", "postmeta", "entrymeta", "info", "disclaimer", "copyright", "correction", "corrections",
    };

    /// <summary>Words naming the article's body.</summary>
    private static readonly HashSet<string> Body = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "body", "content", "entry", "entrycontent", "post", "postcontent", "story", "storybody", "text", "main", "blog", "prose", "richtext", "rte",
    };

    /// <summary>Words that make a class a state flag ("comments-open", "has-sidebar"), not a role.</summary>
    private static readonly HashSet<string> StateWords = new(StringComparer.Ordinal)
    {
        "has", "no", "with", "without", "open", "closed", "enabled", "disabled", "show", "count", "allowed", "is", "on", "off",
        // An embedded post (a tweet quoted in the story) is content, whatever network it comes from.
        "embed", "embedded", "tweet",
    };

    /// <summary>Words for the parts of a page that are never part of the article, however much text they hold.</summary>
    private static readonly HashSet<string> StrongFurniture = new(StringComparer.Ordinal)
    {
        "comment", "comments", "commentlist", "disqus", "respond", "replies", "reply", "cookie", "cookies", "consent", "gdpr", "newsletter",
    };

    public readonly record struct Verdict(bool Furniture, bool Body, bool Hidden, bool Strong = false);

    /// <summary>Judges an element from its class and id attribute values.</summary>
    public static Verdict Judge(string? classes, string? id)
    {
        bool furniture = false, body = false, hidden = false, strong = false;
        Scan(classes, ref furniture, ref body, ref hidden, ref strong);
        Scan(id, ref furniture, ref body, ref hidden, ref strong);
        return new Verdict(furniture, body, hidden, strong);
    }

    private static void Scan(string? value, ref bool furniture, ref bool body, ref bool hidden, ref bool strong)
    {
        if (string.IsNullOrEmpty(value)) return;
        Span<Range> nameRanges = stackalloc Range[32];
        var span = value.AsSpan();
        int names = span.SplitAny(nameRanges, " \t\r\n", StringSplitOptions.RemoveEmptyEntries);
        Span<Range> words = stackalloc Range[16];
        Span<char> lower = stackalloc char[80];
        Span<char> joined = stackalloc char[80];
        var furnitureWords = Furniture.GetAlternateLookup<ReadOnlySpan<char>>();
        var bodyWords = Body.GetAlternateLookup<ReadOnlySpan<char>>();
        var stateWords = StateWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var strongWords = StrongFurniture.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int n = 0; n < names; n++)
        {
            var name = span[nameRanges[n]];
            if (name.Length > 80) continue;
            int count = SplitWords(name, words);
            bool state = false, nameFurniture = false, nameBody = false, nameStrong = false;
            for (int w = 0; w < count; w++)
            {
                var word = name[words[w]];
                int len = word.ToLowerInvariant(lower);
                var key = lower[..len];
                if (stateWords.Contains(key)) state = true;
                else if (furnitureWords.Contains(key)) { nameFurniture = true; nameStrong |= strongWords.Contains(key); }
                else if (bodyWords.Contains(key)) nameBody = true;
            }
            // Whole-name matches catch compounds written as one word.
            if (count > 1)
            {
                int len = 0;
                foreach (var c in name)
                    if (char.IsAsciiLetterOrDigit(c) && len < joined.Length) joined[len++] = char.ToLowerInvariant(c);
                var key = joined[..len];
                if (furnitureWords.Contains(key)) nameFurniture = true;
                if (bodyWords.Contains(key)) nameBody = true;
            }
            // Only whole names hide: "hidden-xs" hides on phones alone, and the page is read as on a desktop.
            if (IsHiddenName(name)) hidden = true;
            body |= nameBody && !nameFurniture;
            if (state) continue;
            furniture |= nameFurniture;
            strong |= nameStrong;
        }
    }

    private static bool IsHiddenName(ReadOnlySpan<char> name) =>
        name.Equals("hidden", StringComparison.OrdinalIgnoreCase) || name.Equals("sr-only", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("visually-hidden", StringComparison.OrdinalIgnoreCase) || name.Equals("visuallyhidden", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("screen-reader-text", StringComparison.OrdinalIgnoreCase) || name.Equals("invisible", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("element-invisible", StringComparison.OrdinalIgnoreCase) || name.Equals("offscreen", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits a class name at separators, digits and lower-to-upper case changes.</summary>
    private static int SplitWords(ReadOnlySpan<char> name, Span<Range> words)
    {
        int count = 0, start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool letter = i < name.Length && char.IsAsciiLetter(name[i]);
            bool boundary = !letter || (start >= 0 && i > start && char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterLower(name[i - 1]));
            if (boundary && start >= 0)
            {
                if (count < words.Length) words[count++] = new Range(start, i);
                start = -1;
            }
            if (letter && start < 0) start = i;
        }
        return count;
    }
}
