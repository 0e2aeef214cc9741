namespace NewsGraph.Core.Documents;

/// <summary>
/// A half-open range [Start, End) of UTF-16 offsets into <see cref="Article.Text"/>.
/// Spans are views, never copies: render them with <see cref="Article.Slice(Span)"/>.
/// JSON output converts them to Unicode code point offsets (see ArticleJsonWriter).
/// </summary>
public readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
    public bool Contains(Span other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(Span other) => other.Start < End && Start < other.End;
    public override string ToString() => $"[{Start}, {End})";
}
