using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Dates;

/// <summary>Fills <see cref="Article.Dates"/> with normalised temporal expressions (runs after "tokens").</summary>
public sealed class DateStage : IStage
{
    public string Name => "dates";

    public void Run(Article article)
    {
        article.Dates.Clear();
        if (article.Tokens.Count == 0) return;
        var tokens = ArticleTokens.For(article);
        DateExtractor.Extract(tokens, DateAnchor.For(article, tokens), article.Dates);
    }
}
