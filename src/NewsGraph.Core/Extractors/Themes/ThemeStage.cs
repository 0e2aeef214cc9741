using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Themes;

/// <summary>
/// Assigns news themes (<see cref="Article.Themes"/>, best first) from the taxonomy's trigger
/// terms. A theme's evidence is the sum over its distinct terms of weight × (1 + ln count), so
/// repeating one word adds less than using the theme's vocabulary. A theme is assigned only
/// with evidence of at least <see cref="MinimumEvidence"/> from at least two different terms
/// (or one term three times): one stray word never makes a theme. The score, in (0, 1), is the
/// evidence relative to the article's length, so a long article needs more of it.
/// </summary>
public sealed class ThemeStage(ThemeMatcher matcher) : IStage
{
    public const double MinimumEvidence = 4.0;
    /// <summary>Trigger spans kept per theme; the evidence counts them all.</summary>
    public const int MaxTriggers = 64;

    public ThemeStage() : this(ThemeMatcher.Default) { }

    public string Name => "themes";

    public void Run(Article article)
    {
        article.Themes.Clear();
        var hits = new List<ThemeHit>();
        matcher.FindAll(article, hits);
        if (hits.Count == 0) return;
        int words = 0;
        foreach (var t in article.Tokens)
            if (t.Kind == TokenKind.Word) words++;

        foreach (var group in hits.GroupBy(h => h.Term.Theme!))
        {
            double evidence = 0;
            int distinct = 0, occurrences = 0;
            foreach (var term in group.GroupBy(h => h.Term.Text, StringComparer.OrdinalIgnoreCase))
            {
                int n = term.Count();
                distinct++;
                occurrences += n;
                evidence += term.First().Term.Weight * (1 + Math.Log(n));
            }
            if (evidence < MinimumEvidence || (distinct < 2 && occurrences < 3)) continue;
            var triggers = group.Select(h => h.Span).Distinct().OrderBy(s => s.Start).Take(MaxTriggers).ToList();
            article.Themes.Add(new ThemeAssignment(group.Key.Code, Score(evidence, words), triggers));
        }
        article.Themes.Sort((a, b) => b.Score.CompareTo(a.Score));
    }

    /// <summary>Evidence relative to length: about 0.86 for evidence 6 in 100 words, 0.39 in 1,000.</summary>
    public static double Score(double evidence, int words) => 1 - Math.Exp(-evidence / (2 + words / 100.0));
}
