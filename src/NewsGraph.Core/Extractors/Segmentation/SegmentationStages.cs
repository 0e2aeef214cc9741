using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Segmentation;

/// <summary>Fills <see cref="Article.Sentences"/>; paragraphs are split one by one so no sentence crosses a break.</summary>
public sealed class SentenceStage : IStage
{
    public string Name => "sentences";

    public void Run(Article article)
    {
        article.Sentences.Clear();
        article.Sentences.EnsureCapacity(article.Text.Length / 90 + 2);
        if (article.Paragraphs.Count == 0)
        {
            SentenceSplitter.Split(article.Text, article.Sentences);
            return;
        }
        foreach (var p in article.Paragraphs)
            SentenceSplitter.Split(article.View(p), p.Start, article.Sentences);
    }
}

/// <summary>Fills <see cref="Article.Tokens"/>, sentence by sentence, so a token never crosses a sentence boundary.</summary>
public sealed class TokenStage : IStage
{
    public string Name => "tokens";

    public void Run(Article article)
    {
        article.Tokens.Clear();
        // News text averages a token every five or six characters: size the list once instead of doubling it.
        article.Tokens.EnsureCapacity(article.Text.Length / 5 + 8);
        if (article.Sentences.Count == 0)
        {
            Tokenizer.Tokenize(article.Text, article.Tokens);
            return;
        }
        foreach (var s in article.Sentences)
            Tokenizer.Tokenize(article.View(s), s.Start, article.Tokens);
    }
}
