using System.Text;
using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.JsonLines;
using NewsGraph.Core.Tests.Readers.Feeds;

namespace NewsGraph.Core.Tests.Readers.JsonLines;

public class JsonLinesReaderTests
{
    private static List<ReadResult> Read(string name, byte[] bytes, ArticleReader? reader = null) =>
        (reader ?? ArticleReader.CreateDefault()).Read(InputSource.FromBytes(name, bytes)).ToList();

    private static List<ReadResult> Read(string name, string text, ArticleReader? reader = null) => Read(name, Encoding.UTF8.GetBytes(text), reader);

    private static List<Article> Articles(List<ReadResult> results) => results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();

    private static string Line(object o) => JsonSerializer.Serialize(o);

    [Fact]
    public void A_news_export_gives_one_article_per_good_line_and_names_the_bad_lines()
    {
        var results = Read("news-export.jsonl", File.ReadAllBytes(TestPaths.Fixture("JsonLines/news-export.jsonl")), HtmlStandIn.Reader(out _));
        var articles = Articles(results);
        Assert.Equal(["Grain exports recover after port reopens", "Council rejects tower block plan", "Storm closes mountain pass", "Budget talks stall"],
            articles.Select(a => a.Title));

        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!.ToString()).ToList();
        Assert.Equal(
        [
            "news-export.jsonl (line 4): no \"text\" or \"html\" field",
            "news-export.jsonl (line 5): not valid JSON: 'n' is an invalid start of a property name. Expected a '\"'",
        ], problems);
        Assert.All(results.Where(r => r.Problem is not null), r => Assert.False(r.Problem!.IsFatal));
    }

    [Fact]
    public void Text_with_a_title_is_the_body_as_given_with_the_lines_metadata()
    {
        var article = Articles(Read("export.jsonl", File.ReadAllBytes(TestPaths.Fixture("JsonLines/news-export.jsonl"))))[0];
        // The headline repeated at the top of the text is not body text.
        Assert.StartsWith("Shipments of wheat and maize rose to 3.1 million tonnes", article.Text);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("AgriNews", article.Source);
        Assert.Equal("https://agrinews.example/2024/03/grain-exports", article.Url);
        Assert.Equal("2024-03-04T10:20+02:00", article.Date);
        Assert.Equal(["Olena Shevchenko"], article.Authors);
    }

    [Fact]
    public void Text_without_a_title_is_read_as_a_page_dump_that_finds_its_headline()
    {
        var article = Articles(Read("export.jsonl", File.ReadAllBytes(TestPaths.Fixture("JsonLines/news-export.jsonl"))))[1];
        Assert.Equal("Council rejects tower block plan", article.Title);
        Assert.Equal("2024-03-02", article.Date);
        Assert.DoesNotContain("Share this article", article.Text);
        Assert.DoesNotContain("Home | World", article.Text);
        Assert.Equal("export.jsonl", article.Source);
    }

    [Fact]
    public void Html_goes_through_the_html_reader_with_the_lines_url_and_date()
    {
        var reader = HtmlStandIn.Reader(out var standIn);
        var line = Line(new { html = "<html><head><title>Storm closes pass</title></head><body><p>Heavy snow closed the pass on Sunday.</p></body></html>", url = "https://alpinepost.example/storm", date = "Sun, 03 Mar 2024 21:00:00 +0100" });
        var article = Articles(Read("pages.jsonl", line + "\n", reader)).Single();

        var seen = Assert.Single(standIn.Pages);
        Assert.Equal("https://alpinepost.example/storm", seen.Url);
        Assert.Equal("2024-03-03T21:00+01:00", seen.Date);
        Assert.Equal("Storm closes pass", article.Title);
        Assert.Equal("Heavy snow closed the pass on Sunday.", article.Text);
        Assert.Equal("https://alpinepost.example/storm", article.Url);
    }

    [Fact]
    public void Without_an_html_reader_an_html_line_is_a_warning_and_the_rest_goes_on()
    {
        var lines = Line(new { html = "<p>Only markup.</p>" }) + "\n" + Line(new { title = "Rates held", text = "The central bank held rates at 4 per cent on Thursday." }) + "\n";
        var results = Read("mixed.jsonl", lines, new ArticleReader([new JsonLinesReader()]));
        Assert.Equal("Rates held", Articles(results).Single().Title);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Equal("mixed.jsonl (line 1): Html input is not supported by this build; skipped", problem.ToString());
        Assert.False(problem.IsFatal);
    }

    [Fact]
    public void Dates_in_any_machine_form_are_normalised_and_unix_numbers_accepted()
    {
        var lines = string.Join("\n",
            Line(new { title = "A", text = "First story text here.", date = "2024-03-05T14:30:00+02:00" }),
            Line(new { title = "B", text = "Second story text here.", date = 1709649000 }),
            Line(new { title = "C", text = "Third story text here.", date = "not a date" }));
        var dates = Articles(Read("d.jsonl", lines)).Select(a => a.Date).ToList();
        Assert.Equal(["2024-03-05T14:30+02:00", "2024-03-05T14:30Z", null], dates);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_with_its_number_and_the_next_line_is_read()
    {
        var huge = Line(new { title = "Huge", text = new string('x', 5000) });
        var lines = Line(new { title = "Before", text = "A story before the long line." }) + "\n" + huge + "\n" + Line(new { title = "After", text = "A story after the long line." }) + "\n";
        var reader = new ArticleReader([new JsonLinesReader(maxLineBytes: 1024)]);
        var results = Read("long.jsonl", lines, reader);
        Assert.Equal(["Before", "After"], Articles(results).Select(a => a.Title));
        Assert.Equal("long.jsonl (line 2): line longer than 1 KB; skipped", Assert.Single(results, r => r.Problem is not null).Problem!.ToString());
    }

    [Fact]
    public void Bad_lines_of_every_kind_are_each_named_and_do_not_stop_the_file()
    {
        var lines = string.Join("\n",
            Line(new { title = "Fine", text = "The harbour reopened on Monday." }),
            "[1, 2, 3]",
            "\"just a string\"",
            "{\"title\": \"Unclosed\", \"text\": \"abc",
            "{\"text\": 42}",
            Line(new { title = "Also fine", text = "The ferry ran on time on Tuesday." }),
            "");
        var results = Read("bad.jsonl", lines);
        Assert.Equal(["Fine", "Also fine"], Articles(results).Select(a => a.Title));
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        Assert.Equal(["line 2", "line 3", "line 4", "line 5"], problems.Select(p => p.Position));
        Assert.Equal("a JSON array, not an object", problems[0].Reason);
        Assert.Equal("a JSON string, not an object", problems[1].Reason);
        Assert.StartsWith("not valid JSON", problems[2].Reason);
        Assert.Equal("no \"text\" or \"html\" field", problems[3].Reason);
    }

    [Fact]
    public void Invalid_utf8_on_one_line_is_that_lines_problem()
    {
        var good = Encoding.UTF8.GetBytes(Line(new { title = "Good", text = "A fine story about the port." }) + "\n");
        var bad = Encoding.UTF8.GetBytes("{\"title\": \"Bad\", \"text\": \"caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var results = Read("utf.jsonl", [.. bad, .. good]);
        Assert.Equal("Good", Articles(results).Single().Title);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Equal("line 1", problem.Position);
        Assert.Contains("not valid", problem.Reason);
    }

    [Fact]
    public void A_file_of_nothing_but_bad_lines_shows_the_first_twenty_and_counts_the_rest()
    {
        var lines = string.Concat(Enumerable.Range(0, 100).Select(i => "{broken\n"));
        var results = Read("junk.jsonl", lines);
        var problems = results.Select(r => r.Problem!).ToList();
        Assert.Equal(22, problems.Count);
        Assert.Equal("junk.jsonl: 80 more record problems not shown (100 in all)", problems[20].ToString());
        Assert.Equal("junk.jsonl: none of the 100 JSON lines held an article", problems[21].ToString());
        Assert.True(problems[21].IsFatal);
    }

    [Fact]
    public void Gzipped_json_lines_read_the_same_and_a_cut_gzip_keeps_the_lines_before_the_cut()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.Append(Line(new { title = $"Story {i}", text = $"The harbour board met for the {i}th time and agreed item {i * 7}." })).Append('\n');
        var gz = FeedReaderTests.Gzip(Encoding.UTF8.GetBytes(sb.ToString()));

        Assert.Equal(3000, Articles(Read("all.jsonl.gz", gz)).Count);
        var cut = Read("cut.jsonl.gz", gz[..(gz.Length / 2)]);
        Assert.InRange(Articles(cut).Count, 100, 2999);
        var problem = Assert.Single(cut, r => r.Problem is not null).Problem!;
        Assert.True(problem.IsFatal);
        Assert.Contains("gzip data is truncated", problem.Reason);
        Assert.StartsWith("line ", problem.Position);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_are_accepted()
    {
        var text = "\uFEFF" + Line(new { title = "One", text = "First." }) + "\r\n" + Line(new { title = "Two", text = "Second." }) + "\r\n";
        var results = Read("bom.jsonl", text);
        Assert.Equal(["One", "Two"], Articles(results).Select(a => a.Title));
        Assert.DoesNotContain(results, r => r.Problem is not null);
    }
}
