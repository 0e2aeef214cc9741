using System.Numerics;
using System.Runtime.CompilerServices;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// Turns a document into feature keys per token: the word and its neighbours, shapes,
/// affixes, word clusters, how the word is usually written, gazetteer phrases, and two
/// document-level signals (how the same word is written elsewhere in the article, and what
/// the tagger called it earlier). Word-level hashes are computed once per token, so the
/// per-feature work is a hash combine. One extractor per thread; it reuses its buffers.
/// </summary>
internal sealed class FeatureExtractor
{
    /// <summary>At most this many keys describe one word at one offset (see <see cref="WordKeys"/>).</summary>
    public const int MaxWordKeys = 16;
    /// <summary>At most this many context keys per token (the gazetteer ones vary in number).</summary>
    public const int MaxContextKeys = 80;
    /// <summary>At most this many static keys per token: five word offsets and the context.</summary>
    public const int MaxStaticPerToken = 5 * MaxWordKeys + MaxContextKeys;
    public const int MaxDynamicPerToken = 4;
    /// <summary>Word offsets around the tagged token whose features depend on that word alone.</summary>
    public const int Window = 2;

    // Feature templates. Changing one changes the model: retrain it (and bump NerModel.FormatVersion if the file changes).
    private const int TBias = 0, TRaw = 1, TLower = 2, TPrev = 3, TNext = 4, TPrev2 = 5, TNext2 = 6, TPrevCur = 7, TCurNext = 8,
        TShape = 9, TPrevBrief = 10, TNextBrief = 11, TBriefTri = 12, TPrefix = 13, TSuffix = 17, TFine = 21, TMid = 22, TCoarse = 23,
        TPrevFine = 24, TNextFine = 25, TPrevMid = 26, TNextMid = 27, TCase = 28, TPrevCase = 29, TNextCase = 30, TGaz = 31, TPrevGaz = 32,
        TNextGaz = 33, TDocCase = 34, THistory = 35, THistoryCase = 36, TFirst = 37, TPrevBriefCur = 38, TBriefNext = 39, TMidPair = 40,
        TCoarseTri = 41, TPrev2Fine = 42, TNext2Fine = 43, TPrevLowerBrief = 44, TLength = 45, TGazRun = 46, TContextPrev = 47, TContextNext = 48,
        TPrevGazCur = 50, TGazCurNext = 51;

    /// <summary>At most this many distinct neighbouring words are remembered per capitalised word and side.</summary>
    private const int ContextsPerWord = 4;
    private const ulong BeforeStart = 0xB05UL, AfterEnd = 0xE05UL;
    /// <summary>Word descriptions kept per thread across documents (news vocabularies repeat).</summary>
    private const int WordCacheLimit = 1 << 15;

    private readonly Lexicon _lexicon;
    private TokenInfo[] _info = new TokenInfo[256];
    private readonly HashIndex _docCase = new(1024);
    private readonly HashIndex _contextSlot = new(1024);
    private ulong[] _contextPrev = new ulong[256 * ContextsPerWord], _contextNext = new ulong[256 * ContextsPerWord];
    private byte[] _contextPrevCount = new byte[256], _contextNextCount = new byte[256];
    private readonly HashIndex _wordCache = new(WordCacheLimit);
    private TokenInfo[] _cachedWords = new TokenInfo[1024];
    private TaggingDocument? _document;
    private bool[] _headline = new bool[16];

    public FeatureExtractor(Lexicon lexicon) => _lexicon = lexicon;

    private struct TokenInfo
    {
        public ulong Raw, Lower, Shape, Brief, P1, P2, P3, P4, S1, S2, S3, S4;
        public ulong Fine, Mid, Coarse;       // cluster ids + 1 (0: none)
        public int Case;                        // 0 unknown, 1 lower, 2 mixed, 3 capitalised
        public uint GazB, GazI, GazL, GazU;
        public bool Capitalised, Caps, Letter;
        public int Length;
    }

    public TaggingDocument Document => _document!;

