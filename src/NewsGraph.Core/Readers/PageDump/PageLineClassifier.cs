using System.Text;
using System.Text.RegularExpressions;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Readers.PageDump;

/// <summary>
/// Classifies page-dump lines by their shape and a small vocabulary of page furniture that
/// news sites share. Nothing here knows any one site: the rules are about how pages are
/// built (menus, share bars, credits), tested on several layouts.
/// </summary>
public static partial class PageLineClassifier
{
    /// <summary>Longer than this, a line without a final stop is still running text (scrapes cut paragraphs).</summary>
    public const int MaxShortLine = 160;

    public static PageLine Classify(string raw, long lineNumber)
    {
        var text = Normalise(raw);
        var kind = KindOf(text, out var date, out var authors);
        return new PageLine(text, kind, lineNumber) { Date = date, Authors = authors };
    }

    /// <summary>Control characters, tabs, no-break, typographic and zero-width spaces: what <see cref="Normalise"/> rewrites.</summary>
    private static readonly System.Buffers.SearchValues<char> OddSpaces = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D\u202F\u2060\u3000\uFEFF");

    /// <summary>Trims, turns no-break and odd spaces into spaces, drops zero-width characters, collapses runs.</summary>
    public static string Normalise(string raw)
    {
        var s = raw.AsSpan().Trim();
        // Most lines need nothing: two vectorised scans say so without looking at each character.
        bool clean = !s.ContainsAny(OddSpaces) && !s.Contains("  ", StringComparison.Ordinal);
        if (clean) return s.Length == raw.Length ? raw : s.ToString();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\u200B' or '\uFEFF' or '\u200C' or '\u200D' or '\u2060') continue;
            bool space = c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u3000' || (c >= '\u2000' && c <= '\u200A') || c < ' ';
            if (space)
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    private static PageLineKind KindOf(string s, out string? date, out IReadOnlyList<string>? authors)
    {
        date = null;
        authors = null;
        int words = CountWords(s);
        bool terminal = EndsLikeSentence(s);

        if (s.Length <= 90 && DateLine.TryParse(s, out var iso))
        {
            date = iso;
            return PageLineKind.Date;
        }
        if (!terminal && s.Length <= MaxShortLine)
        {
            if (IsNavigation(s, words)) return PageLineKind.Navigation;
            if (IsRelatedMarker(s)) return PageLineKind.RelatedMarker;
        }
        if (s.Length <= 200 && IsFurniture(s, words)) return PageLineKind.Furniture;
        if (!terminal && s.Length <= 120 && TryByline(s, out var names))
        {
            authors = names;
            return PageLineKind.Byline;
        }
        if (s.Length <= 400 && IsMarkedCaption(s, terminal)) return PageLineKind.MarkedCaption;
        if (terminal || s.Length > MaxShortLine) return PageLineKind.Body;
        // A bulleted list inside an article ("- Duty cuts on capital goods") is its text, however short.
        if (words >= 3 && IsListItem(s)) return PageLineKind.Body;
        if (words == 1) return PageLineKind.LoneToken;
        char first = FirstLetterOrDigit(s);
        if (char.IsLower(first)) return PageLineKind.CaptionLike;
        // Two sentences on one short line are a pull quote, a poll or a comment, not a headline.
        if (s.Length > 60 && HasInnerSentenceBreak(s)) return PageLineKind.CaptionLike;
        if (words >= 3) return PageLineKind.HeadlineLike;
        return PageLineKind.CaptionLike;
    }

    public static bool IsListItem(ReadOnlySpan<char> s) =>
        s.Length > 2 && s[0] is '-' or '•' or '*' or '–' or '·' or '▪' or '►' && s[1] == ' ';

    /// <summary>". It", "? Yes": a sentence ends inside the line (not after an abbreviation such as "Mr." or "U.S.").</summary>
    private static bool HasInnerSentenceBreak(ReadOnlySpan<char> s)
    {
        for (int i = 1; i + 2 < s.Length; i++)
        {
            if (s[i] is not ('.' or '?' or '!') || s[i + 1] != ' ' || !char.IsUpper(s[i + 2])) continue;
            if (s[i] != '.') return true;
            int start = i;
            while (start > 0 && s[start - 1] != ' ') start--;
            var word = s[start..i];
            if (word.Length <= 1 || word.Contains('.') || Extractors.Segmentation.Abbreviations.IsNeverFinal(word)
                || Extractors.Segmentation.Abbreviations.IsMaybeFinal(word)) continue;
            return true;
        }
        return false;
    }

    private static readonly HashSet<string> ConnectingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "as", "of", "the", "a", "an", "to", "for", "in", "on", "at", "with", "by", "from", "that",
        "which", "who", "whose", "whom", "than", "into", "its", "their", "his", "her", "is", "are", "was", "were", "has",
        "have", "had", "be", "been", "will", "would", "could", "should", "said", "says", "while", "when", "after", "before",
    };

