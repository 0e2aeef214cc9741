namespace NewsGraph.Core.Readers.Html;

/// <summary>Turns a byline ("By Jane Doe and John Roe, Political Correspondents") into the names in it.</summary>
public static class Byline
{
    private static readonly string[] Prefixes = ["by ", "von ", "par ", "por ", "di ", "door ", "written by ", "words by ", "story by ", "posted by "];

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "correspondent", "correspondents", "editor", "editors", "writer", "writers", "reporter", "reporters", "staff", "contributor", "contributors",
        "columnist", "columnists", "producer", "desk", "bureau", "chief", "senior", "associate", "political", "news", "team", "updated", "published",
    };

    public static IEnumerable<string> Names(string byline)
    {
        var text = PageMetadata.Clean(byline);
        foreach (var prefix in Prefixes)
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { text = text[prefix.Length..]; break; }
        var parts = text.Split([" and ", " & ", " und ", " et ", " y ", ",", ";", "|", "\n"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in parts)
        {
            var part = raw.Trim(' ', '.', ':', '-', '–', '—');
            foreach (var prefix in Prefixes)
                if (part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { part = part[prefix.Length..]; break; }
            if (part.Length is < 3 or > 60) continue;
            if (part.Any(char.IsDigit) || part.Contains('@') || part.Contains("://")) continue;
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 5 || words.Any(RoleWords.Contains)) continue;
            if (!char.IsUpper(part[0])) continue;
            yield return part;
        }
    }
}
