using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Readers;

/// <summary>What a reader yields: an article, or a problem with the input (never both).</summary>
public readonly record struct ReadResult(Article? Article, ReadProblem? Problem)
{
    public static ReadResult Of(Article article) => new(article, null);
    public static ReadResult Fail(ReadProblem problem) => new(null, problem);
}
