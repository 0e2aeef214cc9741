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

        var evidence = new Dictionary<ThemeDefinition, Evidence>();
        foreach (var hit in hits)
        {
            var theme = hit.Term.Theme!;
            if (!evidence.TryGetValue(theme, out var e)) evidence[theme] = e = new Evidence();
            e.Add(hit);
        }
        foreach (var (theme, e) in evidence)
        {
            double total = 0;
            int occurrences = 0;
            foreach (var (weight, count) in e.Terms.Values)
            {
                total += weight * (1 + Math.Log(count));
                occurrences += count;
            }
            if (total < MinimumEvidence || (e.Terms.Count < 2 && occurrences < 3)) continue;
            // Hits come in text order; a span hit by two terms of one theme is one trigger.
            var triggers = new List<Span>(Math.Min(e.Spans.Count, MaxTriggers));
            foreach (var span in e.Spans)
            {
                if (triggers.Count == MaxTriggers) break;
                if (triggers.Count == 0 || triggers[^1] != span) triggers.Add(span);
            }
            article.Themes.Add(new ThemeAssignment(theme.Code, Score(total, words), triggers));
        }
        article.Themes.Sort((a, b) => b.Score.CompareTo(a.Score));
    }

    private sealed class Evidence
    {
        // Term text (case folded) -> its weight and how often it occurred.
        public readonly Dictionary<string, (double Weight, int Count)> Terms = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<Span> Spans = new();

        public void Add(ThemeHit hit)
        {
            Terms[hit.Term.Text] = Terms.TryGetValue(hit.Term.Text, out var known) ? (known.Weight, known.Count + 1) : (hit.Term.Weight, 1);
            Spans.Add(hit.Span);
        }
    }

    /// <summary>Evidence relative to length: about 0.86 for evidence 6 in 100 words, 0.39 in 1,000.</summary>
    public static double Score(double evidence, int words) => 1 - Math.Exp(-evidence / (2 + words / 100.0));
}
