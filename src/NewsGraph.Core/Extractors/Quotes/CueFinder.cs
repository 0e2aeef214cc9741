using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>A sentence as the quote stage reads it: article sentences joined where a quote runs across them.</summary>
internal readonly record struct QuoteUnit(int Index, int Paragraph, Span Span, int FirstToken, int EndToken);

internal enum CueKind
{
    /// <summary>“...,” he said / “...,” said Amina Yusuf.</summary>
    AfterQuote,
    /// <summary>Dyche raged: “...” / he said, “...”.</summary>
    BeforeQuote,
    /// <summary>Price stressed that ... / ..., mediators said / according to X, ...</summary>
    Reported,
    /// <summary>A verb that attributes only a quoted phrase: called it “a disgrace”.</summary>
    Phrase,
}

/// <summary>A speech verb with its speaker and what it attributes.</summary>
internal sealed class Cue
{
    public required SpeechVerb Verb { get; init; }
    public int VerbToken { get; init; }
    public int VerbEnd { get; init; }
    public int Unit { get; init; }
    public CueKind Kind { get; set; }
    public SpeakerPhrase? Speaker { get; set; }
    /// <summary>The speaker is the subject of an earlier verb: "..., adding that", "and warned that".</summary>
    public bool SharesSubject { get; set; }
    public List<int> Stretches { get; } = new();
    public Span Clause { get; set; }
    /// <summary>Where a second clause of the same speaker starts ("... and that B"), or -1.</summary>
    public int Continuation { get; set; } = -1;
    public CastMember? Member { get; set; }
    public Span? SpeakerSpan { get; set; }
}

/// <summary>
/// Finds the speech cues of a sentence: each speech verb outside quotation marks, the phrase that
/// names its speaker (before the verb, after it when inverted, or the sentence's subject for "...,
/// adding that"), and what it attributes: the quote beside it, a reported clause ("that ...", the
/// clause before ", he said", the clause with "according to"), or quoted phrases in the sentence.
/// </summary>
internal sealed class CueFinder
{
    private const int ThatWindow = 16;

    private readonly QuoteText _t;
    private readonly IReadOnlyList<QuotedStretch> _stretches;
    private readonly int[] _opens;
    private readonly int[] _closes;

    public CueFinder(QuoteText t, IReadOnlyList<QuotedStretch> stretches, int[] opens, int[] closes)
    {
        _t = t;
        _stretches = stretches;
        _opens = opens;
        _closes = closes;
    }

    private QuoteUnit _u;
    private int _start;

    public void Find(QuoteUnit u, List<Cue> cues)
    {
        int start = ContentStart(u);
        _u = u;
        _start = start;
        int first = cues.Count;
        for (int i = start; i < u.EndToken; i++)
        {
            if (_t.Quoted(i) || !_t.IsWord(i)) continue;
            if (_t.Equals(i, "according") && i + 1 < u.EndToken && _t.Equals(i + 1, "to"))
            {
                According(i, u, start, cues);
                continue;
            }
            var verb = _t.Verb(i);
            if (verb is null || !_t.IsLower(i)) continue;
            int verbEnd = i;
            if (verb.Particle is not null)
            {
                if (i + 1 >= u.EndToken || !_t.Equals(i + 1, verb.Particle)) continue;
                verbEnd = i + 1;
            }
            if (!Plausible(i, verb, u, start)) continue;
            var cue = Build(i, verbEnd, verb, u, start, cues, first);
            if (cue is null) continue;
            cues.Add(cue);
            if (cue.Kind != CueKind.Reported || cue.Clause.IsEmpty || t_End(cue.Clause) <= i) continue;
            // "X said A, and that B": B is a second clause of the same speaker.
            while (cue.Continuation >= 0)
            {
                var more = new Cue { Verb = verb, VerbToken = i, VerbEnd = verbEnd, Unit = u.Index, Kind = CueKind.Reported,
                                     Speaker = cue.Speaker, SharesSubject = cue.SharesSubject };
                int from = cue.Continuation;
                var (end, next) = ClauseEnd(from, u.EndToken);
                more.Clause = ClauseSpan(from, end);
                more.Continuation = next;
                if (more.Clause.IsEmpty) break;
                cues.Add(more);
                cue = more;
            }
            // A speech verb inside someone's reported clause is part of what they said.
            int clauseEnd = _t.TokenAtOrAfter(cue.Clause.End);
            if (clauseEnd > i) i = clauseEnd - 1;
        }
    }

    private int t_End(Span clause) => _t.TokenAtOrAfter(clause.End);

    /// <summary>A speech verb used as a verb at <paramref name="k"/> ("by state media" and "his call" are nouns).</summary>
    private bool IsVerbAt(int k) =>
        _t.IsWord(k) && _t.IsLower(k) && _t.Verb(k) is { } v && Plausible(k, v, _u, _start);

