using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>Token indices [First, End) of one sentence.</summary>
internal readonly record struct SentenceTokens(int First, int End)
{
    public int Count => End - First;
}

/// <summary>
/// What the tagger reads: a text, its tokens as offsets, and the sentences as token ranges.
/// One document is one article (or one CoNLL story): document-level features look across
/// all of its sentences.
/// </summary>
internal sealed class TaggingDocument(string text, Token[] tokens, SentenceTokens[] sentences)
{
    public string Text { get; } = text;
    public Token[] Tokens { get; } = tokens;
    public SentenceTokens[] Sentences { get; } = sentences;

    public ReadOnlySpan<char> Word(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    /// <summary>Builds a document from pre-split sentences of words (CoNLL), joining them with spaces.</summary>
    public static TaggingDocument FromWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var ranges = new SentenceTokens[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            int first = tokens.Count;
            foreach (var word in sentences[s])
            {
                int start = text.Length;
                text.Append(word);
                tokens.Add(new Token(start, text.Length, TokenKind.Word));
                text.Append(' ');
            }
            text.Append('\n');
            ranges[s] = new SentenceTokens(first, tokens.Count);
        }
        return new TaggingDocument(text.ToString(), tokens.ToArray(), ranges);
    }
}