    /// <summary>
    /// A line that stops mid-sentence: it ends with a comma or a connecting word ("... secured
    /// qualification for"), as when a scraper breaks one paragraph over two lines.
    /// </summary>
    public static bool EndsMidSentence(string s)
    {
        var t = s.AsSpan().TrimEnd();
        if (t.Length == 0) return false;
        if (t[^1] is ',' or '–' or '—' or '-' or '(' or '&') return true;
        int start = t.Length;
        while (start > 0 && char.IsLetter(t[start - 1])) start--;
        if (start == t.Length || (start > 0 && t[start - 1] != ' ')) return false;
        return ConnectingWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t[start..]);
    }

    public static int CountWords(ReadOnlySpan<char> s)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in s)
        {
            bool space = c == ' ';
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    /// <summary>Ends with . ! ? … ; or : possibly followed by closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> s)
    {
        int i = s.Length - 1;
        while (i >= 0 && (s[i] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or ' ' or '*')) i--;
        return i >= 0 && s[i] is '.' or '!' or '?' or '…' or ';' or ':';
    }

    private static char FirstLetterOrDigit(string s)
    {
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) return c;
        return ' ';
    }

    // "Home Blog Page 2168", "Home › World › Middle East", "Page 3 of 12", "Next »", menus of section names.
    [GeneratedRegex(@"^(?:you are here\b|skip to (?:main )?content\b|page \d+(?: of \d+)?$|\d+ of \d+$|(?:«|‹|<)?\s*(?:previous|prev|next|older|newer)(?: (?:post|posts|article|page|entries|stories))?\s*(?:»|›|>)?$|load more$|show more$|see all$|view all$|back to top$|toggle navigation$|main menu$|menu$|search(?: for)?:?$|sign in$|log ?in$|register$|close$|open menu$|\d+$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NavigationStart();

    private static readonly HashSet<string> SectionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "home", "news", "world", "politics", "business", "economy", "sport", "sports", "opinion", "blog", "blogs", "contact",
        "about", "menu", "search", "login", "subscribe", "video", "videos", "photos", "latest", "trending", "tech", "technology",
        "science", "health", "culture", "entertainment", "lifestyle", "travel", "local", "national", "international", "region",
        "regions", "europe", "asia", "africa", "americas", "editorial", "editorials",
        "features", "analysis", "interviews", "multimedia", "podcasts", "podcast", "live", "more", "weather", "markets",
        "environment", "climate", "education", "society", "art", "arts", "media", "defense", "defence", "security", "all",
        "categories", "tags", "archive", "archives", "privacy", "terms", "policy", "cookies", "advertise", "careers", "rss",
        "newsletter", "newsletters", "epaper", "e-paper", "the", "and", "&", "|", "/", "›", "»", ">", "-", "•", "·",
    };

    private static bool IsNavigation(string s, int words)
    {
        if (words > 14) return false;
        if (NavigationStart().IsMatch(s)) return true;
        if (s.StartsWith("Home", StringComparison.OrdinalIgnoreCase) && (s.Length == 4 || !char.IsLetter(s[4])))
        {
            // "Home Blog Page 2168", "Home / Politics": home followed by section names, separators, page numbers.
            var rest = s.AsSpan(4).TrimStart();
            if (rest.Length == 0 || rest[0] is '›' or '»' or '>' or '|' or '/' or '→' or '•' or '·' or '-') return true;
            bool allNav = true;
            foreach (var word in rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!SectionWords.Contains(word) && !word.Equals("page", StringComparison.OrdinalIgnoreCase) && !word.All(char.IsAsciiDigit))
                { allNav = false; break; }
            if (allNav) return true;
        }
        // Breadcrumbs: short items joined by separators.
        int separators = 0;
        foreach (var c in s)
            if (c is '›' or '»' or '>' or '|' or '/' or '→' or '•' or '·') separators++;
        if (separators >= 2 && words <= 10 && !EndsLikeSentence(s)) return true;
        // A menu: nothing but section names.
        if (words >= 3)
        {
            foreach (var word in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!SectionWords.Contains(word.Trim(',', ':'))) return false;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:related(?: (?:articles?|posts?|stories|news|coverage|content|topics))?|read (?:more|also|next)|also read|see also|more (?:from|on|stories|news)(?: [\w ]{0,30})?|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|popular (?:posts|stories)|latest (?:news|posts|stories)|top stories|editor'?s picks)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedMarkerLine();

    private static bool IsRelatedMarker(string s) => s.Length <= 60 && RelatedMarkerLine().IsMatch(s);

    [GeneratedRegex(@"^(?:share(?: (?:this(?: article| story| post| page)?|on \w+|via \w+|article|story|post|(?:on|via) \w+ (?:and|or) \w+))?:?|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|copy link|copy url|save|bookmark|subscribe\b.*|sign up\b.*|join (?:us|our)\b.*|follow us\b.*|follow (?:\w+ )?on (?:twitter|facebook|instagram|x|telegram)\b.*|click (?:here|to)\b.*|advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|(?:\d+ )?comments?(?: \(\d+\))?|leave a (?:comment|reply)\b.*|post a comment\b.*|no comments? yet\.?|be the first to comment\b.*|(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).*|all rights reserved\b.*|(?:terms of (?:use|service)|privacy policy|cookie policy|contact us|about us)(?: ?[|·•] ?.*)?|listen to (?:this )?(?:article|story)\b.*|\d+ min(?:ute)?s? read|reading time\b.*|download (?:our|the) app\b.*|get (?:the|our) app\b.*|we use cookies\b.*|accept(?: all)?(?: cookies)?|loading\.*|please wait\.*|tags?:.*|topics?:.*|filed under:.*|categories?:.*|our standards:.*|(?:additional )?(?:reporting|writing|editing|compiled|produced|graphics) by\b.*|.{0,80}\bcontributed (?:to )?this report\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    private static readonly HashSet<string> SocialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "email", "e-mail", "print", "linkedin", "reddit",
        "pinterest", "messenger", "viber", "vk", "copy", "link", "mail", "sms", "pocket", "flipboard", "instagram", "youtube",
        "tiktok", "google", "news", "rss", "|", "·", "•", "-", "/",
    };

    // "Read more: What the sanctions mean", "See also - Ten years of talks": a link to another story, set in the text.
    [GeneratedRegex(@"^(?:read (?:more|also|next)|also read|see also|related(?: (?:article|story|coverage|content))?|more on this(?: story)?|watch|listen|recommended)\s*[:|»›>–—-]\s*\S.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkToAnotherStoryLine();

    private static bool IsFurniture(string s, int words)
    {
        if (words <= 14 && FurnitureLine().IsMatch(s)) return true;
        if (words <= 30 && LinkToAnotherStoryLine().IsMatch(s)) return true;
        // A share bar flattened to one line: "Facebook Twitter WhatsApp Email".
        if (words is >= 2 and <= 12)
        {
            foreach (var word in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!SocialWords.Contains(word.Trim(',', ':'))) return false;
            return true;
        }
        return false;
    }

    // "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe | Reuters", "Written by Jane Doe", "Author: Jane Doe".
    [GeneratedRegex(@"^(?:by|written by|words by|author:|authors:|reporting by|report by|story by)\s+(?<names>(?:(?:dr|prof|mr|mrs|ms)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|al|el|bin|ibn|le|la|and|&|,)){0,12})\s*(?:[|,–—-]\s*(?<org>.{0,60}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLine();

    private static bool TryByline(string s, out IReadOnlyList<string>? names)
    {
        names = null;
        var m = BylineLine().Match(s.Length > 0 && char.IsLower(s[0]) ? s : char.ToLowerInvariant(s[0]) + s[1..]);
        if (!m.Success) return false;
        var list = new List<string>();
        foreach (var part in Regex.Split(m.Groups["names"].Value, @"\s*(?:,|\band\b|&)\s*"))
        {
            var name = part.Trim();
            if (name.Length > 1) list.Add(name);
        }
        if (list.Count == 0) return false;
        names = list;
        return true;
    }

    // A caption announces itself at the start ("Photo: ...") or carries a picture credit ("REUTERS/Name", "(Getty Images)").
    [GeneratedRegex(@"^(?:(?:photo|photos|image|images|picture|pictured|pic|file photo|file picture|photograph|illustration|caption|credit|video|watch)\b\s*[:|–—-]|\((?:photo|image|file|picture)\b|file:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionLead();

    [GeneratedRegex(@"\b(?:getty images|afp via getty|shutterstock|ap photo|reuters/|/reuters|afp/|/afp|epa-efe|/epa|xinhua/|anadolu agency|photo by|photo credit|image credit|courtesy of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PictureCredit();

    // "(L)", "(R)": which person in the picture. In running text "(R)" is more often a US party.
    [GeneratedRegex(@"\((?:l|r|c|left|right|centre|center|2nd [lr]|second (?:left|right))\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositionInPicture();

    private static bool IsMarkedCaption(string s, bool terminal)
    {
        if (CaptionLead().IsMatch(s)) return true;
        // Running text that ends like a sentence rarely carries a credit; skip the costlier searches for it.
        if (terminal && s.Length > 250) return false;
        if (s.Contains('(') && PositionInPicture().Count(s) >= (terminal ? 2 : 1)) return true;
        return PictureCredit().IsMatch(s);
    }
}
