using System.Collections.Frozen;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Amounts;

/// <summary>
/// Turns amounts of people into GDELT-style counts (the GKG's COUNTS: killed, wounded, arrested,
/// kidnapped, displaced, evacuated, infected, dead, missing), from the words around them:
/// "25 people were killed", "killing three soldiers", "police arrested 41 protesters", "the death
/// toll rose to 43", "2,000 new cases". Each amount gives at most one count.
/// </summary>
public static class CasualtyCounter
{
    private static readonly FrozenDictionary<string, string> Cues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["killed"] = "killed", ["killing"] = "killed", ["slain"] = "killed", ["massacred"] = "killed", ["executed"] = "killed",
        ["dead"] = "dead", ["died"] = "dead", ["perished"] = "dead", ["drowned"] = "dead",
        ["wounded"] = "wounded", ["wounding"] = "wounded", ["injured"] = "wounded", ["injuring"] = "wounded", ["hurt"] = "wounded",
        ["arrested"] = "arrested", ["arresting"] = "arrested", ["detained"] = "arrested", ["detaining"] = "arrested",
        ["kidnapped"] = "kidnapped", ["kidnapping"] = "kidnapped", ["abducted"] = "kidnapped", ["abducting"] = "kidnapped",
        ["missing"] = "missing",
        ["displaced"] = "displaced", ["displacing"] = "displaced", ["uprooted"] = "displaced",
        ["evacuated"] = "evacuated", ["evacuating"] = "evacuated",
        ["infected"] = "infected", ["infecting"] = "infected",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that may stand between a number of people and what happened to them: "25 people were reportedly killed".</summary>
    private static readonly FrozenSet<string> Fillers = new[]
    {
        "were", "was", "have", "has", "had", "been", "are", "is", "being", "be", "reportedly", "reported", "feared", "believed",
        "confirmed", "thought", "said", "still", "now", "also", "all", "later", "subsequently", "seriously", "critically",
        "fatally", "badly", "slightly", "on", "board", "so", "far", "who", "either", "officially", "presumed",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CueLookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Count(ArticleTokens t, IReadOnlyList<Amount> amounts, List<CasualtyCount> counts)
    {
        int searchFrom = 0;
        int previousEnd = -1;
        foreach (var amount in amounts)
        {
            int first = FirstToken(t, amount.Span.Start, searchFrom);
            int last = first;
            while (last < t.Count && t[last].End <= amount.Span.End) last++;
            searchFrom = first;
            int sentence = SentenceOf(t, first);
            int from = t.SentenceStart(sentence), to = t.SentenceEnd(sentence);
            // "Four of the five suspects": the inner amount is the same people, counted once.
            bool partitiveInner = previousEnd >= 0 && (previousEnd == first - 1 || previousEnd == first - 2) && t.Is(previousEnd, "of");
            previousEnd = last;
            if (partitiveInner || !CountsPeople(amount)) continue;
            if (TryCount(t, amount, first, last, from, to, out var count)) counts.Add(count);
        }
    }

    private static bool CountsPeople(Amount a) => a.Unit is null or "person" or "case" or "death" or "infection" or "patient" or "arrest";

    private static bool TryCount(ArticleTokens t, Amount amount, int first, int last, int from, int to, out CasualtyCount count)
    {
        count = null!;
        long number = (long)Math.Round(amount.Value);
        if (number <= 0) return false;
        string? obj = amount.Object;

        // After: "25 people were killed", "41 injured", "80 are still missing", "Four of the five suspects were arrested".
        int k = last;
        if (t.Is(k, "of"))
        {
            int p = k + 1;
            if (t.IsAny(p, ["the", "them", "those", "these", "its", "their"])) p++;
            if (p < to && NumeralReader.TryRead(t, p, to, out var inner)) p = inner.End;
            if (p < to && t.IsWord(p) && UnitLexicon.TryCountNoun(t.Word(p), allowUnlisted: true, out _)) { obj ??= t.Word(p).ToString(); p++; }
            k = p;
        }
        for (int steps = 0; k < to && steps < 6 && t.IsWord(k) && FillerLookup.Contains(t.Word(k)); steps++) k++;
        if (k < to && CueAt(t, k, to, out var kind, out int cueEnd))
        {
            count = new CasualtyCount(t.SpanOf(first, cueEnd), kind, number) { Object = obj };
            return true;
        }

        // Before: "killing three soldiers", "police arrested 41 protesters", "forced 2.5 million people to evacuate".
        if (first > from && t.IsWord(first - 1))
        {
            var before = t.Word(first - 1);
            if (CueLookup.TryGetValue(before, out kind!) && kind != "dead" && kind != "missing")
            {
                count = new CasualtyCount(t.SpanOf(first - 1, last), kind, number) { Object = obj };
                return true;
            }
            if (before.Equals("forced", StringComparison.OrdinalIgnoreCase))
            {
                if (t.Is(last, "to") && t.IsAny(last + 1, ["evacuate", "flee", "leave"]))
                {
                    count = new CasualtyCount(t.SpanOf(first - 1, last + 2), t.Is(last + 1, "evacuate") ? "evacuated" : "displaced", number) { Object = obj };
                    return true;
                }
                if (t.Is(last, "from") && t.Is(last + 2, "homes"))
                {
                    count = new CasualtyCount(t.SpanOf(first - 1, last + 3), "displaced", number) { Object = obj };
                    return true;
                }
            }
        }

        // A tally the number completes: "the death toll rose to 43", "the number of people killed fell to 1,695",
        // "the total number of infections to 6,210,298". A cue word alone is not enough ("missing his target ... to three million").
        if (first > from && t.IsAny(first - 1, ["to", "at", "of", "reached", "hit", "passed", "topped", "exceeded", "surpassed"]))
        {
            string? tally = null;
            int tallyAt = -1;
            for (int b = first - 2; b >= Math.Max(from, first - 14) && tallyAt < 0; b--)
            {
                // The tally must be in the number's clause: "9,000 soldiers have died, while Moscow puts its losses at 1,351".
                if (t.IsChar(b, ';') || t.IsChar(b, ',') || t.IsAny(b, ["while", "but", "whereas", "although"])) break;
                if (t.Is(b, "toll")) { tally = "dead"; tallyAt = b; }
                else if (t.IsAny(b, ["number", "total", "tally", "count", "figure"])) tallyAt = b;
            }
            if (tallyAt >= 0)
            {
                // What the tally counts sits between it and the number: "number of people killed", "number of infections".
                for (int b = tallyAt + 1; b < first - 1 && tally == null; b++)
                {
                    if (!t.IsWord(b)) continue;
                    var w = t.Word(b);
                    if (w.Equals("deaths", StringComparison.OrdinalIgnoreCase) || w.Equals("fatalities", StringComparison.OrdinalIgnoreCase)) tally = "dead";
                    else if (w.Equals("infections", StringComparison.OrdinalIgnoreCase) || w.Equals("cases", StringComparison.OrdinalIgnoreCase)) tally = "infected";
                    else if (CueLookup.TryGetValue(w, out var cue)) tally = cue;
                    else continue;
                    if (obj == null)
                    {
                        if (b - 1 > tallyAt && t.IsWord(b - 1) && UnitLexicon.IsPerson(t.Word(b - 1))) obj = t.Word(b - 1).ToString();
                        else if (tally == "infected" || tally == "dead" && !CueLookup.ContainsKey(w.ToString())) obj = w.ToString();
                    }
                }
                if (tally != null)
                {
                    count = new CasualtyCount(amount.Span, tally, number) { Object = obj };
                    return true;
                }
            }
        }

        // The unit itself says it: "2,000 new cases", "12 deaths".
        if (amount.Unit is "arrest")
        {
            count = new CasualtyCount(amount.Span, "arrested", number) { Object = obj };
            return true;
        }
        if (amount.Unit is "death")
        {
            count = new CasualtyCount(amount.Span, "dead", number) { Object = obj };
            return true;
        }
        if (amount.Unit is "case" or "infection" && (amount.Unit == "infection" || MentionsDisease(t, from, to, first, last)))
        {
            count = new CasualtyCount(amount.Span, "infected", number) { Object = obj };
            return true;
        }
        return false;
    }

    private static bool CueAt(ArticleTokens t, int k, int to, out string kind, out int end)
    {
        end = k + 1;
        // "missing out on school" is not missing people.
        if (CueLookup.TryGetValue(t.Word(k), out kind!)) return !(kind == "missing" && t.Is(k + 1, "out"));
        if (t.Is(k, "unaccounted") && t.Is(k + 1, "for")) { kind = "missing"; end = k + 2; return true; }
        if (t.Is(k, "taken") && t.Is(k + 1, "hostage")) { kind = "kidnapped"; end = k + 2; return true; }
        if (t.Is(k, "tested") && t.Is(k + 1, "positive")) { kind = "infected"; end = k + 2; return true; }
        if (t.Is(k, "lost") && t.Is(k + 1, "their") && t.Is(k + 2, "lives")) { kind = "dead"; end = k + 3; return true; }
        if (t.Is(k, "made") && t.Is(k + 1, "homeless")) { kind = "displaced"; end = k + 2; return true; }
        kind = "";
        return false;
    }

    /// <summary>"new cases" or a sentence about an infection, so that court cases are not counted as infections.</summary>
    private static bool MentionsDisease(ArticleTokens t, int from, int to, int first, int last)
    {
        for (int k = first; k < last; k++)
            if (t.IsAny(k, ["new", "confirmed", "positive", "active", "suspected"])) return true;
        for (int k = from; k < to; k++)
            if (t.IsWord(k) && t.IsAny(k, ["infection", "infections", "infected", "virus", "coronavirus", "covid", "covid-19", "pandemic", "outbreak", "epidemic", "cholera", "measles", "flu", "influenza", "ebola", "mpox", "dengue"]))
                return true;
        return false;
    }

    private static int FirstToken(ArticleTokens t, int start, int from)
    {
        int lo = from, hi = t.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (t[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int SentenceOf(ArticleTokens t, int token)
    {
        int lo = 0, hi = t.SentenceCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (t.SentenceStart(mid) <= token) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
