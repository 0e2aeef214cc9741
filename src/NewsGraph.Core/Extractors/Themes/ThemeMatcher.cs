using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Themes;

/// <summary>A trigger term found in the text.</summary>
public readonly record struct ThemeHit(ThemeTerm Term, Span Span);

/// <summary>
/// Finds the taxonomy's terms in an article's tokens. At each token the longest matching term
/// wins and its tokens are used up, so a phrase ("tennis court", "trade war") keeps its words
/// from counting on their own. Terms never match across punctuation, since punctuation tokens
/// sit between the words.
/// </summary>
public sealed class ThemeMatcher
{
    private readonly Dictionary<string, List<ThemeTerm>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    // Single-word stems ("sanction*") are found by their first four letters.
    private readonly Dictionary<string, List<ThemeTerm>>.AlternateLookup<ReadOnlySpan<char>> _stemsByStart;

    public ThemeMatcher(ThemeTaxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        var byFirst = new Dictionary<string, List<ThemeTerm>>(StringComparer.OrdinalIgnoreCase);
        var stems = new Dictionary<string, List<ThemeTerm>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in taxonomy.Terms)
        {
            var (map, key) = term.PrefixLast && term.Words.Length == 1 ? (stems, term.Words[0][..4]) : (byFirst, term.Words[0]);
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<ThemeTerm>();
            list.Add(term);
        }
        _byFirstWord = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemsByStart = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _hasStems = stems.Count > 0;
    }

    private readonly bool _hasStems;

    public static ThemeMatcher Default { get; } = new(ThemeTaxonomy.Default);

    public ThemeTaxonomy Taxonomy { get; }

    public void FindAll(Article article, List<ThemeHit> hits)
    {
        var tokens = article.Tokens;
        var text = article.Text;
        var matched = new List<ThemeTerm>(4);
        int i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                i++;
                continue;
            }
            var word = text.AsSpan(token.Start, token.Length);
            int best = 0;
            matched.Clear();
            if (_byFirstWord.TryGetValue(word, out var candidates)) Consider(candidates, text, tokens, i, ref best, matched);
            if (_hasStems && word.Length >= 4 && _stemsByStart.TryGetValue(word[..4], out var stems)) Consider(stems, text, tokens, i, ref best, matched);
            if (best == 0)
            {
                i++;
                continue;
            }
            var span = new Span(token.Start, tokens[i + best - 1].End);
            foreach (var term in matched)
                if (term.Theme is not null) hits.Add(new ThemeHit(term, span));
            i += best;
        }
    }

    private static void Consider(List<ThemeTerm> candidates, string text, List<Token> tokens, int at, ref int best, List<ThemeTerm> matched)
    {
        foreach (var term in candidates)
        {
            int length = term.Words.Length;
            if (length < best || !Matches(term, text, tokens, at)) continue;
            if (length > best)
            {
                best = length;
                matched.Clear();
            }
            matched.Add(term);
        }
    }

    private static bool Matches(ThemeTerm term, string text, List<Token> tokens, int at)
    {
        var words = term.Words;
        if (at + words.Length > tokens.Count) return false;
        var comparison = term.ExactCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (int k = 0; k < words.Length; k++)
        {
            var token = tokens[at + k];
            if (token.Kind is not (TokenKind.Word or TokenKind.Number)) return false;
            var word = text.AsSpan(token.Start, token.Length);
            bool last = k == words.Length - 1;
            bool ok = last && term.PrefixLast ? word.StartsWith(words[k], comparison) : word.Equals(words[k], comparison);
            if (!ok) return false;
        }
        return true;
    }
}
