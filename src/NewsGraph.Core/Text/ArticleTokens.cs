using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Text;

/// <summary>
/// A read-only view over an article's tokens for the pattern extractors (amounts, dates): token
/// text as spans (no substrings), case-insensitive comparisons, and the sentence each token is in,
/// so that a pattern never reaches across a sentence boundary.
/// </summary>
public sealed class ArticleTokens
{
    private readonly string _text;
    private readonly List<Token> _list;
    // A copy of the tokens, read many times by the pattern stages: array reads are cheaper than list reads.
    private readonly Token[] _tokens;
    // For each sentence, the index of its first token; a last entry holds the token count.
    private readonly List<int> _sentenceStarts = new();

    // The extract path runs several pattern stages over the same tokens; they share one view per article.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Article, ArticleTokens> Shared = new();
    private readonly int _sentenceCount;

    /// <summary>The view of <paramref name="article"/>'s tokens, built once and reused while its tokens and sentences are unchanged.</summary>
    public static ArticleTokens For(Article article)
    {
        if (Shared.TryGetValue(article, out var view) && view._list == article.Tokens && view.Count == article.Tokens.Count
            && view._sentenceCount == article.Sentences.Count && (view.Count == 0 || article.Tokens[^1] == view._last))
            return view;
        view = new ArticleTokens(article);
        Shared.AddOrUpdate(article, view);
        return view;
    }

    private readonly Token _last;

    public ArticleTokens(Article article)
    {
        _sentenceCount = article.Sentences.Count;
        _last = article.Tokens.Count > 0 ? article.Tokens[^1] : default;
        _text = article.Text;
        _list = article.Tokens;
        _tokens = article.Tokens.ToArray();
        int t = 0;
        if (article.Sentences.Count == 0)
        {
            _sentenceStarts.Add(0);
        }
        else
        {
            foreach (var s in article.Sentences)
            {
                while (t < _tokens.Length && _tokens[t].End <= s.Start) t++;
                if (_sentenceStarts.Count == 0 || _sentenceStarts[^1] != t) _sentenceStarts.Add(t);
            }
            if (_sentenceStarts[0] != 0) _sentenceStarts.Insert(0, 0);
        }
        _sentenceStarts.Add(_tokens.Length);
    }

    public string Text => _text;
    public int Count => _tokens.Length;
    public Token this[int i] => _tokens[i];

    public int SentenceCount => _sentenceStarts.Count - 1;
    public int SentenceStart(int sentence) => _sentenceStarts[sentence];
    public int SentenceEnd(int sentence) => _sentenceStarts[sentence + 1];

    public ReadOnlySpan<char> Word(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    /// <summary>The token's text without a trailing full stop ("Jan." is "Jan").</summary>
    public ReadOnlySpan<char> Bare(int i)
    {
        var w = Word(i);
        return w.Length > 1 && w[^1] == '.' ? w[..^1] : w;
    }

    public bool Is(int i, string word) => (uint)i < (uint)_tokens.Length && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int i, ReadOnlySpan<string> words)
    {
        if ((uint)i >= (uint)_tokens.Length) return false;
        var w = Word(i);
        foreach (var word in words)
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public bool IsChar(int i, char c) => (uint)i < (uint)_tokens.Length && _tokens[i].Length == 1 && _text[_tokens[i].Start] == c;

    public TokenKind Kind(int i) => _tokens[i].Kind;

    public bool IsWord(int i) => (uint)i < (uint)_tokens.Length && _tokens[i].Kind == TokenKind.Word;

    public bool IsNumber(int i) => (uint)i < (uint)_tokens.Length && _tokens[i].Kind == TokenKind.Number;

    /// <summary>True when nothing (no space) separates token <paramref name="i"/> from the next one.</summary>
    public bool TouchesNext(int i) => i + 1 < _tokens.Length && _tokens[i].End == _tokens[i + 1].Start;

    public bool StartsUpper(int i) => (uint)i < (uint)_tokens.Length && char.IsUpper(_text[_tokens[i].Start]);

    public bool StartsLower(int i) => (uint)i < (uint)_tokens.Length && char.IsLower(_text[_tokens[i].Start]);

    /// <summary>True for a word with a capital anywhere ("Boeing", "iPhone", "UN").</summary>
    public bool HasUpper(int i)
    {
        if ((uint)i >= (uint)_tokens.Length) return false;
        foreach (var c in Word(i)) if (char.IsUpper(c)) return true;
        return false;
    }

    public Span SpanOf(int first, int lastExclusive) => new(_tokens[first].Start, _tokens[lastExclusive - 1].End);
}
