using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Syntax;

namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>
/// An actor named in a sentence: tokens [Start, End), its codes on the article's day, and whether it is a person.
/// <paramref name="RoleOnly"/>: the code is a role without a country ("President Smith": GOV), which takes
/// the article's home country as a role word does.
/// </summary>
internal sealed record ActorMention(int Start, int End, string[] Codes, bool IsPerson, bool FromEntity, bool RoleOnly = false);

/// <summary>A role word in a sentence ("police", "foreign minister"): tokens [Start, End) and its agent code.</summary>
internal sealed record AgentMention(int Start, int End, string Code, bool Before);

/// <summary>A base noun phrase: tokens [Start, End).</summary>
internal readonly record struct NounPhrase(int Start, int End);

/// <summary>
/// The article's tokens in the forms the coder reads (the tagger's form, upper-cased, word or not),
/// made once per article: the home-country scan and every sentence view share them.
/// </summary>
internal sealed class ArticleWords
{
    public ArticleWords(string text, IReadOnlyList<Token> tokens)
    {
        Form = new string[tokens.Count];
        Upper = new string[tokens.Count];
        IsWord = new bool[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            Form[i] = PosFeatures.Form(text.AsSpan(t.Start, t.Length));
            Upper[i] = Form[i].ToUpperInvariant();
            IsWord[i] = t.Kind is TokenKind.Word or TokenKind.Number;
        }
    }

    public string[] Form { get; }
    public string[] Upper { get; }
    public bool[] IsWord { get; }
}

/// <summary>
/// One sentence as the coder sees it: its tokens (as offsets, upper-cased forms and Penn
/// Treebank tags), its base noun phrases, and the actors and agents named in it. Built once per
/// sentence; everything else the coder does reads it.
/// </summary>
internal sealed class SentenceView
{
    public SentenceView(string text, IReadOnlyList<Token> tokens, ArticleWords words, int first, int count, PosTagger tagger)
    {
        Text = text;
        Count = count;
        Start = new int[count];
        End = new int[count];
        for (int i = 0; i < count; i++)
        {
            var t = tokens[first + i];
            Start[i] = t.Start;
            End[i] = t.End;
        }
        Form = words.Form.AsSpan(first, count).ToArray();
        Upper = words.Upper.AsSpan(first, count).ToArray();
        IsWord = words.IsWord.AsSpan(first, count).ToArray();
        var tagIndex = new byte[count];
        tagger.Tag(Form, tagIndex);
        Tag = new string[count];
        for (int i = 0; i < count; i++) Tag[i] = tagger.TagName(tagIndex[i]);
        ActorAt = NoneYet(count);
        AgentAt = NoneYet(count);
        NpAt = NoneYet(count);
    }

    /// <summary>One slot per token, -1 (nothing there yet).</summary>
    private static int[] NoneYet(int count)
    {
        var slots = new int[count];
        Array.Fill(slots, -1);
        return slots;
    }

    public string Text { get; }

    /// <summary>Tokens of people the entity layer found but could give no code ("Sir Andrew Green, chairman of ...").</summary>
    public bool[] UncodedPerson => _uncodedPerson ??= new bool[Count];
    private bool[]? _uncodedPerson;
    public int Count { get; }
    public int[] Start { get; }
    public int[] End { get; }
    public string[] Form { get; }
    public string[] Upper { get; }
    public bool[] IsWord { get; }
    public string[] Tag { get; }

    public List<ActorMention> Actors { get; } = new();
    public List<AgentMention> Agents { get; } = new();
    public int[] ActorAt { get; }
    public int[] AgentAt { get; }
    public List<NounPhrase> Phrases { get; } = new();
    public int[] NpAt { get; }

    public Span SpanOf(int from, int to) => new(Start[from], End[to - 1]);
    public string Surface(int from, int to) => Text[Start[from]..End[to - 1]];

    public bool IsVerbTag(int i) => Tag[i].StartsWith("VB", StringComparison.Ordinal);
    public bool IsNounTag(int i) => Tag[i].StartsWith("NN", StringComparison.Ordinal);
    public bool IsAdverb(int i) => Tag[i] is "RB" or "RBR" or "RBS";
    public bool IsPronoun(int i) => Tag[i] == "PRP";
    public bool IsPunct(int i) => !IsWord[i];
    public bool InMention(int i) => ActorAt[i] >= 0 || AgentAt[i] >= 0;

    /// <summary>Marks actor mentions, giving way to ones already placed (the entity layer's come first).</summary>
    public void AddActor(ActorMention m)
    {
        for (int i = m.Start; i < m.End; i++)
            if (ActorAt[i] >= 0) return;
        Actors.Add(m);
        for (int i = m.Start; i < m.End; i++) ActorAt[i] = Actors.Count - 1;
    }

    public void AddAgent(AgentMention m)
    {
        for (int i = m.Start; i < m.End; i++)
            if (ActorAt[i] >= 0 || AgentAt[i] >= 0) return;
        Agents.Add(m);
        for (int i = m.Start; i < m.End; i++) AgentAt[i] = Agents.Count - 1;
    }

