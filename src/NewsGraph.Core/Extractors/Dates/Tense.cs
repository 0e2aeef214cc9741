using System.Collections.Frozen;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Dates;

public enum Tense : byte { None, Past, Future }

/// <summary>
/// Whether a date in a sentence points back or forward from the article's date, from the nearest
/// tense cue in its clause: "met in Vienna on Tuesday" (past), "will deliver its verdict on Tuesday",
/// "is due to close on Friday" (future). News convention puts a bare weekday in a past-tense sentence
/// on or before the article date, and one with a future verb after it; with no cue the nearer wins.
/// </summary>
public static class TenseCues
{
    private static readonly FrozenSet<string> Future = new[]
    {
        "will", "'ll", "’ll", "shall", "wo", "going", "due", "expected", "expects", "expect", "scheduled", "schedule", "planned",
        "plans", "plan", "planning", "intends", "intend", "aims", "aim", "hopes", "hope", "forecast", "forecasts", "predicted",
        "predicts", "would", "could", "may", "might", "upcoming", "coming", "next", "tomorrow", "ahead", "soon", "until", "till",
        "pledged", "promised", "vowed", "set", "deadline", "begins", "starts", "opens",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Past = new[]
    {
        "was", "were", "had", "did", "ago", "since", "last", "earlier", "previous", "previously", "yesterday", "has", "have",
        "said", "told", "met", "began", "begun", "fell", "rose", "took", "came", "went", "made", "won", "lost", "struck", "left",
        "held", "saw", "gave", "found", "got", "led", "paid", "sent", "spent", "built", "broke", "brought", "bought", "caught",
        "chose", "drew", "drove", "fought", "flew", "fled", "grew", "heard", "knew", "laid", "meant", "ran", "rang", "sank",
        "sat", "spoke", "stole", "stood", "swore", "taught", "thought", "threw", "wrote", "became", "withdrew", "shook", "shot",
        "sought", "sold", "felt", "kept", "dealt", "fed", "swept", "arose", "beat", "hit", "died", "killed", "announced",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Participles that look past but point forward ("is expected on Thursday").</summary>
    private static readonly FrozenSet<string> NotPastEd = new[]
    {
        "expected", "scheduled", "planned", "proposed", "hundred", "red", "bed", "shed", "sacred", "naked", "wicked", "rugged",
        "beloved", "need", "needed", "speed", "feed", "seed", "indeed", "united", "related", "limited", "based", "armed",
        "advanced", "concerned", "detailed", "interested", "supposed", "pledged", "promised", "vowed", "predicted",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureLookup = Future.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastLookup = Past.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastEdLookup = NotPastEd.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tense around tokens [<paramref name="first"/>, <paramref name="end"/>) within the sentence [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static Tense Around(ArticleTokens t, int first, int end, int from, int to)
    {
        // The preposition right before the date speaks loudest: "since March", "until the spring".
        if (first - 1 >= from)
        {
            if (t.Is(first - 1, "since")) return Tense.Past;
            if (t.IsAny(first - 1, ["until", "till", "before"]) && !t.Is(first - 2, "had")) return t.Is(first - 1, "before") ? Tense.None : Tense.Future;
        }
        for (int d = 1; d <= 10; d++)
        {
            int left = first - d;
            if (left >= from)
            {
                if (IsBoundary(t, left)) from = left + 1;
                else
                {
                    var c = Cue(t, left);
                    if (c != Tense.None) return c;
                }
            }
            int right = end + d - 1;
            if (d <= 6 && right < to)
            {
                // To the right a comma ends the search: "on Tuesday, a spokesman said" is about the saying.
                if (IsBoundary(t, right) || t.IsChar(right, ',')) to = right;
                else
                {
                    var c = Cue(t, right);
                    if (c != Tense.None) return c;
                }
            }
            if (left < from && (d > 6 || right >= to)) break;
        }
        return Tense.None;
    }

    private static bool IsBoundary(ArticleTokens t, int i) =>
        t.IsChar(i, ';') || t.IsChar(i, ':') || t.IsChar(i, '—') || t.IsChar(i, '(') || t.IsChar(i, ')')
        || t.IsAny(i, ["but", "while", "whereas", "although", "though", "because"]);

    private static Tense Cue(ArticleTokens t, int i)
    {
        if (t.Kind(i) != TokenKind.Word) return Tense.None;
        var w = t.Word(i);
        // "would have", "could have": past conditionals.
        if ((w.Equals("would", StringComparison.OrdinalIgnoreCase) || w.Equals("could", StringComparison.OrdinalIgnoreCase)
             || w.Equals("might", StringComparison.OrdinalIgnoreCase) || w.Equals("may", StringComparison.OrdinalIgnoreCase)) && t.Is(i + 1, "have"))
            return Tense.Past;
        // "set" and "due" are future only as "set to", "due to/on/in".
        if (w.Equals("set", StringComparison.OrdinalIgnoreCase)) return t.Is(i + 1, "to") ? Tense.Future : Tense.None;
        if (w.Equals("going", StringComparison.OrdinalIgnoreCase)) return t.Is(i + 1, "to") ? Tense.Future : Tense.None;
        if (w.Equals("wo", StringComparison.OrdinalIgnoreCase)) return t.Is(i + 1, "n't") ? Tense.Future : Tense.None;
        if (w.Equals("may", StringComparison.Ordinal) || !w.Equals("May", StringComparison.Ordinal))
        {
            if (FutureLookup.Contains(w)) return Tense.Future;
        }
        // "will be announced", "is being held": a participle after "be" takes its tense from the auxiliary further left.
        if (t.IsAny(i - 1, ["be", "being"]) && (w.EndsWith("ed", StringComparison.Ordinal) || PastLookup.Contains(w))) return Tense.None;
        if (PastLookup.Contains(w)) return Tense.Past;
        if (w.Length >= 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0]) && !NotPastEdLookup.Contains(w)
            && (!w.EndsWith("eed", StringComparison.Ordinal) || w.Equals("agreed", StringComparison.Ordinal) || w.Equals("freed", StringComparison.Ordinal)))
            return Tense.Past;
        return Tense.None;
    }
}
