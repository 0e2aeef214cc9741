namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// Whether a capital stands for its government ("Tehran said", "Washington's withdrawal",
/// "Tehran-Havana cooperation", "Moscow and Washington gave no sign") or is the place itself
/// ("talks in Vienna", "visit Beijing", "the Vienna talks", "Tehran province"); one that owns
/// something is the government ("in Tehran's foreign policy"). News uses a
/// capital as an actor more often than not, so the place reading needs a sign: a preposition
/// or verb of place before it, a determiner before it (a modifier: "the Beijing Olympics"), or
/// a place noun after it.
/// </summary>
internal static class Metonymy
{
    private static readonly HashSet<string> PlaceBefore = new(StringComparer.Ordinal)
    {
        "in", "at", "from", "to", "into", "near", "outside", "inside", "across", "around", "toward", "towards", "via",
        "through", "throughout", "within", "visit", "visits", "visited", "visiting", "reach", "reached", "reaching",
        "left", "leave", "leaving", "leaves", "arrive", "arrived", "arrives", "arriving", "landed", "flew", "fly",
        "travel", "travelled", "traveled", "travelling", "traveling", "return", "returned", "returning", "downtown",
        "central", "northern", "southern", "eastern", "western", "greater", "the", "a", "of", "outskirts", "streets",
        "based", "hosted", "host", "hosts", "hosting", "rocked", "struck", "hit", "bombed", "shelled", "besieged",
    };

    private static readonly HashSet<string> PlaceAfter = new(StringComparer.Ordinal)
    {
        "province", "city", "airport", "university", "mayor", "residents", "resident", "suburbs", "suburb", "region",
        "area", "municipality", "stock", "exchange", "metro", "subway", "streets", "time", "marathon", "conference",
        "summit", "talks", "process", "format", "agreement", "accord", "accords", "protocol", "declaration",
        "olympics", "games", "office", "bureau", "correspondent", "embassy", "station", "district", "county", "centre",
        "center", "port", "bay", "river", "governor", "council", "police", "hospital", "zoo", "club", "fc",
    };

    public static bool StandsForGovernment(ArticleIndex index, int first, int last)
    {
        if (IsDateline(index, first, last)) return false;
        // A capital that owns something is its government whatever comes before: "in Tehran's foreign policy".
        if (last + 1 < index.Count && index.IsPossessive(last + 1)) return true;
        if (first > 0 && index.SameSentence(first - 1, first))
        {
            var before = index.Key(first - 1);
            if (PlaceBefore.Contains(before)) return false;
        }
        if (last + 1 < index.Count && index.SameSentence(last + 1, last))
        {
            var after = index.Key(last + 1);
            if (PlaceAfter.Contains(after)) return false;
        }
        return true;
    }

    /// <summary>
    /// A wire story's dateline names where it was filed, not who acted: "DHAKA, Nov 28 (Reuters) -",
    /// "WASHINGTON (AP) —". It opens a paragraph and is followed by a comma or a bracket.
    /// </summary>
    private static bool IsDateline(ArticleIndex index, int first, int last)
    {
        if (last + 1 >= index.Count) return false;
        var next = index.Text(last + 1);
        if (next is not ("," or "(")) return false;
        if (first == 0) return true;
        var text = index.Article.Text;
        int start = index[first].Span.Start;
        return start >= 1 && text[start - 1] == '\n';
    }
}
