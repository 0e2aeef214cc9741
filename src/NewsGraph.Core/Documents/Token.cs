namespace NewsGraph.Core.Documents;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
}

/// <summary>A token is a span of the article text plus what kind of text it covers.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public Span Span => new(Start, End);
    public int Length => End - Start;
}
