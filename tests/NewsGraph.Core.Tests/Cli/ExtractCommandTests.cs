using System.Text.Json;

namespace NewsGraph.Core.Tests.Cli;

public class ExtractCommandTests
{
    [Fact]
    public void Writes_one_json_object_per_article_to_stdout_and_a_summary_to_stderr()
    {
        var result = CliRunner.Run("extract", TestPaths.Fixture("PageDumps/listing-blog.txt"));

        Assert.Equal(0, result.ExitCode);
        var titles = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Contains("newsgraph: extracted 3 articles from 1 of 1 input", result.Stderr);
    }

    [Fact]
    public void Several_threads_write_the_same_output_in_the_same_order_as_one()
    {
        var dir = TestPaths.Fixture("PageDumps");
        var one = CliRunner.Run("extract", dir, "--threads", "1");
        var three = CliRunner.Run("extract", dir, "--threads", "3");
        Assert.Equal(0, three.ExitCode);
        Assert.True(one.StdoutLines.Length >= 10, one.Stderr);
        Assert.Equal(one.Stdout, three.Stdout);
    }

    [Fact]
    public void Spans_in_the_output_point_at_their_text()
    {
        var result = CliRunner.Run("extract", "--tokens", TestPaths.Fixture("PageDumps/single-article-broadsheet.txt"));
        using var doc = JsonDocument.Parse(result.StdoutLines.Single());
        var text = doc.RootElement.GetProperty("text").GetString()!;

        foreach (var pair in doc.RootElement.GetProperty("sentences").EnumerateArray())
        {
            int start = pair[0].GetInt32(), end = pair[1].GetInt32();
            Assert.InRange(start, 0, end - 1);
            Assert.InRange(end, start + 1, text.Length);
            Assert.False(char.IsWhiteSpace(text[start]) || char.IsWhiteSpace(text[end - 1]));
        }
        Assert.True(doc.RootElement.GetProperty("tokens").GetArrayLength() > 100);
    }

    [Fact]
    public void A_directory_of_mixed_files_is_read_recursively_and_bad_files_are_named_one_line_each()
    {
        var dir = TestPaths.TempDirectory();
        File.Copy(TestPaths.Fixture("PageDumps/listing-blog.txt"), Path.Combine(dir, "a.txt"));
        Directory.CreateDirectory(Path.Combine(dir, "nested"));
        File.Copy(TestPaths.Fixture("PageDumps/wire-duplicated.txt"), Path.Combine(dir, "nested", "story"));
        File.WriteAllBytes(Path.Combine(dir, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "");

        var result = CliRunner.Run("extract", dir, Path.Combine(dir, "missing.txt"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.StdoutLines.Length);
        var errors = result.StderrLines.Where(l => !l.Contains("extracted")).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, l => l.Contains("logo.png") && l.Contains("binary"));
        Assert.Contains(errors, l => l.Contains("empty.txt") && l.Contains("empty"));
        Assert.Contains(errors, l => l.Contains("missing.txt") && l.Contains("no such file"));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Exit_code_is_non_zero_only_when_nothing_could_be_read()
    {
        var dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "");

        var result = CliRunner.Run("extract", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var stdin = File.ReadAllBytes(TestPaths.Fixture("PageDumps/regional-quoted-headline.txt"));
        var articles = NewsGraph.Core.Readers.InputEnumerator.Expand(["-"], () => new MemoryStream(stdin)).ToList();
        var source = Assert.Single(articles).Source!;
        var article = NewsGraph.Core.Readers.ArticleReader.CreateDefault().Read(source).Single(r => r.Article is not null).Article!;

        Assert.Equal("-", article.Source);
        Assert.Equal("‘We were left with nothing,’ flood victims say", article.Title);
    }

    [Fact]
    public void Unknown_options_get_a_usage_line_not_a_stack_trace()
    {
        var result = CliRunner.Run("extract", "--frobnicate", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsgraph: extract: unknown option --frobnicate (see 'newsgraph extract --help')", result.Stderr.Trim());
    }
}