    /// <summary>
    /// Chunks base noun phrases: determiners, adjectives, numbers, nouns and possessives, with every
    /// actor and agent mention kept whole whatever its tags. A determiner starts a new phrase;
    /// commas, conjunctions and prepositions end one. Pronouns are phrases of their own.
    /// </summary>
    public void Chunk(Func<string, bool>? isAuxiliary = null)
    {
        _isAuxiliary = isAuxiliary ?? (_ => false);
        int start = -1;
        for (int i = 0; i < Count; i++)
        {
            bool mention = InMention(i);
            bool nominal = mention || IsNominal(i);
            if (start >= 0 && nominal && !mention && Tag[i] is "DT" or "PDT" or "PRP$" && !(i > 0 && Tag[i - 1] == "PDT") && Tag[i - 1] != "POS")
            {
                Close(start, i);
                start = -1;
            }
            if (!nominal && start >= 0 && (IsModifierInPhrase(i) || IsInnerConjunctionOrAdverb(i))) nominal = true;
            if (!nominal && IsNounAfterDeterminer(i)) nominal = true;
            if (!nominal && start < 0 && IsAdjectivalParticiple(i)) nominal = true;
            if (Tag[i] == "PRP" && !mention)
            {
                if (start >= 0) Close(start, i);
                Close(i, i + 1);
                start = -1;
                continue;
            }
            if (nominal)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) Close(start, i);
            start = -1;
        }
        if (start >= 0) Close(start, Count);
    }

    /// <summary>Takes tokens [from, to) out of the phrase holding them (a verb the tagger called a noun), keeping what is left on each side.</summary>
    public void CarveOut(int from, int to)
    {
        int np = NpAt[from];
        if (np < 0) return;
        var p = Phrases[np];
        for (int i = p.Start; i < p.End; i++) NpAt[i] = -1;
        // The phrase's slot keeps its left part (or becomes empty); the right part is appended.
        Phrases[np] = new NounPhrase(p.Start, Math.Max(p.Start, from));
        for (int i = p.Start; i < from; i++) NpAt[i] = np;
        if (to < p.End)
        {
            Phrases.Add(new NounPhrase(to, p.End));
            for (int i = to; i < p.End; i++) NpAt[i] = Phrases.Count - 1;
        }
    }

    private void Close(int from, int to)
    {
        // A phrase of only determiners or possessive marks is no phrase.
        bool content = false;
        for (int i = from; i < to; i++)
            if (InMention(i) || Tag[i] is not ("DT" or "PDT" or "POS" or "PRP$")) { content = true; break; }
        if (!content) return;
        Phrases.Add(new NounPhrase(from, to));
        for (int i = from; i < to; i++) NpAt[i] = Phrases.Count - 1;
    }

    private bool IsNominal(int i) => Tag[i] is "DT" or "PDT" or "PRP$" or "JJ" or "JJR" or "JJS" or "CD" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "FW";

    /// <summary>
    /// "awful and evil minister", "a clearly inebriated official", "Dol_Amroth": a conjunction between
    /// adjectives, an adverb before an adjective, and an underscore between names stay in the phrase.
    /// </summary>
    private bool IsInnerConjunctionOrAdverb(int i)
    {
        if (i + 1 >= Count) return false;
        if (Upper[i] == "_" && IsWord[i - 1] && IsWord[i + 1]) return true;
        if (Tag[i] == "CC" && Tag[i - 1] is "JJ" && Tag[i + 1] is "JJ")
        {
            // Only when a noun of their own follows the adjectives: "awful and evil minister", not "big and small".
            for (int k = i + 1; k < Count && k < i + 5; k++)
            {
                if (IsNounTag(k)) return true;
                if (Tag[k] != "JJ") return false;
            }
            return false;
        }
        if (IsAdverb(i) && Tag[i - 1] is "DT" or "JJ" or "PRP$" && Tag[i + 1] is "JJ" or "VBN" or "JJR" or "JJS") return true;
        return false;
    }

    private Func<string, bool> _isAuxiliary = _ => false;

    /// <summary>"a boycott", "the reopening of": a verb form right after a determiner is a noun the tagger mistook.</summary>
    private bool IsNounAfterDeterminer(int i) =>
        i > 0 && Tag[i] is "VB" or "VBP" or "VBG" && Tag[i - 1] is "DT" or "PRP$" && !IsPronounLike(i - 1)
        && (i + 1 >= Count || !IsNounTag(i + 1) || Tag[i] == "VBG");

    // "that" as a determiner before a verb is a relative pronoun ("that group yielded").
    private bool IsPronounLike(int i) => Upper[i] is "THAT" or "THIS" or "THESE" or "THOSE" or "ALL" or "BOTH" or "EACH";

    /// <summary>"abandon improved relations", "deportations of failed asylum seekers": a participle after a main verb or preposition, before a noun or adjective, modifies the noun.</summary>
    private bool IsAdjectivalParticiple(int i) =>
        i > 0 && i + 1 < Count && Tag[i] is "VBN" or "VBG" && (Tag[i - 1].StartsWith("VB", StringComparison.Ordinal) && !_isAuxiliary(Upper[i - 1]) || Tag[i - 1] is "IN")
        && (IsNounTag(i + 1) || Tag[i + 1] is "JJ");

    /// <summary>A participle between a phrase's start and a noun ("the affected villages") modifies it.</summary>
    private bool IsModifierInPhrase(int i)
    {
        if (Tag[i] is not ("VBN" or "VBG")) return false;
        if (i == 0 || Tag[i - 1] is not ("DT" or "JJ" or "PRP$" or "CD" or "POS" or "RB")) return false;
        if (Tag[i - 1] == "RB" && (i < 2 || Tag[i - 2] is not ("DT" or "JJ" or "PRP$"))) return false;
        return i + 1 < Count && (IsNounTag(i + 1) || Tag[i + 1] is "JJ" || InMention(i + 1));
    }
}
