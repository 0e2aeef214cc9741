using System.Text.Json;

namespace NewsGraph.Core.Tests.Cli;

public class ContentEvalCommandTests
{
    private static string Truth(string dir, params (string Id, string Body)[] pages)
    {
        var path = Path.Combine(dir, "ground-truth.json");
        File.WriteAllText(path, JsonSerializer.Serialize(pages.ToDictionary(p => p.Id, p => new { articleBody = p.Body, url = "https://news.example/" + p.Id })));
        return path;
    }

    [Fact]
    public void Scores_extracted_pages_prints_halves_and_writes_predictions_in_the_benchmark_shape()
    {
        var dir = TestPaths.TempDirectory();
        var html = Directory.CreateDirectory(Path.Combine(dir, "html")).FullName;
        File.Copy(TestPaths.Fixture("Html/wire-story-cookie-banner.html"), Path.Combine(html, "wire.html"));
        File.Copy(TestPaths.Fixture("Html/time-element-and-url-date.html"), Path.Combine(html, "cycle.html"));
        var wire = ArticleText("Html/wire-story-cookie-banner.html");
        var truth = Truth(dir, ("wire", wire), ("cycle", "Der Stadtrat hat am Mittwochabend mit großer Mehrheit ein Netz von 42 Kilometern neuer Radwege beschlossen."));
        var predictions = Path.Combine(dir, "pred.json");

        var result = CliRunner.Run("eval", "content", "--html-dir", html, "--truth", truth, "--out", predictions, "--passes", "1");

        Assert.Equal(0, result.ExitCode);
        var all = result.StdoutLines.Single(l => l.StartsWith("newsgraph (all)"));
        Assert.Matches(@"newsgraph \(all\)\s+2\s+0\.\d{3}\s+0\.\d{3}\s+1\.000\s+0\.500", all);
        Assert.Contains(result.StdoutLines, l => l.TrimStart().StartsWith("half A"));
        Assert.Contains(result.StdoutLines, l => l.TrimStart().StartsWith("half B"));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("speed: ") && l.Contains("pages/s"));
        Assert.Contains(result.StdoutLines, l => l.Contains("Readability.js") && l.Contains("0.947"));
        using var written = JsonDocument.Parse(File.ReadAllText(predictions));
        Assert.Equal(wire, written.RootElement.GetProperty("wire").GetProperty("articleBody").GetString());
    }

    [Fact]
    public void Scores_a_published_output_file_against_the_truth()
    {
        var dir = TestPaths.TempDirectory();
        var truth = Truth(dir, ("p1", "one two three four five six"), ("p2", "alpha beta gamma delta epsilon"));
        var output = Path.Combine(dir, "system.json");
        File.WriteAllText(output, """{"version": "x", "output": {"p1": {"articleBody": "one two three four five six"}, "p2": {"articleBody": "alpha beta gamma delta zeta"}}}""");

        var result = CliRunner.Run("eval", "content", "--truth", truth, "--score", output);

        Assert.Equal(0, result.ExitCode);
        // p1 exact (P = R = 1); p2 shares one of two shingles (P = R = 0.5): means 0.75.
        Assert.Matches(@"scored\s+2\s+0\.750\s+0\.750\s+0\.750\s+0\.500", result.Stdout);
    }

    [Fact]
    public void Extract_on_an_html_page_writes_every_contract_key()
    {
        var result = CliRunner.Run("extract", TestPaths.Fixture("Html/broadsheet-article.html"));

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdoutLines.Single());
        var a = doc.RootElement;
        foreach (var key in new[] { "id", "source", "url", "title", "date", "language", "authors", "text", "captions", "sentences", "entities", "quotes", "amounts", "dates", "events" })
            Assert.True(a.TryGetProperty(key, out _), "missing key " + key);
        Assert.Equal("Harbour bridge to close for two years of repairs", a.GetProperty("title").GetString());
        Assert.Equal(2, a.GetProperty("captions").GetArrayLength());
        Assert.True(a.GetProperty("sentences").GetArrayLength() >= 6);
    }

    private static string ArticleText(string fixture)
    {
        var results = NewsGraph.Core.Readers.ArticleReader.CreateDefault().Read(NewsGraph.Core.Readers.InputSource.FromFile(TestPaths.Fixture(fixture)));
        return results.Single(r => r.Article is not null).Article!.Text;
    }
}