    /// <summary>Where the sentence's words start, past a wire dateline ("KHARTOUM, June 3 (Newswire) - ").</summary>
    public int ContentStart(QuoteUnit u)
    {
        int s = u.FirstToken;
        if (s >= u.EndToken) return s;
        if (_t.IsWord(s) && IsAllCaps(_t[s]))
        {
            for (int k = s + 1; k < u.EndToken && k - s < 18; k++)
            {
                if (_t.IsQuoteMark(k)) break;
                if (_t[k] is "-" or "--" or "—" or "–") return k + 1;
            }
        }
        // "/Agency/." left at the start of a sentence by agency datelines.
        if (_t.IsPunct(s, '/'))
        {
            for (int k = s + 1; k < u.EndToken && k - s < 5; k++)
                if (_t.IsPunct(k, '/'))
                    return k + 1 < u.EndToken && _t.IsPunct(k + 1, '.') ? k + 2 : k + 1;
        }
        return s;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        if (w.Length < 3) return false;
        foreach (var c in w) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>Rules out the uses of a speech verb's forms that are not speech: "was said to", "a note", "would continue".</summary>
    private bool Plausible(int i, SpeechVerb verb, QuoteUnit u, int start)
    {
        var w = _t[i];
        bool ing = w.EndsWith("ing", StringComparison.Ordinal);
        bool present = !ing && (w.Equals(verb.Base, StringComparison.OrdinalIgnoreCase) || w.EndsWith('s') && !w.EndsWith("ss") || w is "says");
        int before = i - 1;
        if (before >= start)
        {
            var b = _t[before];
            // "Moscow is insisting that": the progressive is speech; "was said", "been reported" are not.
            if (ing && b is "is" or "was" or "were" or "are") return true;
            if (b is "is" or "was" or "were" or "been" or "being" or "be" or "are" or "to" or "as" or "not" or "n't" or "never") return false;
            // "When asked about ...", "if pressed": a participle, no one is speaking.
            if (b is "when" or "When" or "if" or "If" or "once" or "Once" or "unless" or "until" or "while" or "While" or "after" or "After" or "before" or "Before") return false;
            if (_t.IsPossessive(before)) return false; // "the State Department’s claims"
            if (present && (b is "would" or "will" or "could" or "can" or "may" or "might" or "must" or "should" or "shall" or "did" or "does" or "do"))
                return false;
            if (_t.Is(before, SpeakerWordClass.Definite | SpeakerWordClass.Indefinite | SpeakerWordClass.Possessive) && !_t.Is(before, SpeakerWordClass.Pronoun))
                return false; // "a note of protest", "his call for"
        }
        if (i + 1 < u.EndToken && _t.Equals(i + 1, "to") && verb.Lemma is "say" or "state" or "report" or "claim" or "allege")
            return false; // "said to be in his late 40s"
        if (ing)
        {
            // "..., adding that", "..., saying", after a quote (“...,” adding “...”), and "with Stoltenberg
            // openly suggesting that".
            if (before < start) return false;
            if (_t.IsPunct(before, ',') || _closes[before] >= 0) return true;
            int k = before;
            while (k >= start && _t.IsWord(k) && IsSkippable(k)) k--;
            return k >= start && _t.IsCapitalised(k) && k > start;
        }
        if (present)
        {
            if (verb.Lemma is not ("say" or "tell" or "add" or "insist" or "explain" or "argue" or "warn" or "admit" or "claim"
                or "write" or "note" or "recall" or "reveal" or "describe" or "call" or "dismiss" or "complain" or "confirm"))
                return false;
            if (before >= start && _t.IsWord(before) && _t.IsLower(before) && !_t.Is(before, SpeakerWordClass.Pronoun) && _t[before] is not ("and" or "but")
                && !_t.Is(before, SpeakerWordClass.Anonymous | SpeakerWordClass.Description | SpeakerWordClass.Role | SpeakerWordClass.Organisation)
                && !IsSkippable(before))
                return false; // "the talks continue", "those who describe"
        }
        return true;
    }

    private Cue? Build(int i, int verbEnd, SpeechVerb verb, QuoteUnit u, int start, List<Cue> cues, int firstInUnit)
    {
        int end = u.EndToken;
        int floor = start;
        for (int k = i - 1; k >= start; k--)
            if (_closes[k] >= 0 || _t.IsPunct(k, ';')) { floor = k + 1; break; }

        int prev = SkipBack(i - 1, floor);
        if (prev == int.MinValue) return null; // negated: "did not say"
        var cue = new Cue { Verb = verb, VerbToken = i, VerbEnd = verbEnd, Unit = u.Index };

        // The speaker before the verb: "he said", "Price stressed", "Pat Cullen, the general secretary ..., said".
        var subject = prev >= floor ? SubjectBefore(prev, floor) : null;
        bool shares = false;
        if (subject is null && prev >= floor && (_t.Equals(prev, "and") || _t.Equals(prev, "but")
                                                 || _t.IsPunct(prev, ',') && _t[i].EndsWith("ing", StringComparison.Ordinal)))
            shares = true;

        // After a quote: “...,” he said / “...,” said X / ”, X told reporters.
        int beforeSubject = subject is not null ? subject.First - 1 : prev;
        if (beforeSubject >= start && _t.IsPunct(beforeSubject, ',')) beforeSubject--;
        if (beforeSubject >= start && _closes[beforeSubject] >= 0 && !shares && OpensClause(_closes[beforeSubject], start))
        {
            int stretch = _closes[beforeSubject];
            if (subject is null)
            {
                subject = SubjectAfter(verbEnd + 1, end);
                if (subject is not null && verb.Lemma is "tell" or "inform" or "assure" or "remind") subject = null;
            }
            bool endsSentence = EndsWithStop(stretch);
            if (subject is not null && (!endsSentence || _t.IsLower(subject.First)))
            {
                cue.Kind = CueKind.AfterQuote;
                cue.Speaker = subject;
                cue.Stretches.Add(stretch);
                // “A,” he said, “B.” : the same cue opens the next stretch.
                int next = QuoteAfter(Math.Max(verbEnd, subject.Last) + 1, end);
                if (next >= 0) cue.Stretches.Add(next);
                return cue;
            }
        }
        if (shares)
        {
            cue.SharesSubject = true;
            for (int c = cues.Count - 1; c >= firstInUnit; c--)
                if (cues[c].Speaker is not null || cues[c].SharesSubject)
                {
                    cue.Speaker = cues[c].Speaker;
                    cue.SharesSubject = cues[c].Speaker is null;
                    break;
                }
        }
        else cue.Speaker = subject;

        // Before a quote: Dyche raged: “...” / he said, “...” / A palace source told The Sun: “...”
        int opened = QuoteAfter(verbEnd + 1, end);
        if (opened >= 0 && (cue.Speaker is not null || cue.SharesSubject))
        {
            cue.Kind = CueKind.BeforeQuote;
            cue.Stretches.Add(opened);
            return cue;
        }

        // Inverted at the end of a sentence: "..., said Emma Li, an analyst at Vortexa."
        if (cue.Speaker is null && !cue.SharesSubject && prev >= start && _t.IsPunct(prev, ',') && verb.Reporting)
        {
            var after = IsClauseStart(SkipTimeAdjunct(verbEnd + 1, end), end) ? null : SubjectAfter(verbEnd + 1, end);
            if (after is not null && verb.Lemma is not ("tell" or "inform" or "assure" or "remind") && OnlyAdjunctsAfter(after.Last + 1, end)
                && HasFiniteVerb(start, prev))
            {
                cue.Speaker = after;
                cue.Kind = CueKind.Reported;
                cue.Clause = ClauseSpan(start, prev);
                return cue.Clause.IsEmpty ? null : cue;
            }
        }
        if (cue.Speaker is null && !cue.SharesSubject) return null;

        if (verb.Reporting)
        {
            int clause = Complement(verbEnd, verb, end);
            if (clause >= 0)
            {
                cue.Kind = CueKind.Reported;
                var (clauseEnd, more) = ClauseEnd(clause, end);
                cue.Clause = ClauseSpan(clause, clauseEnd);
                cue.Continuation = more;
                if (!cue.Clause.IsEmpty) return cue;
            }
            // "..., mediators said on Tuesday." : the clause before the speaker.
            if (cue.Speaker is not null && !cue.SharesSubject && cue.Speaker.First - 1 >= start && _t.IsPunct(cue.Speaker.First - 1, ',')
                && OnlyAdjunctsAfter(verbEnd + 1, end) && HasFiniteVerb(start, cue.Speaker.First - 1))
            {
                cue.Kind = CueKind.Reported;
                cue.Clause = ClauseSpan(start, cue.Speaker.First - 1);
                if (!cue.Clause.IsEmpty && !IsWholeQuote(cue.Clause)) return cue;
            }
        }
        // Whatever else it is, it attributes quoted phrases in the sentence: blasted the referee as a “disgrace”.
        cue.Kind = CueKind.Phrase;
        cue.Clause = default;
        return cue;
    }

    private void According(int i, QuoteUnit u, int start, List<Cue> cues)
    {
        int end = u.EndToken;
        var who = SubjectAfter(i + 2, end);
        if (who is null || who.Head >= 0 && IsDocument(_t[who.Head]) || who.HasName && IsDocument(_t[who.NameLast])) return;
        // "according to Chinese customs data", "according to the ministry's figures": a document, not a speaker.
        for (int k = i + 2; k < end && k - i < 10 && !_t.IsPunct(k, ','); k++)
            if (_t.IsWord(k) && IsDocument(_t[k])) return;
        var cue = new Cue { Verb = AccordingTo, VerbToken = i, VerbEnd = i + 1, Unit = u.Index, Speaker = who };
        int afterWho = who.Last + 1;
        // "According to X, “...”"
        if (afterWho < end && _t.IsPunct(afterWho, ',') && afterWho + 1 < end && _opens[afterWho + 1] >= 0)
        {
            cue.Kind = CueKind.BeforeQuote;
            cue.Stretches.Add(_opens[afterWho + 1]);
            cues.Add(cue);
            return;
        }
        cue.Kind = CueKind.Reported;
        if (i - 1 >= start && _t.IsPunct(i - 1, ','))
            cue.Clause = ClauseSpan(start, i - 1);
        else if (i == start || i - 1 >= start && _t.IsWord(i - 1) && _t.IsCapitalised(i - 1) && i - 1 == start)
        {
            int comma = afterWho;
            while (comma < end && !_t.IsPunct(comma, ',')) comma++;
            if (comma >= end) return;
            cue.Clause = ClauseSpan(comma + 1, ClauseEnd(comma + 1, end).End);
        }
        else return;
        if (!cue.Clause.IsEmpty) cues.Add(cue);
    }

    public static readonly SpeechVerb AccordingTo = new("according to", true, null);

    private static bool IsDocument(ReadOnlySpan<char> head) =>
        head is "data" or "figures" or "statistics" or "report" or "reports" or "survey" or "study" or "estimates" or "estimate"
            or "forecasts" or "forecast" or "documents" or "document" or "records" or "analysis" or "research" or "poll" or "polls"
            or "census" or "calculations" or "tally" or "count" or "database" or "list" or "ranking" or "index" or "filings"
            or "filing" or "website" or "map" or "images" or "footage" or "minutes" or "results" or "projections" or "papers"
            or "reporting" or "tracking" or "schedule" or "guidance" or "rules" or "law";

    /// <summary>Skips adverbs and auxiliaries between a subject and its verb; int.MinValue when the verb is negated.</summary>
    private int SkipBack(int k, int floor)
    {
        while (k >= floor)
        {
            if (!_t.IsWord(k))
            {
                // ", for his part," before the verb.
                if (_t.IsPunct(k, ',') && k - 4 >= floor && _t.Equals(k - 1, "part") && _t.Equals(k - 3, "for") && _t.IsPunct(k - 4, ','))
                {
                    k -= 5;
                    continue;
                }
                return k;
            }
            var w = _t[k];
            if (w is "not" or "n't" or "never") return int.MinValue;
            if (IsSkippable(k))
            {
                k--;
                continue;
            }
            if (_t.Equals(k, "part") && k - 2 >= floor && _t.Equals(k - 2, "for"))
            {
                k -= 3;
                continue;
            }
            // "Dyche last night blasted", "the minister this week warned"
            if (w is "night" or "week" or "month" or "year" or "weekend" or "morning" or "evening" or "afternoon" && k - 1 >= floor && _t[k - 1] is "last" or "this" or "on")
            {
                k -= 2;
                continue;
            }
            // "Moscow is insisting"
            if (w is "is" or "are" or "was" or "were" && k + 1 < _t.Count && _t[k + 1].EndsWith("ing", StringComparison.Ordinal))
            {
                k--;
                continue;
            }
            // "Sherman on Monday said"
            if (QuoteText.IsWeekdayOrMonth(w) && k - 1 >= floor && _t.Equals(k - 1, "on"))
            {
                k -= 2;
                continue;
            }
            return k;
        }
        return k;
    }

    private bool IsSkippable(int k)
    {
        var w = _t[k];
        return w is "also" or "later" or "then" or "further" or "again" or "repeatedly" or "previously" or "earlier" or "recently"
            or "reportedly" or "separately" or "similarly" or "once" or "always" or "openly" or "angrily" or "publicly" or "privately"
            or "now" or "just" or "still" or "has" or "have" or "had" or "would" or "will" or "'d" or "’d" or "'ve" or "’ve"
            or "simply" or "quickly" or "immediately" or "subsequently" or "additionally" or "finally" or "first" or "too"
            or "apparently" or "allegedly" or "clearly" or "firmly" or "strongly" or "flatly" or "initially" or "originally"
            or "personally" or "officially" or "formally" or "today" or "yesterday" or "tonight";
    }

    /// <summary>"who gave her name only as Linda", "who gave only his first name, Chidi": the name, when a source gives one.</summary>
    private SpeakerPhrase? GivenName(int first, int last)
    {
        int gave = -1;
        for (int k = first; k <= last && k - first < 4; k++)
            if (_t[k] is "gave" or "gives" or "giving") { gave = k; break; }
        if (gave < 0) return null;
        int name = -1;
        for (int k = gave + 1; k <= last && k - gave < 6; k++)
            if (_t[k] is "name" or "names") { name = k; break; }
        if (name < 0) return null;
        int k2 = name + 1;
        while (k2 <= last && (_t[k2] is "only" or "as" || _t.IsPunct(k2, ','))) k2++;
        if (k2 > last || !_t.IsCapitalised(k2)) return null;
        var p = SpeakerPhrases.StartingAt(_t, k2, last + 1);
        return p is { Kind: PhraseKind.Name } ? p : null;
    }

    /// <summary>The subject phrase ending at <paramref name="prev"/>, reading across one appositive in commas.</summary>
    private SpeakerPhrase? SubjectBefore(int prev, int floor)
    {
        // "her daughter, Simone Calloway, who said": the one "who" stands for.
        if (_t[prev] is "who" && prev - 1 >= floor && _t.IsPunct(prev - 1, ','))
            return SubjectBefore(prev - 1, floor) ?? SpeakerPhrases.EndingAt(_t, prev - 2, floor);
        if (!_t.IsPunct(prev, ','))
        {
            var direct = SpeakerPhrases.EndingAt(_t, prev, floor);
            if (direct is null) return null;
            // "The barrister who had represented Mr Martin had said": a verb's object is not the speaker.
            int before = direct.First - 1;
            if (before >= floor && _t.IsWord(before) && _t.IsLower(before) && IsFinite(before, before - 1) && !_t.Is(direct.First, SpeakerWordClass.Pronoun))
                return null;
            // "Its head of policy, David Thomas, said" is handled below; "Dr X, the lead author" too.
            return WithAppositiveBefore(direct, floor);
        }
        // "Pat Cullen, the general secretary of the RCN, said" / "Derek Fallon, 58, said" / "X, who ..., said".
        int comma = -1;
        for (int k = prev - 1; k >= floor && prev - k <= 32; k--)
        {
            if (_t.Quoted(k) || _t.IsPunct(k, ';') || _t.IsPunct(k, ':')) break;
            if (_t.IsPunct(k, ',')) { comma = k; break; }
        }
        if (comma < 0) return null;
        int segFirst = comma + 1, segLast = prev - 1;
        if (segFirst > segLast) return null;
        var head = SpeakerPhrases.EndingAt(_t, comma - 1, floor);
        var segment = SpeakerPhrases.StartingAt(_t, segFirst, prev);
        // "Al-Qahera News, citing a senior Egyptian source, reported": the one cited is the speaker.
        if (_t[segFirst] is "citing" or "quoting" && segFirst + 1 <= segLast)
        {
            var cited = SpeakerPhrases.StartingAt(_t, segFirst + 1, prev);
            if (cited is not null) return cited;
        }
        // "Det Sgt Paula Rimmer, of Greater Manchester Police, said": where someone is from, in commas.
        bool affiliation = _t[segFirst] is "of" or "from" or "at" && segFirst + 1 <= segLast && (_t.IsCapitalised(segFirst + 1) || _t.Is(segFirst + 1, SpeakerWordClass.Definite));
        if (GivenName(segFirst, segLast) is { } given) return given;
        bool relative = affiliation || _t[segFirst] is "who" or "which" or "whose" or "whom"
                        // "A witness, reached by telephone, said", "A senior official, speaking on condition of anonymity, said"
                        || _t.IsLower(segFirst) && _t.IsWord(segFirst) && (_t[segFirst].EndsWith("ed", StringComparison.Ordinal) || _t[segFirst].EndsWith("ing", StringComparison.Ordinal));
        bool age = _t.IsNumber(segFirst) && segFirst == segLast;
        bool appositive = segment is not null && (segment.Last == segLast || segment.Kind != PhraseKind.Name)
                          || _t.Is(segFirst, SpeakerWordClass.Indefinite | SpeakerWordClass.Definite | SpeakerWordClass.Possessive) && !_t.Is(segFirst, SpeakerWordClass.Pronoun);
        if (head is null)
        {
            // "In a statement, the Pakistani Taliban, announced": the phrase between commas is the subject.
            return segment is not null && segment.Last == segLast ? segment : null;
        }
        // A prepositional phrase is not a subject: "In a statement, X, said".
        if (head.First - 1 >= floor && _t.IsWord(head.First - 1) && _t[head.First - 1] is "in" or "on" or "at" or "after" or "during" or "In" or "On" or "At")
            return segment is not null && segment.Last == segLast ? segment : null;
        if (IsPrepositionStart(head.First)) return segment is not null && segment.Last == segLast ? segment : null;
        if (!(relative || age || appositive)) return null;
        if (appositive && segment is not null && !relative) head.Absorb(segment);
        return WithAppositiveBefore(head, floor);
    }

    private bool IsPrepositionStart(int first) => _t[first] is "In" or "On" or "At" or "After" or "During" or "For" or "With";

    /// <summary>"The health secretary, Wes Streeting," : a description before the name in commas.</summary>
    private SpeakerPhrase WithAppositiveBefore(SpeakerPhrase phrase, int floor)
    {
        int comma = phrase.First - 1;
        if (comma - 1 < floor || !_t.IsPunct(comma, ',')) return phrase;
        if (phrase.Kind != PhraseKind.Name) return phrase;
        var before = SpeakerPhrases.EndingAt(_t, comma - 1, floor);
        if (before is null || before.Kind is not (PhraseKind.Definite or PhraseKind.Indefinite or PhraseKind.SpeaksFor)) return phrase;
        if (before.First - 1 >= floor && !_t.IsPunct(before.First - 1, ',') && !_t.IsQuoteMark(before.First - 1)) return phrase;
        before.Absorb(phrase);
        return before;
    }

    /// <summary>The speaker after an inverted verb: "said Amina Yusuf, who runs a clinic", "added the official".</summary>
    private SpeakerPhrase? SubjectAfter(int from, int end)
    {
        while (from < end && _t.IsWord(from) && IsSkippable(from)) from++;
        if (from >= end || !_t.IsWord(from) && !_t.IsNumber(from)) return null;
        if (_t.Is(from, SpeakerWordClass.Pronoun) && !_t.Is(from, SpeakerWordClass.Definite)) return null; // "said he" is rare; "said it was" is a clause
        if (QuoteText.IsWeekdayOrMonth(_t[from])) return null; // AP style: "Brooks said Saturday"
        var phrase = SpeakerPhrases.StartingAt(_t, from, end);
        if (phrase is null || phrase.Kind == PhraseKind.Pronoun) return null;
        int next = phrase.Last + 1;
        // "people familiar with the matter", "a source close to the talks"
        if (next + 1 < end && _t[next] is "familiar" or "close" && _t[next + 1] is "with" or "to")
        {
            int k = next + 2;
            while (k < end && !_t.IsBreak(k) && k - next < 8) k++;
            phrase.Last = k - 1;
            next = k;
        }
        // "said a 24-year-old student who gave only his first name, Chidi"
        if (next < end && _t[next] is "who" && GivenName(next + 1, Math.Min(end - 1, next + 14)) is { } given)
        {
            phrase.Absorb(given);
            return phrase;
        }
        // "said Raj Mehta, an analyst at Barrow Securities": take the role from the appositive.
        if (next + 1 < end && _t.IsPunct(next, ','))
        {
            var appositive = SpeakerPhrases.StartingAt(_t, next + 1, end);
            if (appositive is not null && appositive.Kind is PhraseKind.Definite or PhraseKind.Indefinite)
                phrase.Absorb(appositive);
        }
        return phrase;
    }

    /// <summary>The stretch whose opening mark comes next, past an adjunct and a colon or comma ("told The Sun: “").</summary>
    private int QuoteAfter(int from, int end)
    {
        for (int k = from; k < end && k - from < 12; k++)
        {
            if (_opens[k] >= 0)
            {
                // Straight after the verb with no colon or comma: only a quote that starts a sentence.
                bool punctuated = k - 1 >= from && (_t.IsPunct(k - 1, ':') || _t.IsPunct(k - 1, ','));
                var s = _stretches[_opens[k]];
                if (punctuated || char.IsUpper(_t.Text[s.Words.Start])) return _opens[k];
                return -1;
            }
            if (_t.Quoted(k)) return -1;
            if (_t.Equals(k, "that") || _t.IsPunct(k, '.') || _t.IsPunct(k, ';')) return -1;
            if (_t.IsPunct(k, ',') || _t.IsPunct(k, ':'))
            {
                if (k + 1 < end && _opens[k + 1] >= 0) continue;
                // "he said, adding: “..." is the next verb's; a comma not before a quote ends the search.
                return -1;
            }
            if (IsVerbAt(k)) return -1;
        }
        return -1;
    }

    /// <summary>
    /// Whether a stretch begins its sentence or clause: “We are ready,” he said — and not “no plant closures”
    /// at the end of "There would be “...”, she said", whose attribution is of the whole clause.
    /// </summary>
    private bool OpensClause(int stretch, int start)
    {
        int open = _t.TokenAtOrAfter(_stretches[stretch].Open);
        for (int k = open - 1; k >= start; k--)
        {
            if (_closes[k] >= 0 || _t.IsPunct(k, ':') || _t.IsPunct(k, ';')) return true;
            if (_t.IsPunct(k, ',') && k - 1 >= start && IsVerbAt(k - 1)) return true; // he said, “...”
            if (_t.IsWord(k) || _t.IsNumber(k)) return false;
        }
        return true;
    }

    private bool EndsWithStop(int stretch)
    {
        var s = _stretches[stretch];
        if (s.Words.IsEmpty) return false;
        char last = _t.Text[s.Words.End - 1];
        return last == '.';
    }

    /// <summary>Only time and place words, a "told X" object or a statement's source follow: the verb ends the sentence.</summary>
    private bool OnlyAdjunctsAfter(int from, int end)
    {
        for (int k = from; k < end; k++)
        {
            if (_t.Quoted(k)) return false;
            if (_t.IsPunct(k, ',') || _t.IsPunct(k, ';')) return true; // ", as rescuers dug ...": another clause
            if (_t.Equals(k, "that")) return false;
            if (IsVerbAt(k) && _t.Verb(k) is { Reporting: true } && !_t[k].EndsWith("ed", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Where the reported clause after a verb starts, or -1.</summary>
    private int Complement(int verbEnd, SpeechVerb verb, int end)
    {
        int j = verbEnd + 1;
        // "that" soon after the verb: "said on Tuesday that", "told a briefing in Beijing that", "expressed hope
        // that". What stands between must be a place or time, or whom it was told: in "reiterated potential
        // actions that ..." the "that" belongs to the object.
        bool addressed = verb.Lemma is "tell" or "inform" or "assure" or "remind" or "warn" or "express";
        if (j < end && (addressed || _t.Equals(j, "that") || IsPreposition(_t[j]) || SkipTimeAdjunct(j, end) > j))
            for (int k = j; k < end && k - j < ThatWindow; k++)
            {
                if (_t.Quoted(k) || _t.IsBreak(k) && !_t.IsPunct(k, '-')) break;
                if (_t.Equals(k, "that")) return k + 1 < end ? k + 1 : -1;
                if (k > j && IsVerbAt(k)) break;
            }
        int c = j;
        if (verb.Lemma is "tell" or "inform" or "assure" or "remind" or "warn")
        {
            var addressee = SpeakerPhrases.StartingAt(_t, c, end);
            if (addressee is not null) c = addressee.Last + 1;
        }
        c = SkipTimeAdjunct(c, end);
        return IsClauseStart(c, end) ? c : -1;
    }

    private int SkipTimeAdjunct(int c, int end)
    {
        if (c >= end) return c;
        var w = _t[c];
        if (w is "on" && c + 1 < end && QuoteText.IsWeekdayOrMonth(_t[c + 1])) return c + 2;
        if (w is "last" or "this" or "next" && c + 1 < end && _t[c + 1] is "week" or "month" or "year" or "night" or "weekend" or "summer" or "spring" or "autumn" or "winter" or "morning" or "evening")
            return c + 2;
        if (w is "earlier" or "later" or "afterwards" or "yesterday" or "today" or "overnight" or "again" or "privately" or "publicly" or "separately") return c + 1;
        if (QuoteText.IsWeekdayOrMonth(w)) return c + 1;
        return c;
    }

    /// <summary>Whether a clause starts at <paramref name="c"/>: a subject, then a finite verb within a few words.</summary>
    private bool IsClauseStart(int c, int end)
    {
        if (c >= end || _t.Quoted(c) && _opens[c] < 0) return false;
        if (_opens[c] >= 0) return false; // a quote straight after the verb is a direct quote, not reported speech
        if (!_t.IsWord(c) && !_t.IsNumber(c)) return false;
        var w = _t[c];
        if (_t.Is(c, SpeakerWordClass.Pronoun) || w is "there" or "There")
            return c + 1 < end && _t.IsWord(c + 1) && _t.IsLower(c + 1) && !IsPreposition(_t[c + 1]);
        // "about 300 flights were delayed": before a number, "about" is not a preposition.
        bool approximate = w is "about" or "around" or "over" or "nearly" or "almost" && c + 1 < end && _t.IsNumber(c + 1);
        if (_t.IsLower(c) && !approximate && (IsPreposition(w) || w is "that" or "nothing" or "not" or "never" || w is "so" or "yes" or "no" && c + 1 < end && _t.IsPunct(c + 1, ',')))
            return false; // "said in", "warned against", "said nothing": not a subject
        // A verb after "who", "that" or "which" may be the relative clause's; then the main verb must follow.
        int needed = 1;
        for (int k = c + 1; k < end && k - c <= 18; k++)
        {
            if (_t.IsPunct(k, ',') || _t.IsPunct(k, ';') || _t.IsPunct(k, ':') || _t.IsPunct(k, '.')) return false;
            if (_t.Quoted(k)) continue; // a verb inside quote marks is the quoted words'
            if (!_t.IsWord(k)) continue;
            if (_t[k] is "who" or "that" or "which" && needed == 1) { needed = 2; continue; }
            // "Iran and world powers are": a subject may join two names; a verb after "and" is a second predicate.
            if (_t[k] is "and" or "or" or "but" && !(k - c <= 3 && k + 1 < end && !IsFinite(k + 1, k))) return false;
            // A verb after "as" or "after" belongs to another clause.
            if (_t[k] is "whom" or "as" or "after" or "before" or "because" or "when" or "while" or "since" or "until" or "if") return false;
            if (IsFinite(k, c) && --needed == 0) return true;
        }
        return false;
    }

    private static bool IsPreposition(ReadOnlySpan<char> w) =>
        w is "in" or "on" or "at" or "to" or "for" or "of" or "with" or "by" or "from" or "about" or "into" or "over";

    /// <summary>A finite verb: an auxiliary, a past tense, or a present tense right after a one-word subject.</summary>
    private bool IsFinite(int k, int subjectStart)
    {
        var w = _t[k];
        if (w is "is" or "are" or "was" or "were" or "has" or "have" or "had" or "will" or "would" or "can" or "could" or "may"
            or "might" or "must" or "shall" or "should" or "did" or "does" or "do" or "'s" or "’s" or "'re" or "’re" or "'ll" or "’ll"
            or "’d" or "'d" or "remains" or "remained" or "appears" or "appeared" or "seems" or "seemed" or "needs" or "wants")
            return !(w is "'s" or "’s") || k == subjectStart + 1 && _t.Is(subjectStart, SpeakerWordClass.Pronoun);
        if (!_t.IsLower(k)) return false;
        if (IrregularPast(w)) return true;
        if (w.Length >= 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal) && !_t.Is(k, SpeakerWordClass.Adjective) && w is not ("united" or "unnamed" or "armed" or "advanced" or "detailed" or "limited" or "related"))
            return true;
        // "Iran welcomes", "Kazakhstan attaches": a present tense after a one-word subject.
        return k == subjectStart + 1 && w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") && !_t.Is(k, SpeakerWordClass.Anonymous | SpeakerWordClass.Description | SpeakerWordClass.Role | SpeakerWordClass.Organisation)
               && _t.IsCapitalised(subjectStart);
    }

    private static bool IrregularPast(ReadOnlySpan<char> w) =>
        w is "made" or "took" or "found" or "came" or "went" or "gave" or "got" or "left" or "kept" or "held" or "met" or "sent" or "lost"
            or "won" or "told" or "said" or "saw" or "knew" or "thought" or "felt" or "brought" or "began" or "ran" or "paid" or "set"
            or "put" or "cut" or "hit" or "led" or "built" or "spent" or "stood" or "became" or "fell" or "rose" or "sold" or "bought"
            or "grew" or "drew" or "threw" or "wrote" or "spoke" or "broke" or "chose" or "drove" or "flew" or "forgot" or "hid"
            or "meant" or "overcame" or "sought" or "taught" or "understood" or "withdrew" or "wore" or "won't" or "can't" or "lay"
            or "struck" or "fought" or "caught" or "sat" or "slept" or "shot" or "swore" or "bore" or "arose" or "bled" or "bred"
            or "clung" or "crept" or "dealt" or "dug" or "fed" or "fled" or "flung" or "forgave" or "froze" or "hung" or "knelt"
            or "leapt" or "lent" or "lit" or "rode" or "rang" or "sang" or "sank" or "shone" or "shrank" or "slid" or "sped" or "spun"
            or "sprang" or "stole" or "stuck" or "stung" or "strode" or "swam" or "swept" or "swung" or "tore" or "woke" or "wept"
            or "bent" or "bound" or "burnt" or "dreamt" or "ate" or "shook" or "forbade" or "undertook" or "upheld" or "oversaw";

    /// <summary>
    /// Where a reported clause ends: the sentence's end, or before the next attribution. When it ends at
    /// "and that B" or ", and B" with B a clause, <c>Next</c> is where B starts (else -1).
    /// </summary>
    private (int End, int Next) ClauseEnd(int from, int end)
    {
        for (int k = from; k < end; k++)
        {
            if (_t.Quoted(k)) continue;
            if (_t.IsPunct(k, ';')) return (k, -1);
            bool comma = _t.IsPunct(k, ',');
            int next = comma ? k + 1 : k;
            if (next >= end || next == from) continue;
            if (comma && _t.IsWord(next) && _t.IsLower(next) && _t[next].EndsWith("ing", StringComparison.Ordinal) && _t.Verb(next) is not null)
                return (k, -1); // ", adding that", ", saying"
            if (comma && _t.Equals(next, "according")) return (k, -1);
            if (_t[next] is "and" or "but" && next + 1 < end)
            {
                if (_t.Equals(next + 1, "that")) return (k, next + 2 < end ? next + 2 : -1);
                if (IsVerbAt(next + 1) && _t.Verb(next + 1) is { Reporting: true }) return (k, -1);
                // ", and about 300 flights were delayed": a second clause after a comma, the same speaker's;
                // after ", but" it is more often the reporter's own ("but the source was unable to confirm").
                if (comma && IsClauseStart(next + 1, end) && !_t.Is(next + 1, SpeakerWordClass.Pronoun))
                    return (k, _t[next] is "and" ? next + 1 : -1);
            }
        }
        return (end, -1);
    }

    private Span ClauseSpan(int from, int endExclusive)
    {
        int last = endExclusive - 1;
        while (last >= from && _t.IsBreak(last) && !(_t.IsQuoteMark(last) && _closes[last] >= 0) && !_t.IsPunct(last, ')'))
            last--;
        if (last < from) return default;
        // At least three words: "said so" and "added" alone say nothing.
        int words = 0;
        for (int k = from; k <= last; k++) if (_t.IsWord(k) || _t.IsNumber(k)) words++;
        if (words < 3) return default;
        return new Span(_t.Start(from), _t.End(last));
    }

    /// <summary>Whether tokens [from, to) hold a finite verb: "Also on Tuesday" is an opening, not a clause.</summary>
    private bool HasFiniteVerb(int from, int to)
    {
        for (int k = from; k < to; k++)
            if (!_t.Quoted(k) && _t.IsWord(k) && IsFinite(k, Math.Max(from, k - 1))) return true;
            else if (_t.Quoted(k) && _opens[k] >= 0) return true; // a quoted phrase in the clause: words someone said
        return false;
    }

    private bool IsWholeQuote(Span clause)
    {
        foreach (var s in _stretches)
            if (s.Open <= clause.Start && s.End >= clause.End - 1) return true;
        return false;
    }

    /// <summary>The sentence's subject: past an opening phrase ("Also on Tuesday,", "Speaking afterwards,").</summary>
    public SpeakerPhrase? MainSubject(QuoteUnit u)
    {
        int p = ContentStart(u);
        int end = u.EndToken;
        if (p >= end) return null;
        if (_t[p] is "But" or "And" or "Yet" or "So" or "Still") p++;
        if (p < end && IsOpening(p))
        {
            int k = p + 1;
            while (k < end && k - p < 30 && !_t.IsPunct(k, ',') && !_t.Quoted(k)) k++;
            if (k >= end || !_t.IsPunct(k, ',')) return null;
            p = k + 1;
        }
        if (p >= end || _opens[p] >= 0) return null;
        var np = SpeakerPhrases.StartingAt(_t, p, end);
        if (np is null) return null;
        int next = np.Last + 1;
        if (next + 1 < end && _t.IsPunct(next, ','))
        {
            var appositive = SpeakerPhrases.StartingAt(_t, next + 1, end);
            if (appositive is not null && appositive.Last + 1 < end && _t.IsPunct(appositive.Last + 1, ','))
                np.Absorb(appositive);
        }
        return np;
    }

    private bool IsOpening(int p)
    {
        var w = _t[p];
        if (w is "In" or "On" or "At" or "During" or "After" or "Before" or "Also" or "Meanwhile" or "However" or "Elsewhere"
            or "Outside" or "Inside" or "Following" or "Earlier" or "Later" or "Afterwards" or "Separately" or "Under" or "Despite"
            or "While" or "When" or "As" or "Since" or "Although" or "Though" or "For" or "From" or "With" or "Without" or "Last"
            or "This" or "Yesterday" or "Today" or "Overnight" or "Instead" or "Besides" or "Amid" or "Asked" or "Speaking"
            or "Addressing" or "Writing" or "Responding" or "Commenting" or "Opening" or "Sentencing" or "Closing" or "Reacting")
            return true;
        return _t.IsCapitalised(p) && _t.IsWord(p) && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
               && _t.FirstNameGender(p) == '\0' && p + 1 < _t.Count && _t.IsLower(p + 1);
    }
}
