using System.Text.Json;

namespace NewsGraph.Core.Tests.Cli;

public class EventCodingCommandTests
{
    [Fact]
    public void Extract_writes_events_with_every_key_and_spans_into_the_text()
    {
        var dir = TestPaths.TempDirectory();
        var file = Path.Combine(dir, "story.txt");
        File.WriteAllText(file, "Freedonia and Sylvania clash\n\nFreedonia attacked Sylvania on Tuesday, Marsovian officials said.\n");
        var result = CliRunner.Run("extract", file, "--dictionaries", TestPaths.Fixture("Events/Freedonia"));
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdoutLines.Single());
        var text = doc.RootElement.GetProperty("text").GetString()!;
        var e = doc.RootElement.GetProperty("events").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "190");
        foreach (var key in new[] { "source", "target", "sourceText", "targetText", "code", "root", "quadClass", "goldstein", "modality", "negated", "claimant", "start", "end" })
            Assert.True(e.TryGetProperty(key, out _), key);
        Assert.Equal("FRE", e.GetProperty("source").GetString());
        Assert.Equal("SYL", e.GetProperty("target").GetString());
        Assert.Equal("Marsovian officials", e.GetProperty("claimant").GetString());
        Assert.Equal("attacked", text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        Assert.Contains("dictionaries:", result.Stderr);
    }

    [Fact]
    public void Dictionaries_that_are_not_there_are_one_clear_line_and_exit_code_2()
    {
        var result = CliRunner.Run("extract", TestPaths.Fixture("PageDumps/listing-blog.txt"), "--dictionaries", "/no/such/dictionaries");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/dictionaries: no such file or folder", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public void Eval_events_scores_petrarch_records_and_ends_with_the_overall_line()
    {
        if (TestPaths.Shared is not { } shared) return;
        var records = Path.Combine(shared, "data", "petrarch2", "text", "PETR.UnitTest.records.xml");
        if (!File.Exists(records)) return;
        var result = CliRunner.Run("eval", "events", "--petrarch", records, "--dictionaries", Path.Combine(shared, "data", "petrarch2", "dictionaries"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^overall recall \d\.\d{3} root-recall \d\.\d{3} precision \d\.\d{3}$", result.StdoutLines[^1]);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("SYNSET"));
    }

    [Fact]
    public void Eval_events_on_the_gold_file_reports_precision_and_recall()
    {
        if (TestPaths.Shared is not { } shared) return;
        var bbc = Path.Combine(shared, "data", "news-corpus", "bbc");
        var gold = Path.Combine(TestPaths.RepoRoot, "eval", "events", "bbc-politics.gold.tsv");
        if (!Directory.Exists(bbc) || !File.Exists(gold)) return;
        var result = CliRunner.Run("eval", "events", "--gold", gold, "--bbc", bbc, "--date", "2005-01-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("sentences 200 "));
        Assert.Matches(@"^overall root precision \d\.\d{3} root recall \d\.\d{3}$", result.StdoutLines[^1]);
    }
}
