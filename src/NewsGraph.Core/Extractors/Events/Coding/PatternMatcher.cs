using NewsGraph.Core.Extractors.Events.Dictionaries;

namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>What a pattern matched: its actor slots, how specific it was, and the tokens its words covered.</summary>
internal sealed record PatternMatch(VerbPattern Pattern, ActorGroup? Source, ActorGroup? Target, ActorGroup? Compound, bool CompoundBeforeVerb,
    int Specificity, int First, int Last, bool UsedNegation);

/// <summary>
/// Matches TABARI/PETRARCH verb patterns against a sentence around a verb: words before the
/// verb are matched backwards from it, words after it forwards, a blank letting a few words come
/// between elements and <c>_</c> demanding they touch; <c>$ + %</c> take the nearest actor group,
/// <c>^</c> skips a noun phrase. The most specific match wins, then the earliest in the dictionary.
/// </summary>
internal sealed class PatternMatcher(SentenceView s, ActorGroups groups, ClauseWords words)
{
    /// <summary>How many words may come between two pattern elements joined by a blank.</summary>
    public const int MaxGap = 8;

    private HashSet<string>? _words;

    public PatternMatch? Best(IEnumerable<VerbPattern> patterns, int verbStart, int verbEnd, int floor, int ceiling)
    {
        PatternMatch? best = null;
        _words ??= new HashSet<string>(s.Upper, StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            // Most of a block's patterns name a word this sentence does not have: skip them without matching.
            bool possible = true;
            foreach (var w in p.RequiredWords)
                if (!_words.Contains(w)) { possible = false; break; }
            if (!possible) continue;
            var m = Match(p, verbStart, verbEnd, floor, ceiling);
            if (m is null) continue;
            // Most specific first; between equals, a later dictionary's (which refines an earlier one), then the earliest line.
            if (best is null || m.Specificity > best.Specificity
                || m.Specificity == best.Specificity && (Layer(m) > Layer(best) || Layer(m) == Layer(best) && m.Pattern.Order < best.Pattern.Order))
                best = m;
        }
        return best;
    }

    private static int Layer(PatternMatch m) => m.Pattern.Layer;

    private sealed class State
    {
        public ActorGroup? Source, Target, Compound;
        public bool CompoundBefore;
        public int Specificity, First, Last;
        public bool Negation;
    }

    private PatternMatch? Match(VerbPattern p, int verbStart, int verbEnd, int floor, int ceiling)
    {
        var state = new State { First = verbStart, Last = verbEnd };
        // After the verb, left to right.
        if (!Forward(p.Elements, p.VerbIndex + 1, verbEnd, ceiling, state)) return null;
        if (!Backward(p.Elements, p.VerbIndex - 1, verbStart, floor, state)) return null;
        return new PatternMatch(p, state.Source, state.Target, state.Compound, state.CompoundBefore, state.Specificity, state.First, state.Last, state.Negation);
    }

    private bool Forward(PatternElement[] elements, int k, int pos, int ceiling, State state)
    {
        if (k >= elements.Length) return true;
        var e = elements[k];
        int maxStart = e.Adjacent ? pos : Math.Min(ceiling - 1, pos + MaxGap);
        bool slot = e.Kind is PatternElementKind.Source or PatternElementKind.Target or PatternElementKind.Compound;
        for (int start = pos; start <= maxStart && start < ceiling; start++)
        {
            // Nor does a pattern's word lie past the start of another clause ("questioning how a son of immigrants can propose asylum quotas").
            if (start > pos && (IsHardStop(start - 1) || slot && StartsClause(start - 1) || !slot && OpensClause(start - 1))) break;
            var saved = Save(state);
            int end = MatchElementForward(e, start, ceiling, state);
            // "a trip to +" wants a destination: the "to" of an infinitive ("a trip to highlight ...") is not it.
            // Nor is that of "welcomed the targets to make progress" the "to" of "welcome X to" a place.
            if (end > start && e.Kind == PatternElementKind.Word && s.Upper[end - 1] == "TO"
                && (k + 1 >= elements.Length || elements[k + 1].Kind is PatternElementKind.Target or PatternElementKind.Source or PatternElementKind.Compound)
                && end < ceiling && s.Tag[end] is "VB" && s.NpAt[end] < 0)
                end = -1;
            if (end > start)
            {
                if (Forward(elements, k + 1, end, ceiling, state)) return true;
            }
            Restore(state, saved);
            if (e.Kind is PatternElementKind.Source or PatternElementKind.Target or PatternElementKind.Compound or PatternElementKind.SkipPhrase && end > start) break;
        }
        return false;
    }

    private bool Backward(PatternElement[] elements, int k, int pos, int floor, State state)
    {
        if (k < 0) return true;
        var e = elements[k];
        bool adjacent = elements[k + 1].Adjacent;
        int minEnd = adjacent ? pos : Math.Max(floor + 1, pos - MaxGap);
        for (int end = pos; end >= minEnd && end > floor; end--)
        {
            if (end < pos && IsHardStop(end)) break;
            var saved = Save(state);
            int start = MatchElementBackward(e, end, floor, state);
            if (start >= 0 && start < end)
            {
                if (Backward(elements, k - 1, start, floor, state)) return true;
            }
            Restore(state, saved);
            if (e.Kind is PatternElementKind.Source or PatternElementKind.Target or PatternElementKind.Compound or PatternElementKind.SkipPhrase && start >= 0 && start < end) break;
        }
        return false;
    }

