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
        article.SentenceTones.Clear();
        var tokens = article.Tokens;
        // Each token is counted once: the article's counts are its sentences' counts plus those
        // of any token outside every sentence (all of them when there are no sentences).
        var total = default(ToneCounts);
        int next = 0;
        foreach (var sentence in article.Sentences)
        {
            int outside = next;
            while (next < tokens.Count && tokens[next].Start < sentence.Start) next++;
            if (next > outside) total += scorer.Count(article.Text, tokens, outside, next);
            int first = next;
            while (next < tokens.Count && tokens[next].End <= sentence.End) next++;
            var counts = scorer.Count(article.Text, tokens, first, next);
            total += counts;
            article.SentenceTones.Add(counts.ToTone());
        }
        if (next < tokens.Count) total += scorer.Count(article.Text, tokens, next, tokens.Count);
        article.Tone = total.ToTone();
    }
}
