using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Amounts;

/// <summary>Fills <see cref="Article.Amounts"/> from the tokens (runs after "tokens").</summary>
public sealed class AmountStage : IStage
{
    public string Name => "amounts";

    public void Run(Article article)
    {
        article.Amounts.Clear();
        if (article.Tokens.Count == 0) return;
        AmountExtractor.Extract(ArticleTokens.For(article), article.Amounts);
    }
}

/// <summary>Fills <see cref="Article.Counts"/>, GDELT-style counts, from the amounts of people (runs after "amounts").</summary>
public sealed class CountStage : IStage
{
    public string Name => "counts";

    public void Run(Article article)
    {
        article.Counts.Clear();
        if (article.Amounts.Count == 0) return;
        CasualtyCounter.Count(ArticleTokens.For(article), article.Amounts, article.Counts);
    }
}
