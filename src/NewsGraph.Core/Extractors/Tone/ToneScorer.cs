using NewsGraph.Core.Documents;
using ToneRecord = NewsGraph.Core.Documents.Tone;

namespace NewsGraph.Core.Extractors.Tone;

/// <summary>
/// Counts tone over a run of tokens, as GDELT's V1.5Tone does: the percentage of words that
/// are positive and negative, their difference (tone) and sum (polarity), the percentage of
/// activity words and of pronouns, and the word count. A tone word within three words after a
/// negator ("not good", "no progress", "didn't win") counts with the opposite sign; the
/// negation stops at punctuation and at a contrast ("but", "however").
/// </summary>
public sealed class ToneScorer(ToneLexicon lexicon)
{
    /// <summary>How many words after a negator it reaches.</summary>
    public const int NegationReach = 3;

    public static ToneScorer Default { get; } = new(ToneLexicon.Default);

    public ToneRecord Score(Article article) => Count(article.Text, article.Tokens, 0, article.Tokens.Count).ToTone();

    /// <summary>Tone of the tokens [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    public ToneRecord Score(string text, IReadOnlyList<Token> tokens, int first, int end) => Count(text, tokens, first, end).ToTone();

    /// <summary>The word counts behind a tone; counts of sentences add up to the article's.</summary>
    public ToneCounts Count(string text, IReadOnlyList<Token> tokens, int first, int end)
    {
        int words = 0, positive = 0, negative = 0, activity = 0, pronouns = 0;
        int negationLeft = 0;
        for (int i = first; i < end; i++)
        {
            var token = tokens[i];
            var word = text.AsSpan(token.Start, token.Length);
            if (token.Kind != TokenKind.Word)
            {
                if (token.Kind == TokenKind.Punctuation && EndsNegation(word)) negationLeft = 0;
                continue;
            }
            // The clitic pieces "'s" and "'ll" are parts of a word, not words of their own.
            if (word[0] is '\'' or '’') continue;
            words++;
            var known = lexicon.Lookup(word);
            if (known.Kinds == ToneWordKinds.None && known.Valence == 0)
            {
                if (negationLeft > 0) negationLeft--;
                continue;
            }
            if (known.Is(ToneWordKinds.Negator))
            {
                // "not only ... but also" and "not just" do not negate.
                bool emphatic = i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && IsEmphatic(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length));
                negationLeft = emphatic ? 0 : NegationReach;
                continue;
            }
            if (known.Is(ToneWordKinds.ClauseBreak))
            {
                negationLeft = 0;
                continue;
            }
            bool negated = negationLeft > 0;
            if (negationLeft > 0) negationLeft--;
            if (known.Valence != 0)
            {
                if ((known.Valence > 0) != negated) positive++;
                else negative++;
            }
            if (known.Is(ToneWordKinds.Activity)) activity++;
            if (known.Is(ToneWordKinds.Pronoun) && !ToneLexicon.IsCountryUs(word)) pronouns++;
        }
        return new ToneCounts(words, positive, negative, activity, pronouns);
    }

    private static bool EndsNegation(ReadOnlySpan<char> punctuation) =>
        punctuation.Length > 0 && punctuation[0] is ',' or ';' or ':' or '.' or '!' or '?' or '(' or ')' or '—' or '–' or '"' or '“' or '”';

    private static bool IsEmphatic(ReadOnlySpan<char> word) =>
        word.Equals("only", StringComparison.OrdinalIgnoreCase) || word.Equals("just", StringComparison.OrdinalIgnoreCase)
        || word.Equals("merely", StringComparison.OrdinalIgnoreCase) || word.Equals("least", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How many words, and how many of them positive, negative, active and pronouns.</summary>
public readonly record struct ToneCounts(int Words, int Positive, int Negative, int Activity, int Pronouns)
{
    public static ToneCounts operator +(ToneCounts a, ToneCounts b) =>
        new(a.Words + b.Words, a.Positive + b.Positive, a.Negative + b.Negative, a.Activity + b.Activity, a.Pronouns + b.Pronouns);

    /// <summary>The V1.5Tone figures: percentages of the word count.</summary>
    public ToneRecord ToTone()
    {
        if (Words == 0) return new ToneRecord(0, 0, 0, 0, 0, 0, 0);
        double pos = 100.0 * Positive / Words;
        double neg = 100.0 * Negative / Words;
        return new ToneRecord(pos - neg, pos, neg, pos + neg, 100.0 * Activity / Words, 100.0 * Pronouns / Words, Words);
    }
}