    // Patterns do not reach across a sentence's main divisions.
    private bool IsHardStop(int i) => s.Upper[i] is ";" or ":" or "--";

    // An actor slot does not reach into another clause: past a comma, "that", "which", "while" or a pronoun subject.
    private bool StartsClause(int i) =>
        s.Upper[i] == "," || s.NpAt[i] < 0 && (words.Is("complementizer", s.Upper[i]) || words.Is("subordinator", s.Upper[i]) || words.Is("relative", s.Upper[i]))
        || s.IsPronoun(i) && i + 1 < s.Count && s.IsVerbTag(i + 1);

    // Not "that": dictionaries write patterns across it ("allowed that Mordor isn't a really pleasant ...").
    private bool OpensClause(int i) =>
        s.NpAt[i] < 0 && (words.Is("subordinator", s.Upper[i]) || words.Is("relative", s.Upper[i]) || s.Tag[i] is "WRB" or "WP" or "WDT");

    /// <summary>Matches one element starting at token <paramref name="start"/>; returns the end, or -1.</summary>
    private int MatchElementForward(PatternElement e, int start, int ceiling, State state)
    {
        switch (e.Kind)
        {
            case PatternElementKind.Word:
            case PatternElementKind.Synset:
                foreach (var phrase in e.Phrases)
                {
                    if (start + phrase.Length > ceiling) continue;
                    int k = 0;
                    while (k < phrase.Length && s.Upper[start + k] == phrase[k]) k++;
                    if (k < phrase.Length) continue;
                    Cover(state, start, start + phrase.Length, phrase.Length);
                    return start + phrase.Length;
                }
                return -1;
            case PatternElementKind.SkipPhrase:
            {
                // "their ^": the phrase may have begun with a word the pattern already matched.
                int np = s.NpAt[start];
                if (np < 0) return -1;
                return s.Phrases[np].End;
            }
            default:
            {
                int np = s.NpAt[start];
                if (np < 0 || s.Phrases[np].Start != start) return -1;
                var g = groups.At(np, ceiling);
                if (g.IsEmpty || (e.Kind == PatternElementKind.Compound && g.Members.Count < 2)) return -1;
                Assign(e.Kind, g, state, before: false);
                state.Specificity++;
                return g.End;
            }
        }
    }

    /// <summary>Matches one element ending at token <paramref name="end"/> (exclusive); returns its start, or -1.</summary>
    private int MatchElementBackward(PatternElement e, int end, int floor, State state)
    {
        switch (e.Kind)
        {
            case PatternElementKind.Word:
            case PatternElementKind.Synset:
                foreach (var phrase in e.Phrases)
                {
                    int start = end - phrase.Length;
                    if (start < floor) continue;
                    int k = 0;
                    while (k < phrase.Length && s.Upper[start + k] == phrase[k]) k++;
                    if (k < phrase.Length) continue;
                    Cover(state, start, end, phrase.Length);
                    if (phrase.Any(w => words.Is("negation", w))) state.Negation = true;
                    return start;
                }
                return -1;
            case PatternElementKind.SkipPhrase:
            {
                int np = s.NpAt[end - 1];
                if (np < 0 || s.Phrases[np].End != end) return -1;
                return s.Phrases[np].Start;
            }
            default:
            {
                int np = s.NpAt[end - 1];
                if (np < 0 || s.Phrases[np].End != end) return -1;
                var g = groups.EndingAt(end, floor);
                if (g is null || g.IsEmpty || (e.Kind == PatternElementKind.Compound && g.Members.Count < 2)) return -1;
                Assign(e.Kind, g, state, before: true);
                state.Specificity++;
                return g.Start;
            }
        }
    }

    private static void Assign(PatternElementKind kind, ActorGroup g, State state, bool before)
    {
        switch (kind)
        {
            case PatternElementKind.Source: state.Source = g; break;
            case PatternElementKind.Target: state.Target = g; break;
            default: state.Compound = g; state.CompoundBefore = before; break;
        }
    }

    private static void Cover(State state, int start, int end, int words)
    {
        state.Specificity += words;
        state.First = Math.Min(state.First, start);
        state.Last = Math.Max(state.Last, end);
    }

    private static (ActorGroup?, ActorGroup?, ActorGroup?, bool, int, int, int, bool) Save(State s) =>
        (s.Source, s.Target, s.Compound, s.CompoundBefore, s.Specificity, s.First, s.Last, s.Negation);

    private static void Restore(State s, (ActorGroup?, ActorGroup?, ActorGroup?, bool, int, int, int, bool) v) =>
        (s.Source, s.Target, s.Compound, s.CompoundBefore, s.Specificity, s.First, s.Last, s.Negation) = v;
}
