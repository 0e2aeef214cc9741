using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Pipeline;

/// <summary>
/// A pipeline stage does one thing to an article (split sentences, tag entities, ...).
/// Stages share nothing but the article and read-only resources loaded once, so one
/// stage instance may be run on many articles from many threads.
/// </summary>
public interface IStage
{
    string Name { get; }
    void Run(Article article);
}
