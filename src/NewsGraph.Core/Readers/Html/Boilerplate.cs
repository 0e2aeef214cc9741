namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// Lines that sites drop into the article's own container: ad markers, "story continues
/// below", newsletter and follow-us promos, "can be reached at" sign-offs. The phrases are
/// the ones publishers share; a line is only dropped when it is short and (for promos and
/// sign-offs) sits at the edge of the article, where the templates put them, so a quoted
/// sentence mentioning a newsletter in the middle of a story stays.
/// </summary>
public static class Boilerplate
{
    /// <summary>Markers that are the whole line wherever they stand.</summary>
    private static readonly string[] Markers =
    [
        "advertisement", "advertising", "sponsored", "sponsored content", "story continues below", "continue reading", "continue reading below",
        "article continues below", "read more", "read more:", "related", "related:", "related articles", "related stories", "recommended",
        "more on this", "more from", "share this article", "share this", "share", "tweet", "print", "email", "comments", "photo", "video", "loading",
        "scroll to continue", "skip ad", "you may also like", "most read", "trending",
        // The same markers in the languages of the pages NewsGraph reads most.
        "advert", "adverts", "anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "reclame", "reklama", "реклама", "iklan", "광고",
    ];

    /// <summary>Phrases of promos and sign-offs, dropped when the line is short and at the article's edge.</summary>
    private static readonly string[] EdgePhrases =
    [
        "subscribe", "newsletter", "sign up", "signup", "follow us", "follow him on", "follow her on", "follow them on", "follow me on", "like us on",
        "may be reached at", "can be reached at", "be reached at", "contact the author", "have a tip", "send us a tip", "click here", "download our app",
        "all rights reserved", "copyright ©", "© copyright", "this story has been", "this article has been", "join the conversation", "leave a comment",
        "get the latest", "delivered to your inbox", "in your inbox", "terms of use", "privacy policy", "read the full", "originally appeared",
        "for more stories", "more stories like this", "want more", "support our journalism", "become a member", "donate",
        // Wire credit lines close agency copy: "(Reporting by ...; Editing by ...)".
        "reporting by", "editing by", "additional reporting", "writing by", "compiled by",
    ];

    public const int MaxEdgeChars = 250;

    public static bool IsMarker(string text)
    {
        if (text.Length > 40) return false;
        if (IsReadingTime(text)) return true;
        var t = text.Trim().TrimEnd('.', ':', '…', '>', '»', '›').Trim().ToLowerInvariant();
        foreach (var m in Markers)
            if (t == m) return true;
        return false;
    }

    /// <summary>"4 min read", "Reading time: 3 minutes", "Tempo de leitura: 2 minutos": a template's estimate, not text.</summary>
    private static bool IsReadingTime(string text)
    {
        var t = text.ToLowerInvariant();
        bool minutes = t.Contains("min");
        bool reading = t.Contains("read") || t.Contains("leitura") || t.Contains("lectura") || t.Contains("lesezeit") || t.Contains("lettura") || t.Contains("lecture");
        return minutes && reading && t.Any(char.IsDigit) && t.Length <= 32;
    }

    /// <summary>"By Jane Doe", "By Jane Doe and John Roe, Reuters": a short line naming the writers.</summary>
    public static bool IsByline(string text)
    {
        if (text.Length is < 5 or > 80) return false;
        if (!text.StartsWith("By ", StringComparison.Ordinal) && !text.StartsWith("BY ", StringComparison.Ordinal)) return false;
        if (text.EndsWith('.') || text.Contains(". ")) return false;
        int words = 1;
        foreach (var c in text) if (c == ' ') words++;
        return words <= 10 && char.IsUpper(text[3]);
    }

    public static bool IsEdgePromo(string text)
    {
        if (text.Length > MaxEdgeChars) return false;
        foreach (var phrase in EdgePhrases)
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
