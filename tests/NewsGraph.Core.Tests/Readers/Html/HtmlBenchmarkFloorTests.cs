using System.Text.Json;
using NewsGraph.Core.Evaluation;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers.Html;

/// <summary>
/// A floor well under the measured figure (F1 0.980 from `newsgraph eval content`), so a change
/// that breaks main-content extraction fails loudly. The figures themselves come from the eval.
/// </summary>
public class HtmlBenchmarkFloorTests
{
    [Fact]
    public void Article_extraction_benchmark_stays_above_a_floor()
    {
        if (TestPaths.Shared is not { } shared) return; // the benchmark lives in ../shared, which users do not have
        var dir = Path.Combine(shared, "data", "article-extraction");
        if (!File.Exists(Path.Combine(dir, "ground-truth.json"))) return;
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ground-truth.json")));
        var reader = ArticleReader.CreateDefault();
        var scores = new List<ShingleOverlap>();
        foreach (var page in truth.RootElement.EnumerateObject())
        {
            var path = Path.Combine(dir, "html", page.Name + ".html.gz");
            var source = InputSource.FromFile(path);
            var text = reader.Read(source).Select(r => r.Article?.Text).FirstOrDefault(t => t is not null) ?? "";
            scores.Add(ArticleBodyScore.Compare(page.Value.GetProperty("articleBody").GetString()!, text));
        }
        var s = BodyScores.Of(scores);
        Assert.Equal(181, s.Pages);
        Assert.True(s.F1 > 0.95, $"F1 {s.F1:0.000}");
        Assert.True(s.Precision > 0.94, $"precision {s.Precision:0.000}");
        Assert.True(s.Recall > 0.94, $"recall {s.Recall:0.000}");
    }
}