    /// <summary>Prepares per-token and per-document information; call once per document.</summary>
    public void Load(TaggingDocument document)
    {
        _document = document;
        int n = document.Tokens.Length;
        if (_info.Length < n) _info = new TokenInfo[Math.Max(n, _info.Length * 2)];
        if (_headline.Length < document.Sentences.Length) _headline = new bool[Math.Max(document.Sentences.Length, _headline.Length * 2)];
        for (int t = 0; t < n; t++) DescribeCached(document.Word(t), ref _info[t]);
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            _headline[s] = IsHeadline(sentence);
            MatchGazetteer(sentence);
        }
        BuildDocumentCase();
        BuildContexts();
    }

    /// <summary>
    /// Context aggregation (Ratinov and Roth 2009): the words around every other mention of the same
    /// capitalised word in the document, so "Magna" next to "shares" in one sentence tells about
    /// "Magna" alone in another.
    /// </summary>
    private void BuildContexts()
    {
        _contextSlot.Clear();
        var doc = _document!;
        int slots = 0;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            for (int t = sentence.First; t < sentence.End; t++)
            {
                ref var info = ref _info[t];
                if (!info.Letter || !(info.Capitalised || info.Caps)) continue;
                if (!_contextSlot.TryGet(info.Lower, out var slot))
                {
                    slot = slots++;
                    if (slot >= _contextPrevCount.Length)
                    {
                        Array.Resize(ref _contextPrevCount, slots * 2);
                        Array.Resize(ref _contextNextCount, slots * 2);
                        Array.Resize(ref _contextPrev, slots * 2 * ContextsPerWord);
                        Array.Resize(ref _contextNext, slots * 2 * ContextsPerWord);
                    }
                    _contextPrevCount[slot] = 0;
                    _contextNextCount[slot] = 0;
                    _contextSlot.Set(info.Lower, slot);
                }
                if (t > sentence.First) Remember(_contextPrev, _contextPrevCount, slot, _info[t - 1].Lower);
                if (t + 1 < sentence.End) Remember(_contextNext, _contextNextCount, slot, _info[t + 1].Lower);
            }
        }

        static void Remember(ulong[] contexts, byte[] counts, int slot, ulong word)
        {
            int n = counts[slot];
            if (n >= ContextsPerWord) return;
            for (int k = 0; k < n; k++) if (contexts[slot * ContextsPerWord + k] == word) return;
            contexts[slot * ContextsPerWord + n] = word;
            counts[slot] = (byte)(n + 1);
        }
    }

    public bool IsHeadlineSentence(int sentence) => _headline[sentence];

    public ulong LowerHash(int token) => _info[token].Lower;

    private void DescribeCached(ReadOnlySpan<char> w, ref TokenInfo info)
    {
        ulong raw = FeatureHash.Raw(w);
        if (_wordCache.TryGet(raw, out var index))
        {
            info = _cachedWords[index];
            return;
        }
        Describe(w, raw, ref info);
        if (_wordCache.Count >= WordCacheLimit) _wordCache.Clear();
        index = _wordCache.Count;
        if (index >= _cachedWords.Length) Array.Resize(ref _cachedWords, Math.Min(WordCacheLimit, _cachedWords.Length * 2));
        _cachedWords[index] = info;
        _wordCache.Set(raw, index);
    }

    private void Describe(ReadOnlySpan<char> w, ulong raw, ref TokenInfo info)
    {
        info.Raw = raw;
        info.Lower = FeatureHash.Lowered(w);
        info.Shape = FeatureHash.Shape(w, brief: false);
        info.Brief = FeatureHash.Shape(w, brief: true);
        info.P1 = FeatureHash.Affix(w, 1, false);
        info.P2 = FeatureHash.Affix(w, 2, false);
        info.P3 = FeatureHash.Affix(w, 3, false);
        info.P4 = FeatureHash.Affix(w, 4, false);
        info.S1 = FeatureHash.Affix(w, 1, true);
        info.S2 = FeatureHash.Affix(w, 2, true);
        info.S3 = FeatureHash.Affix(w, 3, true);
        info.S4 = FeatureHash.Affix(w, 4, true);
        info.Length = w.Length;
        if (_lexicon.Clusters.TryGet(FeatureHash.CasedDigitsFolded(w), out var packed)
            || _lexicon.Clusters.TryGet(info.Lower ^ Lexicon.LoweredClusterSalt, out packed))
        {
            ulong p = (ulong)(packed - 1);
            info.Fine = (p & 0x3FF) + 1;
            info.Mid = ((p >> 10) & 0x3FF) + 1;
            info.Coarse = ((p >> 20) & 0x3FF) + 1;
        }
        else info.Fine = info.Mid = info.Coarse = 0;
        info.Case = _lexicon.CaseProfile.GetOrDefault(info.Lower, 0);
        info.GazB = info.GazI = info.GazL = info.GazU = 0;
        bool letter = false, anyLower = false, anyUpper = false;
        foreach (var c in w)
        {
            if (!char.IsLetter(c)) continue;
            letter = true;
            if (char.IsUpper(c)) anyUpper = true; else anyLower = true;
        }
        info.Letter = letter;
        info.Capitalised = w.Length > 0 && char.IsUpper(w[0]);
        info.Caps = anyUpper && !anyLower;
    }

    /// <summary>All capitals (CoNLL's headlines) or title case (most web headlines): capitals say little there.</summary>
    private bool IsHeadline(SentenceTokens sentence)
    {
        int letters = 0, caps = 0, lowerStart = 0, longWords = 0, titled = 0;
        for (int t = sentence.First; t < sentence.End; t++)
        {
            ref var info = ref _info[t];
            if (!info.Letter) continue;
            letters++;
            if (info.Caps) caps++;
            if (!info.Capitalised) lowerStart++;
            if (info.Length >= 4) { longWords++; if (info.Capitalised) titled++; }
        }
        if (letters >= 2 && caps == letters && letters >= 2) return true;
        return longWords >= 3 && titled == longWords && lowerStart <= letters / 3;
    }

    private void MatchGazetteer(SentenceTokens sentence)
    {
        var gaz = _lexicon.Gazetteer;
        const uint roleBit = 1u << (int)GazetteerList.Role;
        for (int i = sentence.First; i < sentence.End; i++)
        {
            if (!_info[i].Letter) continue;
            ulong h = Lexicon.PhraseSeed;
            int max = Math.Min(sentence.End - i, Lexicon.MaxPhraseTokens);
            for (int len = 1; len <= max; len++)
            {
                int last = i + len - 1;
                h = FeatureHash.Extend(h, _info[last].Lower);
                if (!gaz.TryGet(h, out var bits)) break;      // no listed phrase starts this way
                uint lists = (uint)(bits & ~Lexicon.PrefixBit);
                if ((bits & Lexicon.PrefixBit) == 0) max = len; // nothing longer starts this way either
                // Names are capitalised at both ends; role words ("minister") need not be.
                bool named = (_info[i].Capitalised || _info[i].Caps) && (_info[last].Capitalised || _info[last].Caps || !_info[last].Letter);
                if (!named) lists &= roleBit;
                if (lists == 0) continue;
                if (len == 1) { _info[i].GazU |= lists; continue; }
                _info[i].GazB |= lists;
                for (int k = i + 1; k < last; k++) _info[k].GazI |= lists;
                _info[last].GazL |= lists;
            }
        }
    }

    /// <summary>For each word: seen in lower case in the article's running text (1), seen capitalised mid-sentence (2).</summary>
    private void BuildDocumentCase()
    {
        _docCase.Clear();
        var doc = _document!;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            if (_headline[s]) continue;
            var sentence = doc.Sentences[s];
            for (int t = sentence.First; t < sentence.End; t++)
            {
                ref var info = ref _info[t];
                if (!info.Letter) continue;
                int bit = !info.Capitalised ? 1 : t > sentence.First && !IsOpening(t - 1) ? 2 : 0;
                if (bit == 0) continue;
                _docCase.Set(info.Lower, _docCase.GetOrDefault(info.Lower, 0) | bit);
            }
        }
    }

    // After an opening quote or bracket a capital may just start the quoted sentence.
    private bool IsOpening(int token)
    {
        var w = _document!.Word(token);
        return w.Length == 1 && w[0] is '"' or '“' or '(' or '\'' or '‘' or ':' or '-' or '—';
    }

    /// <summary>All static feature keys of token <paramref name="t"/>: the five word offsets, then the context; returns how many.</summary>
    public int Static(int sentenceIndex, int t, Span<ulong> keys)
    {
        int n = 0;
        for (int offset = -Window; offset <= Window; offset++) n += WordKeys(sentenceIndex, t, offset, keys[n..]);
        return n + ContextKeys(sentenceIndex, t, keys[n..]);
    }

    /// <summary>
    /// What identifies the keys of <see cref="WordKeys"/> for this offset: the word there (its
    /// folded spelling; for the token itself also whether the sentence is a headline), or the
    /// sentence edge. Equal identities give equal keys, so their summed weights can be cached.
    /// </summary>
    public ulong WordIdentity(int sentenceIndex, int t, int offset)
    {
        var sentence = _document!.Sentences[sentenceIndex];
        int at = t + offset;
        if (at < sentence.First) return BeforeStart;
        if (at >= sentence.End) return AfterEnd;
        return offset == 0 && _headline[sentenceIndex] ? _info[at].Raw ^ 0x4EAD11E5UL : _info[at].Raw;
    }

    /// <summary>Keys that depend only on the word at <paramref name="offset"/> from <paramref name="t"/> (or on the sentence edge there).</summary>
    public int WordKeys(int sentenceIndex, int t, int offset, Span<ulong> keys)
    {
        var sentence = _document!.Sentences[sentenceIndex];
        int at = t + offset;
        bool inside = at >= sentence.First && at < sentence.End;
        ulong edge = at < sentence.First ? BeforeStart : AfterEnd;
        int n = 0;
        if (offset == 0)
        {
            ref var cur = ref _info[t];
            keys[n++] = FeatureHash.Key(TBias, 0);
            keys[n++] = FeatureHash.Key(TRaw, cur.Raw);
            keys[n++] = FeatureHash.Key(TLower, cur.Lower);
            keys[n++] = FeatureHash.Key(TShape, cur.Shape, _headline[sentenceIndex] ? 1UL : 0UL);
            keys[n++] = FeatureHash.Key(TPrefix, cur.P1);
            keys[n++] = FeatureHash.Key(TPrefix + 1, cur.P2);
            keys[n++] = FeatureHash.Key(TPrefix + 2, cur.P3);
            keys[n++] = FeatureHash.Key(TPrefix + 3, cur.P4);
            keys[n++] = FeatureHash.Key(TSuffix, cur.S1);
            keys[n++] = FeatureHash.Key(TSuffix + 1, cur.S2);
            keys[n++] = FeatureHash.Key(TSuffix + 2, cur.S3);
            keys[n++] = FeatureHash.Key(TSuffix + 3, cur.S4);
            keys[n++] = FeatureHash.Key(TFine, cur.Fine);
            keys[n++] = FeatureHash.Key(TMid, cur.Mid);
            keys[n++] = FeatureHash.Key(TCoarse, cur.Coarse, cur.Brief);
            keys[n++] = FeatureHash.Key(TLength, (ulong)Math.Min(cur.Length, 12), cur.Brief);
            return n;
        }
        ulong lower = inside ? _info[at].Lower : edge, brief = inside ? _info[at].Brief : edge, fine = inside ? _info[at].Fine : edge;
        switch (offset)
        {
            case -1:
                keys[n++] = FeatureHash.Key(TPrev, lower);
                keys[n++] = FeatureHash.Key(TPrevBrief, brief);
                keys[n++] = FeatureHash.Key(TPrevFine, fine);
                keys[n++] = FeatureHash.Key(TPrevCase, inside ? (ulong)_info[at].Case : 9UL, brief);
                break;
            case 1:
                keys[n++] = FeatureHash.Key(TNext, lower);
                keys[n++] = FeatureHash.Key(TNextBrief, brief);
                keys[n++] = FeatureHash.Key(TNextFine, fine);
                keys[n++] = FeatureHash.Key(TNextCase, inside ? (ulong)_info[at].Case : 9UL, brief);
                break;
            case -2:
                keys[n++] = FeatureHash.Key(TPrev2, lower);
                keys[n++] = FeatureHash.Key(TPrev2Fine, fine);
                break;
            case 2:
                keys[n++] = FeatureHash.Key(TNext2, lower);
                keys[n++] = FeatureHash.Key(TNext2Fine, fine);
                break;
        }
        return n;
    }

    /// <summary>Keys that join the token with its neighbours, its sentence or its document.</summary>
    public int ContextKeys(int sentenceIndex, int t, Span<ulong> keys)
    {
        var sentence = _document!.Sentences[sentenceIndex];
        int n = 0;
        ref var cur = ref _info[t];
        bool hasPrev = t > sentence.First, hasNext = t + 1 < sentence.End;
        ulong prevLower = hasPrev ? _info[t - 1].Lower : BeforeStart, nextLower = hasNext ? _info[t + 1].Lower : AfterEnd;
        ulong prevBrief = hasPrev ? _info[t - 1].Brief : BeforeStart, nextBrief = hasNext ? _info[t + 1].Brief : AfterEnd;
        ulong headline = _headline[sentenceIndex] ? 1UL : 0UL;
        ulong first = hasPrev ? (IsOpening(t - 1) ? 2UL : 0UL) : 1UL;

        keys[n++] = FeatureHash.Key(TPrevCur, prevLower, cur.Lower);
        keys[n++] = FeatureHash.Key(TCurNext, cur.Lower, nextLower);
        keys[n++] = FeatureHash.Key(TPrevBriefCur, prevBrief, cur.Lower);
        keys[n++] = FeatureHash.Key(TBriefNext, cur.Lower, nextBrief);
        keys[n++] = FeatureHash.Key(TBriefTri, prevBrief, cur.Brief, nextBrief);
        keys[n++] = FeatureHash.Key(TPrevMid, hasPrev ? _info[t - 1].Mid : BeforeStart, cur.Brief);
        keys[n++] = FeatureHash.Key(TNextMid, hasNext ? _info[t + 1].Mid : AfterEnd, cur.Brief);
        keys[n++] = FeatureHash.Key(TMidPair, hasPrev ? _info[t - 1].Mid : BeforeStart, cur.Mid);
        keys[n++] = FeatureHash.Key(TCoarseTri, hasPrev ? _info[t - 1].Coarse : BeforeStart, cur.Coarse, hasNext ? _info[t + 1].Coarse : AfterEnd);
        keys[n++] = FeatureHash.Key(TCase, (ulong)cur.Case, cur.Brief, first * 2 + headline);
        keys[n++] = FeatureHash.Key(TDocCase, (ulong)_docCase.GetOrDefault(cur.Lower, 0), cur.Brief, first * 2 + headline);
        keys[n++] = FeatureHash.Key(TFirst, first, cur.Brief, headline);
        keys[n++] = FeatureHash.Key(TPrevLowerBrief, prevLower, cur.Brief);

        int kind = GazetteerKind(cur.GazB | cur.GazI | cur.GazL | cur.GazU);
        if (kind != 0)
        {
            keys[n++] = FeatureHash.Key(TPrevGazCur, prevLower, (ulong)kind);
            keys[n++] = FeatureHash.Key(TGazCurNext, (ulong)kind, nextLower);
        }
        if ((cur.Capitalised || cur.Caps) && _contextSlot.TryGet(cur.Lower, out var slot))
        {
            for (int k = 0; k < _contextPrevCount[slot]; k++) keys[n++] = FeatureHash.Key(TContextPrev, _contextPrev[slot * ContextsPerWord + k]);
            for (int k = 0; k < _contextNextCount[slot]; k++) keys[n++] = FeatureHash.Key(TContextNext, _contextNext[slot * ContextsPerWord + k]);
        }

        n = Gazetteer(TGaz, cur.GazB, 0, keys, n);
        n = Gazetteer(TGaz, cur.GazI, 1, keys, n);
        n = Gazetteer(TGaz, cur.GazL, 2, keys, n);
        n = Gazetteer(TGaz, cur.GazU, 3, keys, n);
        if (hasPrev) n = Gazetteer(TPrevGaz, _info[t - 1].GazB | _info[t - 1].GazI | _info[t - 1].GazL | _info[t - 1].GazU, 0, keys, n);
        if (hasNext) n = Gazetteer(TNextGaz, _info[t + 1].GazB | _info[t + 1].GazI | _info[t + 1].GazL | _info[t + 1].GazU, 0, keys, n);
        // How many lists call this token part of a name at all (a cheap "anywhere in a gazetteer" signal).
        uint any = cur.GazB | cur.GazI | cur.GazL | cur.GazU;
        keys[n++] = FeatureHash.Key(TGazRun, (ulong)Math.Min(BitOperations.PopCount(any), 3), cur.Brief);
        return n;
    }

    private const uint CountryLists = (1u << (int)GazetteerList.Country) | (1u << (int)GazetteerList.State) | (1u << (int)GazetteerList.CountrySynonym);
    private const uint CityLists = (1u << (int)GazetteerList.MetropolisCity) | (1u << (int)GazetteerList.LargeCity) | (1u << (int)GazetteerList.Town)
        | (1u << (int)GazetteerList.Capital) | (1u << (int)GazetteerList.CityAlias);
    private const uint PersonLists = (1u << (int)GazetteerList.Person) | (1u << (int)GazetteerList.GivenName) | (1u << (int)GazetteerList.FamilyName);
    private const uint GroupLists = (1u << (int)GazetteerList.Nationality) | (1u << (int)GazetteerList.Group);

    /// <summary>A coarse reading of a token's gazetteer lists, for conjunction with its neighbours ("joined" + a city: a club).</summary>
    private static int GazetteerKind(uint lists) =>
        (lists & CountryLists) != 0 ? 1 : (lists & CityLists) != 0 ? 2 : (lists & PersonLists) != 0 ? 3 : (lists & GroupLists) != 0 ? 4 : lists != 0 ? 5 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Gazetteer(int template, uint lists, int part, Span<ulong> keys, int n)
    {
        while (lists != 0 && n < MaxContextKeys)
        {
            int list = BitOperations.TrailingZeroCount(lists);
            lists &= lists - 1;
            keys[n++] = FeatureHash.Key(template, (ulong)(list * 4 + part));
        }
        return n;
    }

    /// <summary>
    /// Features from what the tagger said about the same word earlier in the document
    /// (Ratinov and Roth's prediction history): names recur, and the first mention is
    /// usually the least ambiguous ("Jordan Smith" ... "Jordan").
    /// </summary>
    public int Dynamic(int sentenceIndex, int t, PredictionHistory history, Span<ulong> keys)
    {
        int label = history.Majority(_info[t].Lower);
        if (label < 0) return 0;
        ref var cur = ref _info[t];
        int n = 0;
        ulong headline = _headline[sentenceIndex] ? 1UL : 0UL;
        // The label itself says where in a name the word stood ("Washington" last in "MaliVai Washington").
        keys[n++] = FeatureHash.Key(THistory, (ulong)label, cur.Brief);
        keys[n++] = FeatureHash.Key(THistoryCase, (ulong)(BilouLabels.TypeOf(label) + 1), (ulong)cur.Case, headline);
        return n;
    }
}

/// <summary>What the tagger labelled each word so far in the current document (label counts per lowered word).</summary>
internal sealed class PredictionHistory
{
    private readonly HashIndex _slots = new(1024);
    private readonly List<int[]> _counts = new();
    private int _used;
    private readonly int _labels;

    public PredictionHistory(int types) => _labels = BilouLabels.Count(types);

    public void Clear()
    {
        _slots.Clear();
        _used = 0;
    }

    /// <summary>Records the BILOU label given to a word.</summary>
    public void Add(ulong lower, int label)
    {
        if (!_slots.TryGet(lower, out var slot))
        {
            slot = _used++;
            if (slot == _counts.Count) _counts.Add(new int[_labels]);
            else Array.Clear(_counts[slot]);
            _slots.Set(lower, slot);
        }
        _counts[slot][label]++;
    }

    /// <summary>The most frequent label so far (ties to the lower label), or -1 when the word has not been seen.</summary>
    public int Majority(ulong lower)
    {
        if (!_slots.TryGet(lower, out var slot)) return -1;
        var c = _counts[slot];
        int best = 0;
        for (int k = 1; k < c.Length; k++) if (c[k] > c[best]) best = k;
        return best;
    }
}
