using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Tone;

/// <summary>
/// Sets <see cref="Article.Tone"/> for the whole text and <see cref="Article.SentenceTones"/>,
/// one per sentence in order. Needs the tokens stage.
/// </summary>
public sealed class ToneStage(ToneScorer scorer) : IStage
{
    public ToneStage() : this(ToneScorer.Default) { }

    public string Name => "tone";

    public void Run(Article article)
    {
        article.Tone = scorer.Score(article);
        article.SentenceTones.Clear();
        var tokens = article.Tokens;
        int next = 0;
        foreach (var sentence in article.Sentences)
        {
            while (next < tokens.Count && tokens[next].Start < sentence.Start) next++;
            int first = next;
            while (next < tokens.Count && tokens[next].End <= sentence.End) next++;
            article.SentenceTones.Add(scorer.Score(article.Text, tokens, first, next));
        }
    }
}
