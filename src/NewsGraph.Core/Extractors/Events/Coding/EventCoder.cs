using System.Globalization;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Events.Cameo;
using NewsGraph.Core.Extractors.Events.Dictionaries;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Syntax;

namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>How the coder behaves beyond what its dictionaries say.</summary>
public sealed record EventCoderOptions
{
    /// <summary>The day (yyyymmdd) actors are coded for when an article gives no date of its own.</summary>
    public int? DefaultDay { get; init; }
    /// <summary>
    /// Code an event only when both a source and a target actor are found (PETRARCH's require_dyad).
    /// Off, a verb of the clause words' [stands-alone] list codes with a source alone.
    /// </summary>
    public bool RequireTarget { get; init; } = true;
    /// <summary>Sentences longer than this many tokens are not coded: no news sentence is, and the work stays bounded.</summary>
    public int MaxSentenceTokens { get; init; } = 160;
    /// <summary>
    /// Give a role named without a country ("the government", "MPs", "police") the article's home
    /// country: the one its named actors belong to, when one country holds most of them. Without
    /// it such actors are coded as the bare role (GOV), as PETRARCH does.
    /// </summary>
    public bool HomeCountry { get; init; } = true;
    /// <summary>
    /// A person the dictionaries date out of office on the day (their last code ended before it) is a former
    /// official, country plus ELI; off, such a person has no code (PETRARCH's reading).
    /// </summary>
    public bool FormerOfficials { get; init; }
    /// <summary>Hears how each sentence was analysed (tags, phrases, actors, verb groups): for dictionary authors.</summary>
    public Action<string>? Trace { get; init; }
}

/// <summary>
/// Codes dyadic CAMEO events from raw text, sentence by sentence: tags parts of speech, chunks noun
/// phrases, finds actors and agents (from the entity layer where it has codes, else from the actor
/// dictionaries), groups verbs with their auxiliaries, and matches the verb dictionary's patterns.
/// Handles passive voice, coordination, negation, modality, infinitive complements, nominal events
/// and attribution. One instance serves every thread: it holds only read-only dictionaries and models.
/// </summary>
public sealed class EventCoder
{
    private readonly CodingDictionaries _dictionaries;
    private readonly PosTagger _tagger;
    private readonly ClauseWords _words = ClauseWords.Default;

    public EventCoder(CodingDictionaries dictionaries, PosTagger? tagger = null, EventCoderOptions? options = null)
    {
        _dictionaries = dictionaries;
        _tagger = tagger ?? PosTagger.Default;
        Options = options ?? new EventCoderOptions();
    }

    public EventCoderOptions Options { get; }
    public CodingDictionaries Dictionaries => _dictionaries;

    /// <summary>Codes the article's events (it needs sentences; tokens are made if missing).</summary>
    public List<Event> Code(Article article)
    {
        var result = new List<Event>();
        var context = new ArticleContext(DayOf(article) ?? Options.DefaultDay);
        var sentences = article.Sentences.Count > 0 ? article.Sentences : [new Span(0, article.Text.Length)];
        var tokens = article.Tokens.Count > 0 ? article.Tokens : Tokenize(article, sentences);
        var words = new ArticleWords(article.Text, tokens);
        if (Options.HomeCountry) context.Home = HomeCountryOf(article, tokens, words, context.Day);
        int cursor = 0;
        foreach (var sentence in sentences)
        {
            while (cursor < tokens.Count && tokens[cursor].Start < sentence.Start) cursor++;
            int first = cursor;
            while (cursor < tokens.Count && tokens[cursor].End <= sentence.End) cursor++;
            int count = cursor - first;
            if (count == 0 || count > Options.MaxSentenceTokens) continue;
            int dateline = DatelineLength(article.Text, tokens, first, count);
            first += dateline;
            count -= dateline;
            var view = new SentenceView(article.Text, tokens, words, first, count, _tagger);
            var (discardSentence, discardStory) = _dictionaries.Discards.Check(view.Upper);
            if (discardStory)
            {
                result.Clear();
                break;
            }
            if (discardSentence) continue;
            CodeSentence(article, view, context, result);
        }
        return result;
    }

