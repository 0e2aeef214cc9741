using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Extractors.Themes;

/// <summary>How often the best theme that maps to a topic label agrees with one label.</summary>
public sealed class LabelTally(string label)
{
    public string Label { get; } = label;
    public int Articles;
    public int Matched;
    /// <summary>Articles that got no theme mapping to any label.</summary>
    public int NoMappedTheme;
    /// <summary>Which label the best mapped theme pointed to, when it was another one.</summary>
    public Dictionary<string, int> Confusions { get; } = new(StringComparer.Ordinal);
    public double Accuracy => Articles == 0 ? 0 : (double)Matched / Articles;
}

/// <summary>
/// A sanity check of the themes stage on a topic-labelled corpus laid out as
/// <c>ROOT/&lt;label&gt;/*.txt</c> (the BBC News set: headline, blank line, body): each article's
/// themes are mapped to the corpus's labels and the best mapped theme is compared with the label.
/// Not a tuned score: the taxonomy was written for news in general, not for these labels.
/// </summary>
public static class TopicLabelEvaluation
{
    /// <summary>Our themes that correspond to the BBC set's five topics; other themes map to none.</summary>
    public static IReadOnlyDictionary<string, string> BbcLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ECONOMY"] = "business",
        ["BUSINESS"] = "business",
        ["TRADE"] = "business",
        ["ENERGY"] = "business",
        ["ENTERTAINMENT"] = "entertainment",
        ["GOVERNMENT"] = "politics",
        ["ELECTIONS"] = "politics",
        ["DIPLOMACY"] = "politics",
        ["SPORT"] = "sport",
        ["TECHNOLOGY"] = "tech",
        ["CYBER"] = "tech",
    };

    /// <summary>The largest article file read; the corpus's are a few kilobytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    public static IReadOnlyList<LabelTally> Run(string root, IReadOnlyDictionary<string, string> mapping, ArticlePipeline pipeline, Action<int>? progress = null)
    {
        var tallies = new List<LabelTally>();
        int done = 0;
        foreach (var dir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var label = Path.GetFileName(dir);
            var files = Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) continue;
            var tally = new LabelTally(label);
            tallies.Add(tally);
            foreach (var file in files)
            {
                var article = ReadLabelledArticle(file);
                if (article is null) continue;
                pipeline.Run(article);
                tally.Articles++;
                var best = article.Themes.Where(t => mapping.ContainsKey(t.Theme)).MaxBy(t => t.Score);
                if (best is null) tally.NoMappedTheme++;
                else if (mapping[best.Theme] == label) tally.Matched++;
                else tally.Confusions[mapping[best.Theme]] = tally.Confusions.GetValueOrDefault(mapping[best.Theme]) + 1;
                progress?.Invoke(++done);
            }
        }
        return tallies;
    }

    /// <summary>Headline on the first line, then paragraphs separated by blank lines; UTF-8, or Windows-1252 where it is not.</summary>
    public static Article? ReadLabelledArticle(string path)
    {
        var info = new FileInfo(path);
        if (info.Length == 0 || info.Length > MaxFileBytes) return null;
        var bytes = File.ReadAllBytes(path);
        var content = TextDecoding.IsValidUtf8Prefix(bytes) ? Encoding.UTF8.GetString(bytes) : TextDecoding.Windows1252.GetString(bytes);
        var lines = content.Replace("\r\n", "\n").Split('\n');
        var title = lines[0].Trim();
        var text = new StringBuilder();
        var paragraphs = new List<Span>();
        foreach (var line in lines.Skip(1))
        {
            var paragraph = line.Trim();
            if (paragraph.Length == 0) continue;
            if (text.Length > 0) text.Append("\n\n");
            paragraphs.Add(new Span(text.Length, text.Length + paragraph.Length));
            text.Append(paragraph);
        }
        var article = new Article(text.ToString(), title) { Source = path };
        article.Paragraphs.AddRange(paragraphs);
        return article;
    }
}
