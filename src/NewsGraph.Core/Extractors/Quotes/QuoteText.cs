using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// The article's tokens as the quote stage reads them: each token's text as a span, its speaker-word
/// class, and whether it lies inside quotation marks (speech verbs inside a quote are the quoted
/// person's words, not an attribution).
/// </summary>
internal sealed class QuoteText
{
    private readonly List<Token> _tokens;
    private readonly bool[] _quoted;
    private readonly WordFacts?[] _facts;

    public QuoteText(string text, List<Token> tokens, IReadOnlyList<QuotedStretch> stretches)
    {
        Text = text;
        _tokens = tokens;
        _quoted = new bool[tokens.Count];
        _facts = new WordFacts?[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
            if (tokens[i].Kind == TokenKind.Word) _facts[i] = QuoteLexicon.FactsOf(this[i]);
        foreach (var s in stretches)
            for (int t = TokenAtOrAfter(s.Open); t < tokens.Count && tokens[t].Start < s.End; t++)
                _quoted[t] = true;
    }

    public string Text { get; }
    public int Count => _tokens.Count;
    public Token Token(int i) => _tokens[i];
    public ReadOnlySpan<char> this[int i] => Text.AsSpan(_tokens[i].Start, _tokens[i].Length);
    public int Start(int i) => _tokens[i].Start;
    public int End(int i) => _tokens[i].End;
    public bool Quoted(int i) => _quoted[i];
    public SpeakerWord Word(int i) => _facts[i]?.Word ?? default;
    public bool Is(int i, SpeakerWordClass c) => _facts[i] is { } f && f.Word.Is(c);
    public SpeechVerb? Verb(int i) => _facts[i]?.Verb;
    public string? Country(int i) => _facts[i]?.Country;
    public bool IsNationality(int i) => _facts[i] is { Nationality: true };
    public bool IsFirstName(int i) => _facts[i] is { FirstName: true };
    public char FirstNameGender(int i) => _facts[i]?.FirstNameGender ?? '\0';
    /// <summary>The word in lower case: shared from the word lists when they know it, else made once here.</summary>
    public string Lower(int i) => _facts[i]?.Lower ?? this[i].ToString().ToLowerInvariant();

    public bool IsWord(int i) => _tokens[i].Kind == TokenKind.Word;
    public bool IsNumber(int i) => _tokens[i].Kind == TokenKind.Number;

    /// <summary>A word whose first letter is upper case ("Price", "U.S.", "al-Harbi" counts through its particle).</summary>
    public bool IsCapitalised(int i)
    {
        if (_tokens[i].Kind != TokenKind.Word) return false;
        var w = this[i];
        if (char.IsUpper(w[0])) return true;
        // Arabic and Dutch particles joined by a hyphen: al-Harbi, el-Sisi, van-Dijk.
        int dash = w.IndexOf('-');
        return dash > 0 && dash + 1 < w.Length && char.IsUpper(w[dash + 1]) && IsParticle(w[..dash]);
    }

    public bool IsLower(int i) => _tokens[i].Kind == TokenKind.Word && char.IsLower(this[i][0]);

    public bool Equals(int i, string word) => this[i].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int i, char c) => _tokens[i].Length == 1 && Text[_tokens[i].Start] == c;

    public bool IsQuoteMark(int i) => _tokens[i].Length == 1 && QuotationMarks.IsMark(Text[_tokens[i].Start]);

    /// <summary>The possessive clitic token: 's or ’s, or a bare apostrophe after a plural.</summary>
    public bool IsPossessive(int i)
    {
        var w = this[i];
        return w is "'s" or "’s" or "'S" or "’S" or "'" or "’";
    }

    /// <summary>Any punctuation that ends a phrase: comma, colon, stops, brackets, dashes, quote marks.</summary>
    public bool IsBreak(int i) =>
        _tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol && !IsPossessive(i);

    /// <summary>The first token starting at or after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = _tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public static bool IsParticle(ReadOnlySpan<char> w) =>
        w is "al" or "el" or "bin" or "ibn" or "bint" or "de" or "del" or "della" or "der" or "di" or "da" or "dos" or "du"
            or "la" or "le" or "van" or "von" or "ter" or "abu" or "ul" or "ud";

    public static bool IsWeekdayOrMonth(ReadOnlySpan<char> w) =>
        w is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday"
            or "January" or "February" or "March" or "April" or "May" or "June" or "July" or "August"
            or "September" or "October" or "November" or "December" or "Jan" or "Feb" or "Aug" or "Sept" or "Sep"
            or "Oct" or "Nov" or "Dec" or "Jan." or "Feb." or "Aug." or "Sept." or "Oct." or "Nov." or "Dec.";
}