    /// <summary>The country most of the article's named actors belong to, if one clearly leads (at least two mentions and half of all).</summary>
    private string? HomeCountryOf(Article article, List<Token> tokens, ArticleWords words, int? day)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string code)
        {
            if (code.Length < 3 || !char.IsLetter(code[0]) || _words.Is("non-country-prefix", code[..3])) return;
            counts[code[..3]] = counts.GetValueOrDefault(code[..3]) + 1;
        }
        foreach (var e in article.Entities) if ((e.Actor ?? e.Country) is { } c) Count(c.ToUpperInvariant());
        foreach (var m in _dictionaries.Actors.MatchAll(words.Upper, words.IsWord))
        {
            bool named = false;
            for (int i = m.Start; i < m.End && !named; i++) named = char.IsUpper(article.Text[tokens[i].Start]);
            if (named && m.Value.CodeOn(day) is { } code) foreach (var c in code.Split('/')) Count(c);
        }
        if (counts.Count == 0) return null;
        var (top, n) = counts.MaxBy(p => p.Value);
        // Three mentions and three in five: a story about Britain's dealings with America is not America's.
        return n >= 3 && n * 5 >= counts.Values.Sum() * 3 ? top : null;
    }

    private static List<Token> Tokenize(Article article, IReadOnlyList<Span> sentences)
    {
        var tokens = new List<Token>();
        foreach (var s in sentences) Tokenizer.Tokenize(article.View(s), s.Start, tokens);
        return tokens;
    }

    /// <summary>The article's day as yyyymmdd, from its date or the date of the page it was on.</summary>
    internal static int? DayOf(Article article)
    {
        foreach (var value in new[] { article.Date, article.PageDate })
        {
            if (value is not { Length: >= 10 }) continue;
            if (DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d.Year * 10000 + d.Month * 100 + d.Day;
        }
        return null;
    }

    /// <summary>What the coder remembers across an article's sentences: its day, people's surnames, and who was last named.</summary>
    private sealed class ArticleContext(int? day)
    {
        public int? Day { get; } = day;
        public Dictionary<string, (string[] Codes, bool IsPerson)> Surnames { get; } = new(StringComparer.Ordinal);
        public ActorGroup? LastPerson, LastThing, LastPlural;
        public string? Home;
        public SentenceView? LastView;
    }

    private void CodeSentence(Article article, SentenceView s, ArticleContext context, List<Event> output)
    {
        FindActors(article, s, context);
        s.Chunk(u => _words.Is("auxiliary", u));
        var groups = new ActorGroups(s, _words);
        var verbs = FindVerbGroups(s);
        var attribution = TrailingAttribution(s, verbs, groups);
        var matcher = new PatternMatcher(s, groups, _words);
        var coded = new List<(VerbGroup Group, int First, int Last)>();
        var home = context.Home;
        if (Options.Trace is { } trace) TraceSentence(s, verbs, trace);

        foreach (var v in verbs)
        {
            ResolveSubject(s, v, verbs, groups, context);
            v.Claimant ??= ReportedBy(s, v, verbs);
            if (v.Entries.Count == 0) continue;
            // "urged Bree to help": the help is part of the urging, and so is whatever the help governs.
            if (v.Governor is { Coded: true } || v.GovernorNoun >= 0 && GovernedNounIsCoded(v, verbs)) { v.Coded = true; continue; }

            int ceiling = ScopeEnd(s, v, verbs, attribution);
            // "The chancellor is travelling to America next week": a present progressive with a time to come is a plan.
            if (v.Modality == Modality.Asserted && IsProgressive(s, v) && FutureTimeIn(s, v.End, ceiling)) v.Modality = Modality.Future;
            // Active patterns that name the actors after the verb do not fit a passive one; passive patterns name one before it.
            var patterns = PatternsOf(v.Entries)
                .Where(p => !v.Passive || !HasSlotAfterVerbOnly(p));
            var match = matcher.Best(patterns, v.VerbStart, v.VerbEnd, 0, ceiling);
            var codes = match?.Pattern.Codes ?? DefaultCodes(v.Entries);
            // Under the news dictionaries "said" is attribution: whoever says is a claimant, not an actor of an event.
            if (_dictionaries.Attribution.Contains(s.Upper[v.Main])) codes = EventCodes.Null;
            if (codes.IsNull) continue;
            v.Coded = true;

            // "is holding a further meeting": the pattern's own words may say the act is still to come.
            if (match is not null && v.Modality == Modality.Asserted && FutureModified(s, match.First, match.Last)) v.Modality = Modality.Future;

            var (sources, targets, mutual) = Roles(s, v, match, groups, ceiling, verbs);
            // "praised his handling of the economy", "her comments were described as ...": the owner is the target of
            // words (praise, criticism, appeals); of a physical act the thing owned is ("burned down its embassy").
            if (mutual is null && sources is not null && (targets is null || targets.IsEmpty) && IsVerbal(codes) && PossessiveObject(s, v, ceiling) is int owner
                && Pronoun(s, owner, verbs, verbs.IndexOf(v), groups, context) is { IsEmpty: false } owned && !SameActors(owned, sources))
                targets = new ActorGroup(owned.Members.Select(m => m with { Start = owner, End = owner + 1 }).ToList(), owner, owner + 1);
            codes = Forceless(s, v, codes, sources, targets ?? mutual);
            if (codes.IsNull) continue;
            Options.Trace?.Invoke($"  code: '{s.Form[v.Main]}' pattern={(match is null ? "-" : match.Pattern.ToString())} codes={codes} subject={Describe(s, v.Subject)} source={Describe(s, sources)} target={Describe(s, targets)} mutual={Describe(s, mutual)} scope-end={ceiling}");
            bool negated = v.Negated && !(match?.UsedNegation ?? false);
            int first = Math.Min(v.Start, match?.First ?? v.Start), last = Math.Max(v.End, match?.Last ?? v.End);
            string? claimant = v.Claimant ?? (attribution is { } a && v.Start < a.Comma ? a.Claimant : null) ?? QuoteSpeaker(article, s, v);
            int before = output.Count;
            if (mutual is not null)
            {
                foreach (var x in mutual.Members)
                    foreach (var y in mutual.Members)
                        if (x.Code != y.Code && codes.Forward is { } f) output.Add(Make(s, f, x, y, first, last, v, negated, claimant, home));
            }
            else if (sources is not null)
            {
                foreach (var x in sources.Members)
                {
                    if (targets is null || targets.IsEmpty)
                    {
                        if (!Options.RequireTarget && codes.Forward is { } f && StandsAlone(s, v)) output.Add(Make(s, f, x, null, first, last, v, negated, claimant, home));
                        continue;
                    }
                    foreach (var y in targets.Members)
                    {
                        if (SelfDyad(x, y)) continue;
                        if (codes.Forward is { } f) output.Add(Make(s, f, x, y, first, last, v, negated, claimant, home));
                        if (codes.Reverse is { } r) output.Add(Make(s, r, y, x, first, last, v, negated, claimant, home));
                    }
                }
            }
            if (output.Count > before) coded.Add((v, first, last));
        }

        CodeReportedAppeals(s, verbs, groups, attribution, output, home);
        CodeNouns(article, s, verbs, groups, matcher, coded, attribution, output, home);
        Remember(s, verbs, context);
    }

    /// <summary>
    /// How many tokens a wire dateline takes at the start of a sentence ("DHAKA, Nov 28 (Reuters) -",
    /// "KYIV, Ukraine (AP) —"), or 0: the place a story was filed from is not part of what its first
    /// sentence says, and read as a subject it would act for the police or army that did. A dateline
    /// is a place in capitals, then a comma or a bracket, then a dash within a few words.
    /// </summary>
    private static int DatelineLength(string text, List<Token> tokens, int first, int count)
    {
        int k = 0;
        while (k < count && k < 4 && IsShouted(Word(text, tokens[first + k]))) k++;
        if (k == 0 || k >= count || Word(text, tokens[first + k]) is not ("," or "(")) return 0;
        for (int i = k + 1; i < count - 2 && i <= k + 10; i++)
            if (Word(text, tokens[first + i]) is "-" or "--" or "–" or "—") return i + 1;
        return 0;

        static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
        static bool IsShouted(ReadOnlySpan<char> w)
        {
            if (w.Length < 2) return false;
            foreach (var c in w) if (!(char.IsUpper(c) || c is '-' or '.' or '\'')) return false;
            return true;
        }
    }

    private static void TraceSentence(SentenceView s, List<VerbGroup> verbs, Action<string> trace)
    {
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < s.Count; i++)
        {
            if (i > 0 && s.NpAt[i] >= 0 && s.Phrases[s.NpAt[i]].Start == i) line.Append('[');
            else if (i == 0 && s.NpAt[0] >= 0) line.Append('[');
            line.Append(s.Form[i]).Append('/').Append(s.Tag[i]);
            if (s.ActorAt[i] >= 0 && (i + 1 == s.Count || s.ActorAt[i + 1] != s.ActorAt[i])) line.Append("{A:").Append(string.Join("/", s.Actors[s.ActorAt[i]].Codes)).Append('}');
            if (s.AgentAt[i] >= 0 && (i + 1 == s.Count || s.AgentAt[i + 1] != s.AgentAt[i])) line.Append("{R:").Append(s.Agents[s.AgentAt[i]].Code).Append('}');
            if (s.NpAt[i] >= 0 && s.Phrases[s.NpAt[i]].End == i + 1) line.Append(']');
            line.Append(' ');
        }
        // The sentence's offsets first, so that a reader of a whole article's trace can find one sentence's lines.
        trace($"  sentence: {s.Start[0]}-{s.End[s.Count - 1]}");
        trace("  tags: " + line);
        foreach (var v in verbs)
            trace($"  verb: '{s.Surface(v.Start, v.End)}' main={s.Form[v.Main]} entries={v.Entries.Count} inf={v.Infinitive} passive={v.Passive} neg={v.Negated} modality={v.Modality}" +
                  (v.Governor is { } g ? $" governor='{s.Form[g.Main]}'" : "") + (v.GovernorNoun >= 0 ? $" governor-noun='{s.Form[v.GovernorNoun]}'" : ""));
    }

    // ------------------------------------------------------------------ actors

    private void FindActors(Article article, SentenceView s, ArticleContext context)
    {
        int sentenceStart = s.Start[0], sentenceEnd = s.End[s.Count - 1];
        var names = new List<EntityMention>();
        // The entity layer first: its actor codes (or its country, with the role words around it) outrank dictionary names.
        foreach (var e in article.Entities)
        {
            if (e.Span.End <= sentenceStart || e.Span.Start >= sentenceEnd) continue;
            if (e.Type is "ORG" or "PERSON" && e.Actor is null && e.Country is null) names.Add(e);
            var code = e.Actor ?? e.Country;
            int from = Array.FindIndex(s.Start, t => t >= e.Span.Start);
            int to = Array.FindLastIndex(s.End, t => t <= e.Span.End) + 1;
            if (from < 0 || to <= from) continue;
            if (code is null)
            {
                if (e.Type == "PERSON") for (int k = from; k < to; k++) s.UncodedPerson[k] = true;
                continue;
            }
            code = code.ToUpperInvariant();
            // "President Laurent Gbagbo" is GOV to the entity layer, which found the role but not whose:
            // a dictionary that knows the man knows his country too.
            bool roleOnly = code.Length == 3 && _words.Is("non-country-prefix", code);
            // A dictionary that knows the whole name knows more than a gazetteer guess ("Sylvania" the
            // user's country, not a town in Ohio; a party in government or in opposition on the day),
            // unless the text itself gave a person's role ("Foreign Minister X"): the entity layer reads
            // roles from the text for people only, from its tables for everything else.
            if ((e.Type != "PERSON" || e.Role is null || roleOnly) && _dictionaries.Actors.TryMatchAt(s.Upper, s.IsWord, from, out var known) && known.End >= to
                && known.Value.CodeOn(context.Day) is not null)
                continue;
            // "President Bush" after "President George W Bush": the surname of someone already coded in full.
            if (roleOnly && e.Type == "PERSON" && context.Surnames.ContainsKey(s.Upper[to - 1])) continue;
            bool person = e.Type == "PERSON";
            s.AddActor(new ActorMention(from, to, [code], person, FromEntity: true, RoleOnly: roleOnly));
            if (person && !roleOnly) RememberSurname(s, from, to, [code], context);
        }
        for (int i = 0; i < s.Count;)
        {
            if (s.ActorAt[i] < 0 && _dictionaries.Actors.TryMatchAt(s.Upper, s.IsWord, i, out var m) && IsNamed(s, m.Start, m.End) && !InsideLongerName(s, m.Start, m.End)
                && !InsideOtherEntity(names, s, m.Start, m.End) && !(m.Value.IsPerson is false && m.Start > 0 && _words.Is("honorific", s.Upper[m.Start - 1]) && !_words.Is("title-honorific", s.Upper[m.Start - 1])))
            {
                var code = m.Value.CodeOn(context.Day) ?? FormerOfficial(m.Value, context.Day);
                if (code is not null)
                {
                    var codes = code.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    s.AddActor(new ActorMention(m.Start, m.End, codes, m.Value.IsPerson, false));
                    if (m.Value.IsPerson) RememberSurname(s, m.Start, m.End, codes, context);
                }
                i = m.End;
                continue;
            }
            // "Mr Blair", "Blair": a surname of someone the article has named in full.
            if (s.ActorAt[i] < 0 && context.Surnames.TryGetValue(s.Upper[i], out var known) && char.IsUpper(s.Form[i][0]))
            {
                int from = i > 0 && _words.Is("honorific", s.Upper[i - 1]) && s.ActorAt[i - 1] < 0 ? i - 1 : i;
                s.AddActor(new ActorMention(from, i + 1, known.Codes, known.IsPerson, false));
            }
            i++;
        }
        foreach (var m in _dictionaries.Agents.MatchAll(s.Upper, s.IsWord))
            s.AddAgent(new AgentMention(m.Start, m.End, m.Value.Code, m.Value.Before));
    }

    /// <summary>
    /// "Mr Blunkett" the week after he resigned: a person whose last office ended before the day is a former
    /// official of his country (CAMEO ELI), as "former minister" makes one; not a nobody.
    /// </summary>
    private string? FormerOfficial(ActorEntry entry, int? day)
    {
        if (!Options.FormerOfficials || day is not { } d || !entry.IsPerson || entry.LastCodeBefore(d) is not { Length: >= 3 } last) return null;
        var country = last[..3];
        return char.IsLetter(country[0]) && !_words.Is("non-country-prefix", country) ? country + "ELI" : null;
    }

    /// <summary>
    /// "Tods Murray", "Kenya Airways", "Jordan Henderson": a one-word country or place between
    /// capitalised words that are no role of ours is part of another name (a firm, a person).
    /// </summary>
    private bool InsideLongerName(SentenceView s, int from, int to)
    {
        if (to - from != 1) return false;
        bool Capitalised(int k) => k >= 0 && k < s.Count && s.Form[k].Length > 1 && char.IsUpper(s.Form[k][0]) && s.IsWord[k]
            && !_dictionaries.Agents.TryMatchAt(s.Upper, s.IsWord, k, out _) && !_words.Is("honorific", s.Upper[k]);
        bool before = from > 0 && Capitalised(from - 1) && !(from - 1 == 0);
        bool after = Capitalised(to) && !_dictionaries.Actors.TryMatchAt(s.Upper, s.IsWord, to, out _);
        return before || after;
    }

    /// <summary>
    /// "Kenya Airways", "the Bank of England", "the British National Party": a dictionary name inside a
    /// longer organisation or person the entity layer found is part of that name, unless what is left of
    /// it is role words ("Israeli army" is Israel's army).
    /// </summary>
    private bool InsideOtherEntity(List<EntityMention> names, SentenceView s, int from, int to)
    {
        int start = s.Start[from], end = s.End[to - 1];
        foreach (var e in names)
        {
            if (e.Span.Start > start || e.Span.End < end || e.Span.Length == end - start) continue;
            for (int k = 0; k < s.Count; k++)
            {
                if (s.Start[k] < e.Span.Start || s.End[k] > e.Span.End || k >= from && k < to) continue;
                if (!s.IsWord[k] || s.Tag[k] is "DT" or "POS") continue;
                if (!_dictionaries.Agents.TryMatchAt(s.Upper, s.IsWord, k, out _)) return true;
            }
        }
        return false;
    }

    /// <summary>A name in running text is capitalised somewhere: "turkey" the bird is not Turkey the country.</summary>
    private static bool IsNamed(SentenceView s, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (s.Form[i].Length > 0 && char.IsUpper(s.Form[i][0])) return true;
        return false;
    }

    private static void RememberSurname(SentenceView s, int from, int to, string[] codes, ArticleContext context)
    {
        if (to - from < 2) return;
        var last = s.Upper[to - 1];
        if (last.Length < 3 || !char.IsLetter(last[0])) return;
        context.Surnames.TryAdd(last, (codes, true));
    }

    // ------------------------------------------------------------------ verbs

    private List<VerbGroup> FindVerbGroups(SentenceView s)
    {
        var result = new List<VerbGroup>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.ActorAt[i] >= 0) continue;
            // "an early start to talks": after "to" an infinitive is a base form; a form in -s or -ed is a noun.
            if (i > 0 && s.Tag[i - 1] == "TO" && s.Tag[i] is "VBZ" or "NNS" or "VBD") continue;
            var entries = _dictionaries.Verbs.Lookup(s.Upper[i]);
            if (!s.IsVerbTag(i) && entries.Count > 0 && entries.All(e => e.Before.Length + e.After.Length > 0) && MultiWordHasVerb(s, i, entries))
            {
                var multi = Redefined(ChooseEntries(s, i, entries, out int ms, out int me));
                if (multi.Count > 0) { AddGroup(s, result, i, multi, ms, me); i = Math.Max(i, me - 1); continue; }
            }
            bool verbTag = s.IsVerbTag(i) && s.NpAt[i] < 0;
            if (!verbTag && (entries.Count == 0 || !(AfterAuxiliary(s, i) || AfterSubject(s, i) || PastFormBeforeObject(s, i)))) continue;
            var chosen = Redefined(ChooseEntries(s, i, entries, out int verbStart, out int verbEnd));
            // "wire/VB tap/NN": a multi-word verb is a verb when any of its words is.
            if (!verbTag && chosen.Count == 0) continue;
            bool isAux = _words.Is("auxiliary", s.Upper[i]) || s.Tag[i] == "MD";
            // An auxiliary followed by the rest of its group is not a group of its own.
            if (isAux && chosen.Count == 0 && NextVerbInGroup(s, i + 1) >= 0) continue;
            AddGroup(s, result, i, chosen, verbStart, verbEnd);
            i = Math.Max(i, verbEnd - 1);
        }
        foreach (var g in result)
            if (s.NpAt[g.VerbStart] >= 0) s.CarveOut(g.VerbStart, g.VerbEnd);
        // "is" and "is about to restore" are one group, not two.
        result.RemoveAll(g => result.Any(h => h != g && h.Start <= g.Start && h.End >= g.End && h.End - h.Start > g.End - g.Start));
        foreach (var g in result)
        {
            FindGovernor(s, g, result);
            MarkReducedRelative(s, g, result);
        }
        return result;
    }

    private void AddGroup(SentenceView s, List<VerbGroup> result, int i, List<VerbEntry> chosen, int verbStart, int verbEnd)
    {
        var g = new VerbGroup { Main = i, VerbStart = verbStart, VerbEnd = verbEnd, End = verbEnd, Entries = chosen };
        ExtendLeft(s, g);
        Describe(s, g);
        g.IsReporting = _words.Is("reporting", s.Upper[i]) || _dictionaries.Attribution.Contains(s.Upper[i]);
        result.Add(g);
    }

    private static bool MultiWordHasVerb(SentenceView s, int i, IReadOnlyList<VerbEntry> entries)
    {
        foreach (var e in entries)
            for (int k = Math.Max(0, i - e.Before.Length); k <= Math.Min(s.Count - 1, i + e.After.Length); k++)
                if (k != i && s.IsVerbTag(k)) return true;
        return false;
    }

    /// <summary>
    /// A dictionary verb the tagger called a noun or adjective still is one after "to", a modal, an
    /// auxiliary or a negation: "inching nearer to accord", "didn't clash", "will not ever clash".
    /// </summary>
    private bool AfterAuxiliary(SentenceView s, int i)
    {
        if (s.Tag[i] is not ("NN" or "NNS" or "JJ" or "NNP" or "VBP" or "VB" or "RB")) return false;
        int j = i - 1;
        while (j >= 0 && s.IsAdverb(j) && !_words.Is("negation", s.Upper[j])) j--;
        if (j < 0) return false;
        var u = s.Upper[j];
        return s.Tag[j] is "TO" or "MD" || _words.Is("negation", u) || u is "DO" or "DOES" or "DID" || _words.Is("future", u) || _words.Is("hypothetical", u);
    }

    /// <summary>
    /// "The Philippines and France agree that ...": a dictionary verb right after the clause's first
    /// names, before "that", a determiner or a preposition, with no other verb in the clause yet.
    /// </summary>
    private static bool AfterSubject(SentenceView s, int i)
    {
        if (s.Tag[i] is not ("NN" or "NNS" or "JJ") || i == 0 || i + 1 >= s.Count) return false;
        if (s.ActorAt[i - 1] < 0 && s.AgentAt[i - 1] < 0) return false;
        if (s.Tag[i + 1] is not ("DT" or "TO" or "PRP$" or "NNP" or "PRP") && s.Upper[i + 1] != "THAT") return false;
        for (int k = 0; k < i; k++)
            if (s.IsVerbTag(k) || s.Tag[k] == "MD") return false;
        return true;
    }

    /// <summary>"..., urged/JJ Eriador to respond": a dictionary verb in -ed after a phrase or comma and before a name or determiner.</summary>
    private static bool PastFormBeforeObject(SentenceView s, int i)
    {
        if (s.Tag[i] is not ("JJ" or "NN" or "NNP") || !s.Upper[i].EndsWith("ED", StringComparison.Ordinal) || i == 0 || i + 1 >= s.Count) return false;
        bool afterPhrase = s.Upper[i - 1] == "," || (s.NpAt[i - 1] >= 0 && s.Tag[i - 1] is not ("DT" or "PRP$" or "JJ" or "CD"));
        return afterPhrase && s.Tag[i + 1] is "NNP" or "NNPS" or "DT" or "PRP$" or "PRP";
    }

    /// <summary>
    /// A verb listed under a coded block in a later dictionary file is redefined there: its entries from
    /// earlier files drop out (NewsGraph.verbs.txt silences CAMEO.2.0's "give 040", patterns and all).
    /// </summary>
    private static List<VerbEntry> Redefined(List<VerbEntry> entries)
    {
        int top = -1;
        foreach (var e in entries)
            if (e.Block.HasCode && e.Block.Layer > top) top = e.Block.Layer;
        if (top < 0) return entries;
        // Most verbs are defined in one file only: nothing drops out and the list serves as it is.
        bool any = false;
        foreach (var e in entries) any |= e.Block.Layer < top;
        return any ? entries.Where(e => e.Block.Layer >= top).ToList() : entries;
    }

    /// <summary>The entries that fit the words around the verb: a multi-word verb needs its other words in place.</summary>
    private static List<VerbEntry> ChooseEntries(SentenceView s, int i, IReadOnlyList<VerbEntry> entries, out int start, out int end)
    {
        start = i;
        end = i + 1;
        var chosen = new List<VerbEntry>();
        int best = -1;
        foreach (var e in entries)
        {
            int from = i - e.Before.Length, to = i + 1 + e.After.Length;
            if (from < 0 || to > s.Count) continue;
            bool fits = true;
            for (int k = 0; k < e.Before.Length && fits; k++) fits = s.Upper[from + k] == e.Before[k];
            for (int k = 0; k < e.After.Length && fits; k++) fits = s.Upper[i + 1 + k] == e.After[k];
            if (!fits) continue;
            int size = e.Before.Length + e.After.Length;
            if (size > best)
            {
                best = size;
                chosen.Clear();
                start = from;
                end = to;
            }
            if (size == best) chosen.Add(e);
        }
        return chosen;
    }

    private int NextVerbInGroup(SentenceView s, int i)
    {
        for (; i < s.Count && i < s.Count; i++)
        {
            if (s.IsVerbTag(i) || s.Tag[i] == "MD") return i;
            if (s.IsAdverb(i) || _words.Is("negation", s.Upper[i]) || s.Tag[i] == "TO") continue;
            return -1;
        }
        return -1;
    }

    /// <summary>Takes in the auxiliaries, modals, negation, adverbs and "to" before the verb ("is about to", "will not").</summary>
    private void ExtendLeft(SentenceView s, VerbGroup g)
    {
        int j = g.VerbStart - 1;
        int start = g.VerbStart;
        while (j >= 0)
        {
            var u = s.Upper[j];
            if (s.ActorAt[j] >= 0) break;
            if (s.Tag[j] == "TO" || u == "TO")
            {
                start = j;
                g.Infinitive = true;
                j--;
                // "about to", "going to", "set to": the future phrase belongs to the group.
                int phrase = _words.PhraseEndingAt("future", s.Upper, j + 2);
                if (phrase > 1) { start = j + 2 - phrase; j = start - 1; g.Infinitive = false; continue; }
                break;
            }
            if (s.Tag[j] == "MD" || (_words.Is("auxiliary", u) && s.Tag[j] != "POS") || _words.Is("negation", u) || _words.Is("future", u) || _words.Is("hypothetical", u))
            {
                start = j;
                j--;
                continue;
            }
            if (s.IsAdverb(j) && s.NpAt[j] < 0)
            {
                start = j;
                j--;
                continue;
            }
            break;
        }
        // Leading adverbs belong to the clause, not the group.
        while (start < g.VerbStart && s.IsAdverb(start) && !_words.Is("negation", s.Upper[start])) start++;
        g.Start = start;
    }

    private void Describe(SentenceView s, VerbGroup g)
    {
        bool passiveAux = false;
        for (int i = g.Start; i < g.VerbStart; i++)
        {
            var u = s.Upper[i];
            if (_words.Is("negation", u)) g.Negated = true;
            if (_words.Is("passive", u)) passiveAux = true;
            if (_words.Is("future", u)) g.Modality = Modality.Future;
            else if (_words.Is("hypothetical", u) && g.Modality == Modality.Asserted) g.Modality = Modality.Hypothetical;
            if (_words.PhraseAt("future", s.Upper, i) > 0) g.Modality = Modality.Future;
            if (_words.PhraseAt("hypothetical", s.Upper, i) > 0 && g.Modality == Modality.Asserted) g.Modality = Modality.Hypothetical;
        }
        g.Passive = passiveAux && s.Tag[g.Main] is "VBN" or "VBD";
        // A question asks; it does not report ("Should the United Kingdom approve the treaty?").
        bool question = false;
        for (int k = Math.Max(0, s.Count - 3); k < s.Count; k++) question |= s.Upper[k] == "?";
        if (question && g.Modality == Modality.Asserted) g.Modality = Modality.Hypothetical;
    }

    /// <summary>
    /// "the other two men released from the camp", "people accused of offences should be tried",
    /// "a deal bringing Turkey closer": a bare participle right after a noun phrase describes that
    /// noun; a past participle so placed is passive (its noun is the target, "by ..." the source).
    /// </summary>
    private void MarkReducedRelative(SentenceView s, VerbGroup g, List<VerbGroup> all)
    {
        if (g.Infinitive || g.Start != g.VerbStart || g.Start == 0) return;
        // "men indefinitely detained in the UK": one adverb may stand between the noun and its participle.
        int before = s.IsAdverb(g.Start - 1) && g.Start > 1 ? g.Start - 2 : g.Start - 1;
        if (s.NpAt[before] < 0 || s.IsPronoun(before)) return;
        if (s.Tag[g.Main] == "VBG")
        {
            // "Michael Howard has written to Tony Blair demanding an explanation": after a person named as
            // a clause verb's object, the participle tells what the clause's subject did, not the person.
            if (s.ActorAt[before] >= 0 && s.Actors[s.ActorAt[before]].IsPerson
                && all.LastOrDefault(h => h != g && h.End <= s.Phrases[s.NpAt[before]].Start && !h.Infinitive && !h.ReducedRelative && h.Manner is null) is { } main
                && g.Start - main.End <= 8 && !Crosses(s, main.End, g.Start) && !s.Upper[main.End..g.Start].Contains(","))
            {
                g.Manner = main;
                return;
            }
            g.ReducedRelative = true;
            return;
        }
        if (s.Tag[g.Main] != "VBN") return;
        bool byAgent = g.End < s.Count && s.Upper[g.End] == "BY";
        // Another finite verb in the same clause is the clause's own ("people accused of offences should be tried");
        // this one only describes its noun. One beyond "after", "that", ";" belongs to another clause.
        bool Finite(VerbGroup h) => h != g && !h.Infinitive && !h.ReducedRelative && (s.Tag[h.Main] is "VBD" or "VBZ" or "VBP" || h.Start < h.VerbStart);
        bool otherVerb = all.Any(h => Finite(h) && (h.Start > g.End ? !Crosses(s, g.End, h.Start) : !Crosses(s, h.End, g.Start)));
        if (!byAgent && !otherVerb) return;
        g.ReducedRelative = true;
        g.Passive = true;
    }

    /// <summary>For "to ..." groups: the verb or noun whose complement they are ("vowed to", "efforts to").</summary>
    private void FindGovernor(SentenceView s, VerbGroup g, List<VerbGroup> all)
    {
        if (!g.Infinitive) return;
        // An infinitive on its own ("a new post to help ...") reports no act; a governor found below may say otherwise.
        if (g.Modality == Modality.Asserted) g.Modality = Modality.Hypothetical;
        int before = g.Start - 1;
        if (before >= 0 && (s.IsNounTag(before) || s.Tag[before] is "JJ") && IsGoverningWord(s.Upper[before]))
        {
            g.GovernorNoun = before;
            g.Modality = ModalityOf(s.Upper[before], Modality.Asserted, out bool refused);
            if (refused) g.Negated = true;
            return;
        }
        // The verb group just before, up to the length of an object list away ("met Berlusconi and Schroeder to talk").
        int at = all.IndexOf(g) - 1;
        if (at < 0) return;
        var h = all[at];
        if (g.Start - h.End > 16 || Crosses(s, h.End, g.Start)) return;
        g.Governor = h;
        g.Modality = ModalityOf(s.Upper[h.Main], h.Modality, out bool denied);
        if (denied || h.Negated) g.Negated = true;
    }

    private bool IsGoverningWord(string u) =>
        _words.Is("intention", u) || _words.Is("threat", u) || _words.Is("demand", u) || _words.Is("refusal", u);

    private string ModalityOf(string governor, string inherited, out bool refused)
    {
        refused = _words.Is("refusal", governor);
        if (_words.Is("threat", governor)) return Modality.Threatened;
        if (_words.Is("demand", governor)) return Modality.Demanded;
        if (_words.Is("intention", governor)) return inherited == Modality.Future ? Modality.Future : Modality.Intended;
        // "managed to agree" happened; "a duty to protect", "cannot afford to take" did not, as far as the sentence says.
        if (_words.Is("implicative", governor) || refused) return inherited;
        return inherited == Modality.Asserted ? Modality.Hypothetical : inherited;
    }

    // A "to" complement does not reach back over a sentence division or a new clause.
    private bool Crosses(SentenceView s, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (s.Upper[i] is ";" or ":" || _words.Is("subordinator", s.Upper[i]) && s.NpAt[i] < 0 || _words.Is("complementizer", s.Upper[i]) && s.NpAt[i] < 0) return true;
        return false;
    }

    /// <summary>
    /// The modal of the clause a noun opens ("military response ... could be possible", "talks ...
    /// will resume"): the first modal or future auxiliary after the noun, up to its clause's end
    /// or another finite verb.
    /// </summary>
    private string ModalityAfterSubject(SentenceView s, int noun)
    {
        for (int k = noun + 1; k < s.Count && k - noun <= 16; k++)
        {
            if (Crosses(s, k, k + 1) || s.Upper[k] is "," or "WHICH" or "WHO" or "THAT") return Modality.Asserted;
            if (_words.Is("future", s.Upper[k])) return Modality.Future;
            if (_words.Is("hypothetical", s.Upper[k])) return Modality.Hypothetical;
            if (s.Tag[k] is "VBD" or "VBZ" or "VBP") return Modality.Asserted;
        }
        return Modality.Asserted;
    }

    private bool GovernedNounIsCoded(VerbGroup v, List<VerbGroup> verbs)
    {
        // "abandoned efforts to stop": the noun is the object of a coded verb, whose event covers it.
        int at = verbs.IndexOf(v) - 1;
        return at >= 0 && v.GovernorNoun - verbs[at].End <= 6 && verbs[at].Coded;
    }

    /// <summary>
    /// "Labour posters attacking Mr Howard": a verb that attacks with words as often as with weapons codes
    /// force (roots 18-20) only when the sentence shows force (troops, bombs, the killed), or a state or an
    /// armed actor is on either side; otherwise the attack is criticism (111).
    /// </summary>
    private EventCodes Forceless(SentenceView s, VerbGroup v, EventCodes codes, ActorGroup? sources, ActorGroup? targets)
    {
        bool verbal = _words.Is("verbal-attack", s.Upper[v.Main]), needsForce = _words.Is("needs-force", s.Upper[v.Main]);
        if (!verbal && !needsForce) return codes;
        bool Physical(string? c) => c is { Length: >= 2 } && CameoCodebook.QuadClassOf(c[..2]) == 4 && c[..2] is not ("14" or "16" or "17");
        if (!Physical(codes.Forward) && !Physical(codes.Reverse)) return codes;
        for (int i = 0; i < s.Count; i++)
            if (_words.Is("force", s.Upper[i])) return codes;
        // A state, or an armed actor, attacking or attacked: that is force ("Freedonia attacked Sylvania").
        foreach (var g in new[] { sources, targets })
            foreach (var m in g?.Members ?? [])
            {
                if (m.Code.Length == 3 && m.HasActor && !_words.Is("non-country-prefix", m.Code)) return codes;
                for (int k = 0; k + 3 <= m.Code.Length; k += 3)
                    if (m.Code.AsSpan(k, 3) is "MIL" or "REB" or "UAF" or "IMG" or "SPY" or "COP") return codes;
            }
        if (needsForce) return EventCodes.Null;
        return new EventCodes(Physical(codes.Forward) ? "111" : codes.Forward, Physical(codes.Reverse) ? "111" : codes.Reverse);
    }

    /// <summary>Whether the verb's act means something with no second actor named ("dismissed the plan").</summary>
    private bool StandsAlone(SentenceView s, VerbGroup v)
    {
        for (int i = v.VerbStart; i < v.VerbEnd; i++)
            if (_words.Is("stands-alone", s.Upper[i])) return true;
        return false;
    }

    private bool IsProgressive(SentenceView s, VerbGroup v) =>
        s.Tag[v.Main] == "VBG" && v.Start < v.VerbStart && s.Upper[v.VerbStart - 1] is "IS" or "ARE" or "AM" or "'S" or "'RE" or "'M";

    private bool FutureTimeIn(SentenceView s, int from, int to)
    {
        for (int i = from; i < to && i < s.Count; i++)
            if (_words.PhraseAt("future-time", s.Upper, i) > 0) return true;
        return false;
    }

    private bool FutureModified(SentenceView s, int first, int last)
    {
        for (int i = first; i < last && i < s.Count; i++)
            if (_words.Is("future-modifier", s.Upper[i]) && s.NpAt[i] >= 0) return true;
        return false;
    }

    /// <summary>
    /// The patterns of the entries' blocks, each block once, in order: a pattern belongs to one block,
    /// so these are the entries' distinct patterns without hashing every pattern of a big block.
    /// </summary>
    private static IEnumerable<VerbPattern> PatternsOf(IReadOnlyList<VerbEntry> entries)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            var block = entries[i].Block;
            bool seen = false;
            for (int j = 0; j < i && !seen; j++) seen = entries[j].Block == block;
            if (seen) continue;
            foreach (var p in block.Patterns) yield return p;
        }
    }

    private static EventCodes DefaultCodes(IReadOnlyList<VerbEntry> entries)
    {
        // The last dictionary file to give the verb a default decides it (a later file overrides an earlier one);
        // within that file a verb's own code outranks its block's, and between blocks the first listed wins.
        int layer = -1;
        foreach (var e in entries)
            if ((e.OwnCode is not null || e.Block.HasCode) && e.Block.Layer > layer) layer = e.Block.Layer;
        if (layer < 0) return EventCodes.Null;
        foreach (var e in entries) if (e.Block.Layer == layer && e.OwnCode is not null) return e.OwnCode;
        foreach (var e in entries) if (e.Block.Layer == layer && e.Block.HasCode) return e.Block.Code;
        return EventCodes.Null;
    }

    // ------------------------------------------------------------------ roles

    private void ResolveSubject(SentenceView s, VerbGroup v, List<VerbGroup> verbs, ActorGroups groups, ArticleContext context)
    {
        if (v.SubjectResolved) return;
        v.SubjectResolved = true;
        int index = verbs.IndexOf(v);
        if (v.Manner is { } clause)
        {
            v.Subject = clause.Subject;
            return;
        }
        if (v.ReducedRelative)
        {
            int end = v.Start > 0 && s.IsAdverb(v.Start - 1) ? v.Start - 1 : v.Start;
            v.Subject = groups.EndingAt(end, Math.Max(0, end - 12));
            return;
        }
        // "The Lords ruled ..., dealing a blow to ...": a participle after a comma or dash is its clause's subject's.
        if (!v.Infinitive && s.Tag[v.Main] == "VBG" && v.Start > 0 && s.Upper[v.Start - 1] is "," or "-" or "--" or ":" && index > 0)
        {
            for (int k = index - 1; k >= 0; k--)
                if (!verbs[k].Infinitive && verbs[k].Subject is not null) { v.Subject = verbs[k].Subject; return; }
            return;
        }
        // "condemned the attack and promised aid": a verb after "and" shares the subject before it.
        int b = v.Start - 1;
        while (b >= 0 && (s.IsAdverb(b) && s.NpAt[b] < 0)) b--;
        if (b >= 0 && s.Upper[b] is "AND" or "OR" or "BUT" && index > 0)
        {
            var previous = verbs[index - 1];
            // "The premier insisted Mr Brown will have a key role, and praised his handling of the economy":
            // after a comma the verb joins the reporting clause, not the clause it reports.
            if (b > 0 && s.Upper[b - 1] == "," && s.Upper[b] == "AND" && ReportingVerbOf(s, previous, verbs) is { } reporting) previous = reporting;
            if (!previous.Infinitive || previous.Governor is null) { v.Subject = previous.Subject; }
            else v.Subject = previous.Governor.Subject;
            // "likely to be stopped and searched by police": the second verb shares the first's voice and mood.
            if (v.Start == v.VerbStart)
            {
                if (previous.Passive && s.Tag[v.Main] is "VBN" or "VBD") v.Passive = true;
                if (v.Modality == Modality.Asserted) v.Modality = previous.Modality;
                v.Negated |= previous.Negated;
            }
            // The first verb's subject was someone we cannot code: so is this one's; do not look elsewhere.
            return;
        }
        if (v.Infinitive && v.Governor is not null)
        {
            // "urged Bree to help": a demand's object does the act; otherwise its subject does.
            if (_words.Is("demand", s.Upper[v.Governor.Main]))
            {
                var obj = groups.First(v.Governor.End, v.Start);
                if (obj is not null) { v.Subject = obj; return; }
            }
            v.Subject = v.Governor.Subject;
            return;
        }
        if (v.Infinitive && v.GovernorNoun >= 0)
        {
            // "Eriador's refusal to talk": the noun's owner; else whoever governs the noun.
            var owner = groups.EndingAt(v.GovernorNoun + 1, Math.Max(0, v.GovernorNoun - 6));
            if (owner is not null && !owner.IsEmpty) { v.Subject = owner; return; }
            if (index > 0) v.Subject = verbs[index - 1].Subject;
            return;
        }

        int regionStart = ClauseStart(s, v, out int boundary);
        v.ClauseStart = regionStart;
        // "if political parties telephoned people": an act under a condition has not happened; nor has
        // "would attack ... if the talks failed", the main clause of a condition.
        if (boundary >= 0 && _words.Is("conditional", s.Upper[boundary]) && v.Modality is Modality.Asserted or Modality.Hypothetical) v.Modality = Modality.Conditional;
        else if (v.Modality == Modality.Hypothetical && HasCondition(s)) v.Modality = Modality.Conditional;
        // "Neither Galadriel nor Gollum boycotted": the verb is denied for all of them.
        if (regionStart < v.Start && s.Upper[regionStart] == "NEITHER") v.Negated = true;
        // "In October, Mr Straw ...", "Despite criticism from Gondor, Arnor ...", "Before visiting Israel, Mr Blair made ...":
        // an opening phrase or clause is not the subject.
        if (regionStart < v.Start && (s.Tag[regionStart] == "IN" || boundary >= 0 && (s.IsVerbTag(boundary) || _words.Is("subordinator", s.Upper[boundary]))))
            for (int k = v.Start - 1; k > regionStart; k--)
                if (s.Upper[k] == ",") { regionStart = k + 1; break; }
        // "a woman who shot at ...": a relative pronoun right before its verb stands for the noun before it ("in which he praised" has a subject of its own).
        if (boundary >= 0 && boundary == FirstNonAdverbBefore(s, v.Start) && (_words.Is("relative", s.Upper[boundary]) || s.Tag[boundary] == "WDT"))
        {
            // "a woman who shot at ...": the relative pronoun stands for the noun before it.
            int end = boundary;
            if (end > 0 && s.Upper[end - 1] == ",") end--;
            v.Subject = groups.EndingAt(end, 0);
            if (v.Subject is not null) return;
        }
        v.Subject = SubjectFrom(s, regionStart, v.Start, verbs, index, groups, context);
        // "Oliver Letwin, for the Tories, attacked ...": whom someone speaks for is the actor.
        if (v.Subject is null && SpeaksFor(s, v, groups) is { } side) { v.Subject = side; return; }
        v.UncodedPersonSubject = v.Subject is null && StartsWithUncodedPerson(s, regionStart, v.Start);
    }

    /// <summary>The actor of an aside ", for the Tories," right before the verb.</summary>
    private static ActorGroup? SpeaksFor(SentenceView s, VerbGroup v, ActorGroups groups)
    {
        int close = v.Start - 1;
        if (close < 3 || s.Upper[close] != ",") return null;
        for (int c = close - 1; c >= Math.Max(0, close - 8); c--)
        {
            if (s.Upper[c] != ",") continue;
            if (s.Upper[c + 1] != "FOR") return null;
            var g = groups.First(c + 2, close);
            return g is { IsEmpty: false } && g.End == close ? g : null;
        }
        return null;
    }

    /// <summary>The reporting verb whose complement clause <paramref name="v"/> is ("said (that) he ...").</summary>
    private static VerbGroup? ReportingVerbOf(SentenceView s, VerbGroup v, List<VerbGroup> verbs)
    {
        for (int k = verbs.IndexOf(v) - 1; k >= 0; k--)
        {
            var h = verbs[k];
            if (!h.IsReporting) continue;
            return v.Start - h.End <= 12 && h.Subject is { IsEmpty: false } ? h : null;
        }
        return null;
    }

    /// <summary>"Sir Andrew Green, chairman of the organisation, says ...": the clause's subject is a person we cannot code.</summary>
    private static bool StartsWithUncodedPerson(SentenceView s, int from, int to)
    {
        int i = from;
        while (i < to && s.NpAt[i] < 0 && !s.IsWord[i]) i++;
        if (i >= to || s.NpAt[i] < 0) return false;
        var p = s.Phrases[s.NpAt[i]];
        for (int k = p.Start; k < p.End && k < to; k++) if (s.UncodedPerson[k]) return true;
        return false;
    }

    /// <summary>
    /// The subject at the start of a clause region: its first phrase, or a name in the phrases that
    /// hang on it by "of", "between", "in" ... ("resumption of ties between Arnor and Gondor"). A name
    /// the dictionaries do not know ends the search: the subject is someone we cannot code.
    /// </summary>
    private ActorGroup? SubjectFrom(SentenceView s, int from, int to, List<VerbGroup> verbs, int index, ActorGroups groups, ArticleContext context)
    {
        int i = from;
        // Stray words before the subject, and the quotation mark closing a quote before its speaker ('..." Oxfam's director said').
        while (i < to && s.NpAt[i] < 0 && (s.IsAdverb(i) || s.Tag[i] is "CC" || s.Upper[i] is "," or "NEITHER" or "EITHER" || s.Tag[i] is "DT" or "PDT" || IsQuoteMark(s.Upper[i]))) i++;
        for (int hops = 0; i < to && hops < 5; hops++)
        {
            int np = s.NpAt[i];
            if (np < 0 || s.Phrases[np].Start != i) return null;
            if (s.IsPronoun(i))
            {
                var resolved = Pronoun(s, i, verbs, index, groups, context);
                // The antecedent's actors, at the pronoun's place in this sentence.
                return resolved is null ? null : new ActorGroup(resolved.Members.Select(m => m with { Start = i, End = i + 1 }).ToList(), i, i + 1);
            }
            var g = groups.At(np, to);
            if (!g.IsEmpty) return g;
            if (IsUnknownName(s, np)) return null;
            int next = g.End > i ? g.End : s.Phrases[np].End;
            while (next < to && s.Upper[next] is "(" or ")") next++;
            // "resumption of ties between Arnor and Gondor", "soldiers from Gondor"; not "his words about Bush".
            // "A report by the Commons committee called for ...": the report's author acts.
            if (next + 1 >= to || s.Upper[next] is not ("OF" or "BETWEEN" or "AMONG" or "FROM" or "IN" or "AT" or "FOR" or "WITHIN" or "BY")) return null;
            i = next + 1;
        }
        return null;
    }

    /// <summary>A phrase headed by a proper name no dictionary knows ("Lord Butler"): a real actor we cannot code.</summary>
    private static bool IsUnknownName(SentenceView s, int np)
    {
        var p = s.Phrases[np];
        int head = p.End - 1;
        for (int k = p.Start; k < p.End; k++) if (s.InMention(k)) return false;
        return s.Tag[head] is "NNP" or "NNPS" && s.Form[head].Length > 1 && char.IsUpper(s.Form[head][0]);
    }

    private bool HasCondition(SentenceView s)
    {
        for (int i = 0; i < s.Count; i++)
            if (_words.Is("conditional", s.Upper[i]) && s.NpAt[i] < 0) return true;
        return false;
    }

    private static int FirstNonAdverbBefore(SentenceView s, int i)
    {
        int j = i - 1;
        while (j >= 0 && s.IsAdverb(j)) j--;
        return j;
    }

    /// <summary>Who reports the clause of <paramref name="v"/>: the subject of "said" in "X said (that) ...", or of "according to X".</summary>
    private string? ReportedBy(SentenceView s, VerbGroup v, List<VerbGroup> verbs)
    {
        for (int k = verbs.IndexOf(v) - 1; k >= 0; k--)
        {
            var h = verbs[k];
            if (!h.IsReporting) continue;
            // The reported clause follows the reporting verb directly, or after "that" and a few words of its own.
            if (v.Start - h.End > 12 || h.Subject is null) break;
            return s.Surface(h.Subject.Start, h.Subject.End);
        }
        for (int i = 0; i + 2 < s.Count; i++)
        {
            int n = _words.PhraseAt("attribution-phrase", s.Upper, i);
            if (n == 0 || s.NpAt[i + n] < 0) continue;
            var p = s.Phrases[s.NpAt[i + n]];
            if (v.Start >= p.Start && v.Start < p.End) return null;
            return s.Surface(p.Start, p.End);
        }
        return null;
    }

    /// <summary>
    /// Where the clause of <paramref name="v"/> starts: after a subordinator, complementizer, relative
    /// pronoun, earlier verb, semicolon or a comma-and introducing a new clause; comma-enclosed asides
    /// just before the verb are stepped over. <paramref name="boundary"/> is the token that ended the walk.
    /// </summary>
    private int ClauseStart(SentenceView s, VerbGroup v, out int boundary)
    {
        boundary = -1;
        int j = v.Start - 1;
        // "Arnor's foreign minister, in remarks published on Monday, urged": skip the aside.
        if (j >= 1 && s.Upper[j] == ",")
        {
            for (int k = j - 1; k >= Math.Max(0, j - 16); k--)
            {
                if (s.Upper[k] is ";" or ":") break;
                if (s.Upper[k] == "," && k > 0 && s.NpAt[k - 1] >= 0) { j = k - 1; break; }
            }
        }
        bool verbSeen = false;
        for (int k = 0; k < j; k++) if (s.IsVerbTag(k) && s.NpAt[k] < 0 && !_words.Is("auxiliary", s.Upper[k])) { verbSeen = true; break; }
        for (; j >= 0; j--)
        {
            var u = s.Upper[j];
            if (u is ";" or ":" or "\"" or "``" or "''" or "--" or "-" && s.NpAt[j] < 0 && j + 1 < s.Count && s.NpAt[j + 1] < 0 && !s.IsWord[j]) { boundary = j; return j + 1; }
            if (s.NpAt[j] >= 0 || s.ActorAt[j] >= 0) continue;
            if (_words.Is("subordinator", u) || _words.Is("complementizer", u) || _words.Is("conditional", u) || _words.Is("relative", u) || s.Tag[j] is "WDT" or "WP" or "WRB")
            {
                boundary = j;
                return j + 1;
            }
            if (s.IsVerbTag(j) && !InAnyAside(s, j)) { boundary = j; return j + 1; }
            if (u is "AND" or "BUT" && j > 0 && s.Upper[j - 1] == "," && verbSeen) { boundary = j; return j + 1; }
        }
        return 0;
    }

    // A participle inside a noun phrase's modifier ("crowds carrying flags") is not a clause's verb.
    private static bool InAnyAside(SentenceView s, int j) => s.Tag[j] is "VBG" or "VBN" && j > 0 && s.NpAt[j - 1] >= 0 && j + 1 < s.Count && s.Upper[j + 1] is "BY" or "IN" or "ON" or "AT" or "FROM" or "TO";

    private static bool IsVerbal(EventCodes codes) =>
        codes.Forward is { Length: >= 2 } f && CameoCodebook.QuadClassOf(f[..2]) is 1 or 3;

    /// <summary>The possessive pronoun opening the verb's object (or, passive, its subject): "praised his handling".</summary>
    private int? PossessiveObject(SentenceView s, VerbGroup v, int ceiling)
    {
        int i;
        if (v.Passive)
        {
            if (v.Subject is not null || v.ClauseStart < 0) return null;
            i = v.ClauseStart;
            while (i < v.Start && !s.IsWord[i]) i++;
        }
        else
        {
            i = v.End;
            while (i < ceiling && (s.IsAdverb(i) || s.Tag[i] is "RP")) i++;
        }
        if (i >= s.Count || i >= ceiling && !v.Passive || s.Tag[i] != "PRP$" || !_words.Is("possessive", s.Upper[i])) return null;
        return i;
    }

    private ActorGroup? Pronoun(SentenceView s, int i, List<VerbGroup> verbs, int index, ActorGroups groups, ArticleContext context)
    {
        var u = s.Upper[i];
        // The nearest earlier subject in this sentence of the right kind, else the last of that kind in the article.
        if (_words.Is("pronoun-person", u))
        {
            for (int k = index - 1; k >= 0; k--)
            {
                if (verbs[k].Subject is { } g && g.Members.Count == 1 && g.Members[0].IsPerson) return g;
                // "Sir Andrew Green says he opposes ...": he is the man we cannot code, not someone named before him.
                if (verbs[k].UncodedPersonSubject) return null;
            }
            return context.LastPerson;
        }
        if (_words.Is("pronoun-thing", u))
        {
            for (int k = index - 1; k >= 0; k--)
                if (verbs[k].Subject is { } g && g.Members.Count == 1 && !g.Members[0].IsPerson) return g;
            return context.LastThing;
        }
        if (_words.Is("pronoun-plural", u))
        {
            for (int k = index - 1; k >= 0; k--)
                if (verbs[k].Subject is { } g && g.Members.Count > 1) return g;
            return context.LastPlural;
        }
        return null;
    }

    /// <summary>How far after the verb its object may be sought: not into a coordinated clause or a closing "..., officials said".</summary>
    private int ScopeEnd(SentenceView s, VerbGroup v, List<VerbGroup> verbs, Attribution? attribution)
    {
        int end = s.Count;
        if (attribution is { } a && v.Start < a.Comma) end = a.Comma;
        for (int i = v.End; i < end; i++)
        {
            if (s.Upper[i] is ";" or ":") return i;
            if (s.Upper[i] is "AND" or "BUT" or "OR" && s.NpAt[i] < 0)
            {
                // "... and promised aid": the next verb right after the conjunction starts its own scope.
                int k = i + 1;
                while (k < end && s.IsAdverb(k)) k++;
                if (k < end && verbs.Any(g => g.Start == k || g.VerbStart == k)) return i;
                // "..., and Gondor signed ...", "Germany proposed a freeze and Canada has begun ...": a new clause with its own subject.
                // Without a comma, "Dagolath and Osgiliath can cope" is one subject: names on both sides of "and" are a pair.
                bool comma = i > 0 && s.Upper[i - 1] == ",";
                if (NewClauseAt(s, k, end, verbs) && (comma || !(i > 0 && s.ActorAt[i - 1] >= 0 && s.ActorAt[k] >= 0))) return comma ? i - 1 : i;
            }
        }
        return end;
    }

    private static bool NewClauseAt(SentenceView s, int k, int end, List<VerbGroup> verbs)
    {
        if (k >= end || s.NpAt[k] < 0) return false;
        int after = s.Phrases[s.NpAt[k]].End;
        return verbs.Any(g => g.Start == after);
    }

    private (ActorGroup? Sources, ActorGroup? Targets, ActorGroup? Mutual) Roles(SentenceView s, VerbGroup v, PatternMatch? match, ActorGroups groups, int ceiling, List<VerbGroup> verbs)
    {
        ActorGroup? source = match?.Source, target = match?.Target;
        if (match?.Compound is { } compound)
        {
            if (match.CompoundBeforeVerb && source is null && target is null) return (null, null, compound);
            if (match.CompoundBeforeVerb) source ??= compound;
            else target ??= compound;
        }
        if (v.Passive)
        {
            // "described as 'irresponsible' and 'outrageous' by the commission": the agent follows the pattern's words.
            source ??= ByAgent(s, Math.Max(v.End, match?.Last ?? v.End), groups, ceiling);
            target ??= v.Subject;
        }
        else
        {
            source ??= v.Subject;
            target ??= ObjectOf(s, v, v.End, groups, ceiling, source, verbs)
                       ?? (match is not null && match.Last > v.End ? ObjectOf(s, v, match.Last, groups, ceiling, source, verbs) : null);
        }
        // "noted that Cirith Ungol regretted": when the pattern's target is the clause's subject, the source is the sentence's.
        if (source is not null && target is not null && ReferenceEquals(source, target) || source is not null && target is not null && SameActors(source, target))
        {
            int index = verbs.IndexOf(v);
            source = null;
            for (int k = index - 1; k >= 0 && source is null; k--)
                if (verbs[k].Subject is { } g && !SameActors(g, target)) source = g;
            source ??= groups.First(0, target.Start);
        }
        return (source, target, null);
    }

    private static string Describe(SentenceView s, ActorGroup? g) =>
        g is null ? "-" : $"'{s.Surface(g.Start, g.End)}'=" + string.Join(",", g.Members.Select(m => m.Code));

    /// <summary>
    /// The verb's target: the first actor group in the chain of phrases after it — its object, the
    /// prepositional phrases that follow ("restore ties with Gondor", "signed a protocol for 1990 with
    /// Dagolath"), a participle's ("roads leading into Mordor"), and once, a complement clause's
    /// subject or object ("believes Dagolath can cope", "said he has satisfaction toward Gondor",
    /// "signed an accord to supply Gondor"). The chain ends at a comma, a conjunction or a new clause.
    /// </summary>
    private ActorGroup? ObjectOf(SentenceView s, VerbGroup v, int from, ActorGroups groups, int ceiling, ActorGroup? source, List<VerbGroup> verbs)
    {
        // The chain starts after the words the pattern matched ("halted his march | towards ..."), counting the phrase they ended in.
        int i = from, phrases = 0;
        if (i < ceiling && i > v.End && s.NpAt[i] >= 0 && s.Phrases[s.NpAt[i]].Start < i) { i = s.Phrases[s.NpAt[i]].End; phrases = 1; }
        bool clause = false, expectVerb = false, afterPhrase = false;
        // The target is among the first three phrases: farther, it is what the object is about, not whom the act is at.
        while (i < ceiling && phrases < 3)
        {
            var u = s.Upper[i];
            int np = s.NpAt[i];
            // Words between the phrases of the chain: adverbs, particles, stray determiners and hyphens ("an anti- Gondor parade").
            if (np < 0 && (s.IsAdverb(i) || s.Tag[i] is "RP" or "JJ" or "POS" or "DT" or "PDT" or "CD" || u is "_" or "-")) { i++; continue; }
            if (np >= 0 && s.Phrases[np].Start == i)
            {
                if (s.IsPronoun(i))
                {
                    // A complement clause's pronoun subject ("said he has ..."): look into its verb's objects instead.
                    if (!verbs.Any(g => g.Start > i && g.Start <= i + 2 && g.Start == NextNonAdverb(s, i + 1))) return null;
                    clause = true;
                    expectVerb = true;
                    i++;
                    continue;
                }
                // Two phrases in a row only right after the verb ("told MPs the plan", "criticised the way Blair's government ..."):
                // elsewhere the second starts a new clause ("left for Africa on Tuesday the chancellor told ...").
                if (afterPhrase && phrases > 1 && !clause) return null;
                var g = groups.At(np, ceiling);
                if (!g.IsEmpty && !SameMention(g, source)) return g;
                // "accused Lord Butler of ...": the object is someone the dictionaries do not know; do not reach past him.
                if (g.IsEmpty && phrases == 0 && i == from && IsUnknownName(s, np)) return null;
                expectVerb = clause && phrases == 0 && !expectVerb;
                i = Math.Max(s.Phrases[np].End, g.IsEmpty ? 0 : g.End);
                phrases++;
                afterPhrase = true;
                continue;
            }
            bool wasPhrase = afterPhrase;
            afterPhrase = false;
            if (s.Tag[i] is "IN" or "TO" && !_words.Is("subordinator", u) && !_words.Is("complementizer", u) && i + 1 < ceiling) { i++; continue; }
            if (!clause && (_words.Is("complementizer", u) || u == "WHETHER")) { clause = true; i++; continue; }
            var next = verbs.FirstOrDefault(g => g.Start == i);
            bool participle = next is not null && next.VerbStart == v.End && s.Tag[next.Main] is "VBN" or "VBG"; // "believed linked to"
            if (next is not null && (next.Infinitive || expectVerb || participle || !clause && phrases <= 1 && wasPhrase))
            {
                if (!next.Infinitive) clause = true;
                expectVerb = false;
                i = next.End;
                continue;
            }
            // "the roads leading into Mordor", "memos sent by Bree": a participle after a phrase carries the chain on.
            if (s.Tag[i] is "VBG" or "VBN" or "VBD" && i > 0 && s.NpAt[i - 1] >= 0 && i + 1 < ceiling && s.Tag[i + 1] is "IN" or "TO")
            {
                i = next?.End ?? i + 1;
                continue;
            }
            break;
        }
        return null;
    }

    private static int NextNonAdverb(SentenceView s, int i)
    {
        while (i < s.Count && s.IsAdverb(i)) i++;
        return i;
    }

    private static bool HasSlotAfterVerbOnly(VerbPattern p)
    {
        bool before = false, after = false;
        for (int k = 0; k < p.Elements.Length; k++)
        {
            if (p.Elements[k].Kind is not (PatternElementKind.Source or PatternElementKind.Target or PatternElementKind.Compound)) continue;
            if (k < p.VerbIndex) before = true; else after = true;
        }
        return after && !before;
    }

    private static bool IsPronounPhrase(SentenceView s, int np) => s.IsPronoun(s.Phrases[np].Start);

    /// <summary>The same words of the sentence (not merely the same code: Blair and Brown are both GBRGOV).</summary>
    private static bool SameMention(ActorGroup? a, ActorGroup? b) => a is not null && b is not null && a.Start < b.End && b.Start < a.End;

    /// <summary>
    /// A dyad of one code with itself is no event between countries ("Gondor ... Gondor"), but two people or
    /// bodies of one government may well act on each other: "Blair backed Brown" is GBRGOV to GBRGOV.
    /// </summary>
    private static bool SelfDyad(ActorRef x, ActorRef y) => x.Code == y.Code && (x.Code.Length <= 3 || x.Start < y.End && y.Start < x.End);

    private static bool SameActors(ActorGroup? a, ActorGroup? b) =>
        a is not null && b is not null && !a.IsEmpty && a.Members.Count == b.Members.Count && a.Members.All(m => b.Members.Any(n => n.Code == m.Code));

    /// <summary>The "by ..." agent of a passive verb.</summary>
    private static ActorGroup? ByAgent(SentenceView s, int from, ActorGroups groups, int ceiling)
    {
        for (int i = from; i < ceiling - 1 && i < from + 6; i++)
        {
            if (s.Upper[i] != "BY") continue;
            int np = s.NpAt[i + 1];
            if (np < 0) return null;
            var g = groups.At(np, ceiling);
            return g.IsEmpty ? null : g;
        }
        return null;
    }

    // ------------------------------------------------------------------ attribution

    private sealed record Attribution(int Comma, string Claimant);

    /// <summary>"..., a senior official said on Saturday." at the end of a sentence: who claims the rest of it.</summary>
    private Attribution? TrailingAttribution(SentenceView s, List<VerbGroup> verbs, ActorGroups groups)
    {
        for (int k = verbs.Count - 1; k >= 0; k--)
        {
            var v = verbs[k];
            if (!v.IsReporting) continue;
            // Find the comma before the reporting clause's subject.
            int j = v.Start - 1;
            while (j >= 0 && s.Upper[j] != "," && (s.NpAt[j] >= 0 || s.IsAdverb(j))) j--;
            // 'This must stop," Oxfam's director said': the closing quotation mark stands between comma and speaker.
            int quote = j;
            while (j >= 1 && IsQuoteMark(s.Upper[j]) && s.NpAt[j] < 0) j--;
            if (j < 1 || s.Upper[j] != ",") return null;
            if (quote != j) j = quote;
            // After the verb: only time and place, then the end.
            for (int i = v.End; i < s.Count; i++)
                if (s.IsVerbTag(i) || s.Upper[i] is "THAT" or ",") return null;
            // "..., a senior official said." or, inverted, "..., says Tory leader Michael Howard."
            int last = s.Count;
            while (last > v.End && !s.IsWord[last - 1]) last--;
            var claimant = j + 1 < v.Start ? s.Surface(j + 1, v.Start)
                : last > v.End && s.NpAt[v.End] >= 0 ? s.Surface(v.End, last) : null;
            if (claimant is null) return null;
            // The reported clause's events are the claimant's; the reporting verb's own subject is the claimant.
            return new Attribution(j, claimant);
        }
        return null;
    }

    private static bool IsQuoteMark(string u) => u is "\"" or "''" or "``" or "'" or "\u201D" or "\u201C";

    private static string? QuoteSpeaker(Article article, SentenceView s, VerbGroup v)
    {
        int at = s.Start[v.Main];
        foreach (var q in article.Quotes)
            if (q.Span.Start <= at && at < q.Span.End && q.Speaker is not null) return q.Speaker;
        return null;
    }

    // ------------------------------------------------------------------ reported appeals

    // CAMEO's codes for what a reported "should" and "must" are: an appeal (02), a demand (10).
    private const string AppealCode = "020", DemandCode = "100";

    /// <summary>
    /// "Mr Howard said Britain should take its fair share", "Harry should apologise, says Mr Howard": a
    /// reported clause with "should" (or "needed to") is the reporter's appeal to its subject, with "must"
    /// a demand. Only the clause the reporting verb governs counts (not a relative clause inside it), and
    /// not the speaker's own resolve ("we should safeguard ...").
    /// </summary>
    private void CodeReportedAppeals(SentenceView s, List<VerbGroup> verbs, ActorGroups groups, Attribution? attribution, List<Event> output, string? home)
    {
        foreach (var v in verbs)
        {
            string? code = null;
            VerbGroup clause = v;
            if (v.Infinitive && v.Governor is { } g && !g.Infinitive && _words.Is("reported-appeal", s.Upper[g.Main]))
            {
                code = AppealCode;
                clause = g;
            }
            else if (!v.Infinitive)
                for (int i = v.Start; i < v.VerbStart && code is null; i++)
                {
                    if (_words.Is("reported-appeal", s.Upper[i])) code = AppealCode;
                    else if (_words.Is("reported-demand", s.Upper[i])) code = DemandCode;
                }
            if (code is null || clause.ClauseStart < 0 || clause.Modality == Modality.Conditional) continue;
            // "what he thinks should be the key themes": a "should be" that is no passive describes, it asks nothing.
            if (_words.Is("copula", s.Upper[v.Main]) && !v.Passive) continue;
            var reporter = ReporterOf(s, clause, verbs, groups, attribution);
            if (reporter is null || reporter.IsEmpty) continue;
            // The reported clause's subject stands right at its start: not "his view of the direction Labour should be taking".
            int subject = clause.ClauseStart;
            while (subject < clause.Start && !s.IsWord[subject]) subject++;
            if (subject >= clause.Start || s.NpAt[subject] < 0 || s.Phrases[s.NpAt[subject]].Start != subject) continue;
            if (verbs.Any(h => h != clause && h.Start > subject && h.Start < clause.Start)) continue;
            if (clause.Subject is { IsEmpty: false } named && named.Start != subject) continue;
            if (_words.Is("pronoun-speaker", s.Upper[subject])) continue;
            var target = clause.Subject is { IsEmpty: false } t && !SameMention(t, reporter) ? t : null;
            var act = new VerbGroup { Start = v.Start, End = v.End, Main = v.Main };
            foreach (var x in reporter.Members)
            {
                if (target is null) { output.Add(Make(s, code, x, null, v.Start, v.End, act, false, null, home)); continue; }
                foreach (var y in target.Members)
                    if (!SelfDyad(x, y)) output.Add(Make(s, code, x, y, v.Start, v.End, act, false, null, home));
            }
        }
    }

    /// <summary>Who reports the clause: the subject of the reporting verb right before it ("said (that) ..."), or of a closing ", says X".</summary>
    private static ActorGroup? ReporterOf(SentenceView s, VerbGroup clause, List<VerbGroup> verbs, ActorGroups groups, Attribution? attribution)
    {
        foreach (var h in verbs)
        {
            if (!h.IsReporting || h.End > clause.Start || h.Modality != Modality.Asserted || h.Negated) continue;
            int start = h.End < s.Count && s.Upper[h.End] == "THAT" ? h.End + 1 : h.End;
            if (clause.ClauseStart == start) return h.Subject;
            // "has said the Lords needs its own Speaker and that peers should lead the way": a second complement.
            if (clause.ClauseStart >= 2 && s.Upper[clause.ClauseStart - 1] == "THAT" && s.Upper[clause.ClauseStart - 2] == "AND"
                && clause.ClauseStart - h.End <= 20 && !verbs.Any(g => g.IsReporting && g.Start > h.Start && g.Start < clause.Start)) return h.Subject;
        }
        if (attribution is { } a && clause.End <= a.Comma)
        {
            // The reported clause opens the sentence (after a quotation mark at most).
            for (int i = 0; i < clause.ClauseStart; i++) if (s.IsWord[i]) return null;
            var h = verbs.LastOrDefault(g => g.IsReporting && g.Start > a.Comma);
            if (h is null || h.Modality != Modality.Asserted || h.Negated) return null;
            return h.Subject is { IsEmpty: false } ? h.Subject : groups.First(h.End, s.Count);
        }
        return null;
    }

    // ------------------------------------------------------------------ nominal events

    private void CodeNouns(Article article, SentenceView s, List<VerbGroup> verbs, ActorGroups groups, PatternMatcher matcher,
        List<(VerbGroup Group, int First, int Last)> coded, Attribution? attribution, List<Event> output, string? home)
    {
        if (_dictionaries.Nouns.FormCount == 0) return;
        for (int i = 0; i < s.Count; i++)
        {
            if (!s.IsNounTag(i) || s.ActorAt[i] >= 0) continue;
            var entries = _dictionaries.Nouns.Lookup(s.Upper[i]);
            if (entries.Count == 0) continue;
            // A verb's event already tells of its noun ("held talks with", "postponed the visit").
            if (coded.Any(c => i >= c.First && i < c.Last)) continue;
            // The verb the noun hangs on: the last before it in the same clause ("is to join X in a visit to Y").
            var governor = verbs.LastOrDefault(g => g.End <= i && i - g.End <= 15 && !Crosses(s, g.End, i));
            if (governor is not null && coded.Any(c => c.Group == governor) && i - governor.End < 6 && !Crosses(s, governor.End, i)) continue;
            int ceiling = s.Count;
            if (attribution is { } a && i < a.Comma) ceiling = a.Comma;
            var match = matcher.Best(PatternsOf(entries), i, i + 1, 0, ceiling);
            if (match is null || match.Pattern.Codes.IsNull) continue;
            if (match.Target is null && match.Compound is null) continue;

            string modality = Modality.Asserted;
            bool negated = false;
            for (int k = i - 1; k >= 0 && s.NpAt[k] >= 0 && s.NpAt[k] == s.NpAt[i]; k--)
            {
                if (_words.Is("future-modifier", s.Upper[k])) modality = Modality.Future;
                if (s.Upper[k] is "NO") negated = true;
            }
            if (governor is not null)
            {
                if (governor.Modality != Modality.Asserted && modality == Modality.Asserted) modality = governor.Modality;
                if (governor.Negated || _words.Is("cancel", s.Upper[governor.Main]) || _words.Is("refusal", s.Upper[governor.Main])) negated = true;
            }
            // "warned that some form of military response ... could be possible": a noun that is the subject
            // of the verb after it is only as real as that verb says.
            if (modality == Modality.Asserted) modality = ModalityAfterSubject(s, i);

            ActorGroup? source = match.Source, target = match.Target, mutual = null;
            if (match.Compound is { } compound)
            {
                if (source is null && target is null) mutual = compound;
                else target ??= compound;
            }
            // The event's doer: "Brown's visit", "the visit by Brown", or the subject of the verb it hangs on ("Brown held talks").
            source ??= mutual is null ? NounOwner(s, i, groups) ?? (governor is not null && (_words.Is("light-verb", s.Upper[governor.Main]) || IsAdjunctOf(s, governor, i)) ? governor.Subject : null) : null;
            if (mutual is null && (source is null || target is null)) continue;
            int first = Math.Min(i, match.First), last = Math.Max(i + 1, match.Last);
            var v = new VerbGroup { Start = i, End = i + 1, Main = i, Modality = modality, Negated = negated };
            string? claimant = governor?.Claimant ?? (attribution is { } at && i < at.Comma ? at.Claimant : null) ?? QuoteSpeaker(article, s, v);
            var codes = match.Pattern.Codes;
            if (mutual is not null)
            {
                foreach (var x in mutual.Members)
                    foreach (var y in mutual.Members)
                        if (x.Code != y.Code && codes.Forward is { } f) output.Add(Make(s, f, x, y, first, last, v, negated, claimant, home));
                continue;
            }
            foreach (var x in source!.Members)
                foreach (var y in target!.Members)
                {
                    if (SelfDyad(x, y)) continue;
                    if (codes.Forward is { } f) output.Add(Make(s, f, x, y, first, last, v, negated, claimant, home));
                    if (codes.Reverse is { } r) output.Add(Make(s, r, y, x, first, last, v, negated, claimant, home));
                }
        }
    }

    /// <summary>"said in a meeting with", "spoke during talks with": the noun is a circumstance of the verb, so its actor is the verb's subject.</summary>
    private static bool IsAdjunctOf(SentenceView s, VerbGroup governor, int noun)
    {
        int np = s.NpAt[noun];
        if (np < 0) return false;
        int before = s.Phrases[np].Start - 1;
        return before >= governor.End && before - governor.End <= 2 && s.Upper[before] is "IN" or "AT" or "DURING" or "AFTER";
    }

    /// <summary>The actor a noun belongs to: a name earlier in its own phrase ("Brown's visit"), or "by ..." after it.</summary>
    private static ActorGroup? NounOwner(SentenceView s, int i, ActorGroups groups)
    {
        int np = s.NpAt[i];
        if (np >= 0 && s.Phrases[np].Start < i)
        {
            for (int k = s.Phrases[np].Start; k < i; k++)
                if (s.ActorAt[k] >= 0)
                {
                    var g = groups.At(np, s.Count);
                    if (!g.IsEmpty) return g;
                }
        }
        if (i + 2 < s.Count && s.Upper[i + 1] == "BY" && s.NpAt[i + 2] >= 0)
        {
            var g = groups.At(s.NpAt[i + 2], s.Count);
            if (!g.IsEmpty) return g;
        }
        return null;
    }

    // ------------------------------------------------------------------ output

    private static Event Make(SentenceView s, string code, ActorRef source, ActorRef? target, int first, int last, VerbGroup v, bool negated, string? claimant, string? home)
    {
        var described = CameoCodebook.Describe(code);
        return new Event(s.SpanOf(first, last), code)
        {
            Source = WithHome(source, home),
            Target = target is null ? null : WithHome(target, home),
            SourceSpan = s.SpanOf(source.Start, source.End),
            TargetSpan = target is null ? null : s.SpanOf(target.Start, target.End),
            Root = described.Root,
            QuadClass = described.QuadClass,
            Goldstein = described.Goldstein,
            Modality = v.Modality,
            Negated = negated,
            Claimant = claimant,
        };
    }

    private static string WithHome(ActorRef r, string? home) => !r.HasActor && home is not null ? home + r.Code : r.Code;

    private void Remember(SentenceView s, List<VerbGroup> verbs, ArticleContext context)
    {
        foreach (var v in verbs)
        {
            // The last person named is whom "he" or "she" most likely means next, coded or not.
            if (v.UncodedPersonSubject) context.LastPerson = null;
            if (v.Subject is not { IsEmpty: false } g) continue;
            if (g.Members.Count > 1) context.LastPlural = g;
            else if (g.Members[0].IsPerson) context.LastPerson = g;
            else context.LastThing = g;
        }
        context.LastView = s;
    }
}
