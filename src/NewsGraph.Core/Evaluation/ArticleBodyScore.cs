using System.Globalization;
using System.Text;

namespace NewsGraph.Core.Evaluation;

/// <summary>One page's shingle overlap, as shares of (tp + fp + fn) so that every page weighs the same.</summary>
public readonly record struct ShingleOverlap(double TruePositive, double FalsePositive, double FalseNegative, bool ExactMatch)
{
    public double Precision => FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive + FalsePositive == 0 ? 0 : TruePositive / (TruePositive + FalsePositive);
    public double Recall => FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive + FalseNegative == 0 ? 0 : TruePositive / (TruePositive + FalseNegative);
}

/// <summary>Mean precision and recall over pages, their F1, and the share of pages extracted word for word.</summary>
public readonly record struct BodyScores(int Pages, double Precision, double Recall, double Accuracy)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static BodyScores Of(IReadOnlyCollection<ShingleOverlap> pages) =>
        pages.Count == 0 ? new(0, 0, 0, 0) :
        new(pages.Count, pages.Average(p => p.Precision), pages.Average(p => p.Recall), pages.Count(p => p.ExactMatch) / (double)pages.Count);
}

/// <summary>
/// The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark): texts
/// are cut into word tokens (runs of word characters, as Python's Unicode <c>\w+</c> finds
/// them), and the overlapping 4-token shingles of the prediction are matched by count against
/// the truth's.
/// </summary>
public static class ArticleBodyScore
{
    public const int ShingleSize = 4;

    public static ShingleOverlap Compare(string truth, string predicted)
    {
        var truthTokens = Tokens(truth);
        var predictedTokens = Tokens(predicted);
        var expected = Shingles(truthTokens);
        var got = Shingles(predictedTokens);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in got)
        {
            int want = expected.GetValueOrDefault(shingle);
            tp += Math.Min(count, want);
            fp += Math.Max(0, count - want);
        }
        foreach (var (shingle, count) in expected)
            fn += Math.Max(0, count - got.GetValueOrDefault(shingle));
        double sum = tp + fp + fn;
        bool exact = truthTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal);
        return sum > 0 ? new ShingleOverlap(tp / sum, fp / sum, fn / sum, exact) : new ShingleOverlap(0, 0, 0, exact);
    }

    /// <summary>
    /// Word tokens: maximal runs of letters, numbers (any Unicode number, as Python's
    /// str.isalnum accepts) and underscores, taken by code point. Combining marks break a token, as they do in Python.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        int i = 0;
        while (i <= text.Length)
        {
            bool word = false;
            int width = 1;
            if (i < text.Length)
            {
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width);
                word = IsWordRune(rune);
            }
            if (word) { if (start < 0) start = i; }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += Math.Max(1, width);
        }
        return tokens;
    }

    private static bool IsWordRune(Rune r)
    {
        if (r.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>All overlapping shingles with their counts; a text shorter than a shingle is one shingle of all its tokens.</summary>
    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = Math.Max(1, tokens.Count - ShingleSize + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Clear();
            for (int k = i; k < Math.Min(tokens.Count, i + ShingleSize); k++)
            {
                if (k > i) sb.Append(' ');
                sb.Append(tokens[k]);
            }
            if (sb.Length == 0) continue;
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
