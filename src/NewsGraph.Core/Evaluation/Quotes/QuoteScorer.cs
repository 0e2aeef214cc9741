using System.Text;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Evaluation.Quotes;

/// <summary>Counts behind the quote figures of one half of the set.</summary>
public sealed class QuoteScore
{
    public int Articles { get; set; }
    public int Gold { get; set; }
    public int GoldDirect { get; set; }
    public int GoldNull { get; set; }
    public int Found { get; set; }
    public int Matched { get; set; }
    public int MatchedDirect { get; set; }
    /// <summary>Matched quotes whose speaker is right (a null speaker is right when the gold has none).</summary>
    public int SpeakerRight { get; set; }
    /// <summary>Matched quotes given a speaker that is not the gold one: the errors precision-first avoids.</summary>
    public int SpeakerWrong { get; set; }
    /// <summary>Matched quotes left without a speaker although the gold has one.</summary>
    public int SpeakerMissing { get; set; }
    public int TypeRight { get; set; }
    public int TypeCompared { get; set; }
    public int DirectFlagRight { get; set; }
    public int FoundNull { get; set; }
    public double OverlapSum { get; set; }

    public double Recall => Ratio(Matched, Gold);
    public double Precision => Ratio(Matched, Found);
    public double SpeakerAccuracy => Ratio(SpeakerRight, Matched);
    /// <summary>Gold quotes found with the right speaker.</summary>
    public double EndToEnd => Ratio(SpeakerRight, Gold);
    public double NullShare => Ratio(FoundNull, Found);
    /// <summary>Of the matched quotes given a speaker, the share that is right.</summary>
    public double SpeakerPrecision => Ratio(SpeakerRight - SpeakerRightNull, Matched - MatchedNull);
    public int SpeakerRightNull { get; set; }
    public int MatchedNull { get; set; }
    public double MeanOverlap => Matched == 0 ? 0 : OverlapSum / Matched;

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    public void Add(QuoteScore o)
    {
        Articles += o.Articles; Gold += o.Gold; GoldDirect += o.GoldDirect; GoldNull += o.GoldNull; Found += o.Found;
        Matched += o.Matched; MatchedDirect += o.MatchedDirect; SpeakerRight += o.SpeakerRight; SpeakerWrong += o.SpeakerWrong;
        SpeakerMissing += o.SpeakerMissing; TypeRight += o.TypeRight; TypeCompared += o.TypeCompared;
        DirectFlagRight += o.DirectFlagRight; FoundNull += o.FoundNull; OverlapSum += o.OverlapSum;
        SpeakerRightNull += o.SpeakerRightNull; MatchedNull += o.MatchedNull;
    }
}

/// <summary>
/// Scores found quotes against gold ones. A found quote matches a gold quote when their spans
/// overlap; each is matched at most once, the pairs with the largest overlap (Jaccard) first, so a
/// partial quote and the reported clause around it are told apart. A speaker is right when it is
/// one of the gold names (case, hyphens, a leading article and curly apostrophes aside); for an
/// unnamed source, when one description contains the other ("a senior Hamas official" for "a Hamas
/// official"). When the gold says nobody can tell, only a null speaker is right.
/// </summary>
public static class QuoteScorer
{
    public static QuoteScore Score(GoldArticle gold, Article found, List<string>? errors = null)
    {
        var score = new QuoteScore { Articles = 1, Gold = gold.Quotes.Count, Found = found.Quotes.Count };
        score.GoldDirect = gold.Quotes.Count(q => q.Direct);
        score.GoldNull = gold.Quotes.Count(q => q.NullSpeaker);
        score.FoundNull = found.Quotes.Count(q => q.Speaker is null);

        var pairs = new List<(double Jaccard, int Gold, int Found)>();
        for (int g = 0; g < gold.Quotes.Count; g++)
            for (int f = 0; f < found.Quotes.Count; f++)
            {
                var a = gold.Quotes[g].Span;
                var b = found.Quotes[f].Span;
                int overlap = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
                if (overlap <= 0) continue;
                int union = Math.Max(a.End, b.End) - Math.Min(a.Start, b.Start);
                pairs.Add(((double)overlap / union, g, f));
            }
        pairs.Sort((x, y) => y.Jaccard.CompareTo(x.Jaccard));
        var goldUsed = new bool[gold.Quotes.Count];
        var foundUsed = new bool[found.Quotes.Count];
        foreach (var (jaccard, g, f) in pairs)
        {
            if (goldUsed[g] || foundUsed[f]) continue;
            goldUsed[g] = foundUsed[f] = true;
            var gq = gold.Quotes[g];
            var fq = found.Quotes[f];
            score.Matched++;
            score.OverlapSum += jaccard;
            if (gq.Direct) score.MatchedDirect++;
            if (gq.Direct == fq.Direct) score.DirectFlagRight++;
            bool right = SpeakerRight(gq, fq.Speaker);
            if (fq.Speaker is null) score.MatchedNull++;
            if (right)
            {
                score.SpeakerRight++;
                if (fq.Speaker is null) score.SpeakerRightNull++;
            }
            else if (fq.Speaker is null) score.SpeakerMissing++;
            else score.SpeakerWrong++;
            if (gq.Type is not null && fq.SpeakerType is not null && right && !gq.NullSpeaker)
            {
                score.TypeCompared++;
                if (gq.Type == fq.SpeakerType) score.TypeRight++;
            }
            if (!right && errors is not null)
                errors.Add($"{gold.Name}: speaker {Show(fq.Speaker)} ({fq.SpeakerType ?? "-"}, {fq.Verb ?? "-"}) for gold {Show(gq.Speakers.FirstOrDefault())}: {Clip(gold.Article, gq.Span)}");
        }
        if (errors is not null)
        {
            for (int g = 0; g < gold.Quotes.Count; g++)
                if (!goldUsed[g]) errors.Add($"{gold.Name}: missed {(gold.Quotes[g].Direct ? "direct" : "reported")} ({Show(gold.Quotes[g].Speakers.FirstOrDefault())}): {Clip(gold.Article, gold.Quotes[g].Span)}");
            for (int f = 0; f < found.Quotes.Count; f++)
                if (!foundUsed[f]) errors.Add($"{gold.Name}: not a gold quote ({(found.Quotes[f].Direct ? "direct" : "reported")}, {Show(found.Quotes[f].Speaker)}): {Clip(found, found.Quotes[f].Span)}");
        }
        return score;
    }

    private static string Show(string? s) => s is null ? "null" : "\"" + s + "\"";

    private static string Clip(Article a, Span s)
    {
        var text = a.Slice(s).Replace('\n', ' ');
        return text.Length <= 90 ? text : text[..87] + "...";
    }

    public static bool SpeakerRight(GoldQuote gold, string? speaker)
    {
        if (gold.NullSpeaker) return speaker is null;
        if (speaker is null) return false;
        var found = Normalise(speaker);
        bool unnamed = gold.Type is "anonymous" or "description";
        foreach (var name in gold.Speakers)
        {
            var g = Normalise(name);
            if (g == found) return true;
            if (unnamed && (Contains(found, g) || Contains(g, found))) return true;
        }
        return false;
    }

    private static bool Contains(string outer, string inner) =>
        inner.Length > 0 && (" " + outer + " ").Contains(" " + inner + " ", StringComparison.Ordinal);

    public static string Normalise(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            sb.Append(c switch { '’' or '‘' => '\'', '-' or '‐' or '‑' or '–' => ' ', _ => c });
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && words[0] is "a" or "an" or "the" or "one") words.RemoveAt(0);
        return string.Join(' ', words);
    }
}
