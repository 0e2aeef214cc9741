using System.Text.Json;

namespace NewsGraph.Core.Tests.Export;

public class JsonLinesExportTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public JsonLinesExportTests(ExportFixtureStore store) => _store = store;

    [Fact]
    public void Each_line_is_one_article_with_all_its_facts()
    {
        var result = _store.Export("jsonl");
        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(ExportFixtureStore.Articles, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            var article = _store.Stored[i];
            Assert.Equal(article.Id, root.GetProperty("id").GetString());
            Assert.Equal(article.Text, root.GetProperty("text").GetString());
            Assert.Equal(article.Events.Count, root.GetProperty("events").GetArrayLength());
            Assert.Equal(article.Entities.Count, root.GetProperty("entities").GetArrayLength());
            Assert.Equal(article.Themes.Count, root.GetProperty("themes").GetArrayLength());
            Assert.Equal(JsonValueKind.Object, root.GetProperty("tone").ValueKind);
        }
    }

    [Fact]
    public void Until_keeps_the_articles_up_to_that_day()
    {
        var lines = _store.Export("jsonl", "--until", "2024-03-05").StdoutLines;
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Out_writes_the_file_and_replaces_an_old_one()
    {
        var path = Path.Combine(_store.Directory, "articles.jsonl");
        File.WriteAllText(path, "old\n");
        var result = _store.Export("jsonl", "--out", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(ExportFixtureStore.Articles, File.ReadAllLines(path).Length);
        Assert.Contains("exported 5 articles", result.Stderr);
    }

    [Fact]
    public void An_unknown_format_or_a_missing_database_is_one_clear_line()
    {
        var unknown = _store.Export("xlsx");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown format 'xlsx'", unknown.Stderr);
        var missing = Cli.CliRunner.Run("export", "--format", "jsonl", "--db", Path.Combine(_store.Directory, "none.db"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Single(missing.StderrLines);
    }
}
