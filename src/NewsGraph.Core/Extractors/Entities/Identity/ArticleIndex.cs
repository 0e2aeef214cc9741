using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// What the entity stages look up around a mention: the article's tokens, which mention
/// starts or ends at each token, and each token's key. Built once per article per stage.
/// </summary>
internal sealed class ArticleIndex
{
    private readonly Article _article;
    private readonly List<Token> _tokens;
    private readonly string?[] _keys;
    private readonly int[] _mentionEndingAt;
    private readonly int[] _mentionStartingAt;
    private readonly int[] _sentenceOf;

    public ArticleIndex(Article article)
    {
        _article = article;
        _tokens = article.Tokens;
        if (_tokens.Count == 0 && article.Text.Length > 0)
        {
            // An article built by hand (or by a pipeline without the token stage) is tokenised here.
            _tokens = new List<Token>();
            Tokenizer.Tokenize(article.Text, _tokens);
        }
        _keys = new string?[_tokens.Count];
        _mentionEndingAt = new int[_tokens.Count];
        _mentionStartingAt = new int[_tokens.Count];
        Array.Fill(_mentionEndingAt, -1);
        Array.Fill(_mentionStartingAt, -1);
        for (int m = 0; m < article.Entities.Count; m++)
        {
            var (first, last) = TokenRange(article.Entities[m].Span);
            if (first < 0) continue;
            _mentionStartingAt[first] = m;
            _mentionEndingAt[last] = m;
        }
        _sentenceOf = new int[_tokens.Count];
        int sentence = 0;
        for (int t = 0; t < _tokens.Count; t++)
        {
            while (sentence < article.Sentences.Count && article.Sentences[sentence].End <= _tokens[t].Start) sentence++;
            _sentenceOf[t] = sentence;
        }
    }

    public Article Article => _article;
    public int Count => _tokens.Count;
    public Token this[int index] => _tokens[index];

    /// <summary>The token's <see cref="NameKey"/>, computed once.</summary>
    public string Key(int index) => _keys[index] ??= NameKey.Of(_article.View(_tokens[index].Span));

    public ReadOnlySpan<char> Text(int index) => _article.View(_tokens[index].Span);

    public bool SameSentence(int a, int b) => _sentenceOf[a] == _sentenceOf[b];

    /// <summary>The index into Article.Entities of the mention whose last token this is, or -1.</summary>
    public int MentionEndingAt(int token) => token >= 0 && token < _tokens.Count ? _mentionEndingAt[token] : -1;

    public int MentionStartingAt(int token) => token >= 0 && token < _tokens.Count ? _mentionStartingAt[token] : -1;

    /// <summary>The first and last token inside <paramref name="span"/>, or (-1, -1) when none is.</summary>
    public (int First, int Last) TokenRange(Span span)
    {
        int lo = 0, hi = _tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].End <= span.Start) lo = mid + 1; else hi = mid;
        }
        int first = lo;
        if (first >= _tokens.Count || _tokens[first].Start >= span.End) return (-1, -1);
        int last = first;
        while (last + 1 < _tokens.Count && _tokens[last + 1].Start < span.End) last++;
        return (first, last);
    }

    public bool IsPunctuation(int index) => _tokens[index].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    /// <summary>Whether the token is the possessive clitic ('s, ’s or a bare apostrophe after a plural).</summary>
    public bool IsPossessive(int index)
    {
        var t = Text(index);
        return t is "'s" or "’s" or "'S" or "’S" or "'" or "’";
    }
}
