using System.IO.Compression;
using System.Text;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.Html;

namespace NewsGraph.Core.Tests.Readers.Html;

/// <summary>Bad pages cost bounded time and memory and end as one problem line naming the input.</summary>
public class HtmlBadInputTests
{
    private static readonly ArticleReader Reader = ArticleReader.CreateDefault();
    private const string Story = "<p>The port authority said on Monday that container traffic rose by nine per cent in the first quarter of the year.</p>";

    private static List<ReadResult> ReadWithin(InputSource source, int seconds = 60)
    {
        // A guard against a hang, not a speed test: the bound is far above the real cost.
        var task = Task.Run(() => Reader.Read(source).ToList());
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"reading {source.Name} did not finish within {seconds} s");
        return task.Result;
    }

    [Theory]
    [InlineData("<div>")]
    [InlineData("<font size=2>")]
    [InlineData("<b>")]
    [InlineData("<table><tr><td>")]
    public void Deeply_nested_markup_is_cut_to_a_bounded_depth_and_its_text_kept(string opener)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(opener, 100_000)) + Story + "</body></html>";
        var results = ReadWithin(InputSource.FromText("nested.html", html));

        var article = Assert.Single(results, r => r.Article is not null).Article!;
        Assert.Contains("container traffic rose by nine per cent", article.Text);
        var warning = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.False(warning.IsFatal);
        Assert.Contains($"markup nested over {MarkupDepthGuard.MaxDepth} levels deep", warning.Reason);
    }

    [Fact]
    public void Depth_guard_leaves_ordinary_pages_untouched()
    {
        var html = "<html><body><div><ul><li>one<li>two</ul><p>a<p>b</div>" + string.Concat(Enumerable.Repeat("<p>para", 5000)) + "</body></html>";
        var (bounded, dropped) = MarkupDepthGuard.Bound(html);
        Assert.Same(html, bounded);
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void Depth_guard_does_not_read_script_text_as_tags()
    {
        var html = "<html><body><script>" + string.Concat(Enumerable.Repeat("if (a<b) x = '<div>';", 1000)) + "</script>" + Story + "</body></html>";
        var (_, dropped) = MarkupDepthGuard.Bound(html, maxDepth: 16);
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void A_200_MB_page_is_read_only_up_to_the_size_bound()
    {
        var stream = new RepeatingStream(Encoding.UTF8.GetBytes("<html><body>" + Story), Encoding.UTF8.GetBytes("<p>More text from a page that never ends, repeated.</p>\n"), 200L << 20);
        var source = new InputSource("endless.html", () => stream);
        var results = ReadWithin(source, 120);

        Assert.InRange(stream.BytesRead, HtmlReader.MaxPageBytes, HtmlReader.MaxPageBytes + (1 << 20));
        Assert.Single(results, r => r.Article is not null);
        var warning = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.False(warning.IsFatal);
        Assert.Equal("endless.html: page over 8 MB; only the first 8 MB were read", warning.ToString());
    }

    [Fact]
    public void Malformed_markup_still_yields_the_article()
    {
        var html = "<html><head><title>Mayor resigns</title><body><div class=story><p>The mayor resigned on Friday after an inquiry found she had misused council funds for travel.<p>Her deputy, Paul Grant, will lead the council until an election in June, officials said.</i></b></div></div></span><p <<>> attr=\"unclosed>Stray" +
                   "<table><td>orphan cell</table></body></html></html><p>after the end";
        var results = ReadWithin(InputSource.FromText("malformed.html", html));
        var article = Assert.Single(results, r => r.Article is not null).Article!;
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("The mayor resigned on Friday", article.Text);
        Assert.EndsWith("officials said.", article.Text);
    }

    [Theory]
    [InlineData("menu.html", "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><ul><li><a href=/a>Sport</a></li><li><a href=/b>Weather</a></li></ul></body></html>")]
    [InlineData("empty-body.html", "<html><head><title>Nothing here</title></head><body></body></html>")]
    [InlineData("script-only.html", "<!DOCTYPE html><html><body><div id=app></div><script>render(document.getElementById('app'))</script></body></html>")]
    public void Page_without_article_text_is_one_fatal_problem_naming_it(string name, string html)
    {
        var results = ReadWithin(InputSource.FromText(name, html));
        var problem = Assert.Single(results).Problem!;
        Assert.True(problem.IsFatal);
        Assert.StartsWith(name + ": no article text found in the page", problem.ToString());
    }

    [Fact]
    public void Truncated_gzip_page_is_reported_and_the_batch_goes_on()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><article>" + string.Concat(Enumerable.Repeat(Story, 200)) + "</article></body></html>");
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) z.Write(html);
        var truncated = gz.ToArray()[..(int)(gz.Length / 2)];

        var first = ReadWithin(InputSource.FromBytes("cut.html.gz", truncated));
        var second = ReadWithin(InputSource.FromText("good.html", "<html><body>" + Story + "</body></html>"));

        var problem = Assert.Single(first, r => r.Problem is not null).Problem!;
        Assert.True(problem.IsFatal);
        Assert.StartsWith("cut.html.gz: ", problem.ToString());
        Assert.Single(second, r => r.Article is not null);
    }

    /// <summary>A page of <paramref name="length"/> bytes made on the fly, so the test holds none of it in memory.</summary>
    private sealed class RepeatingStream(byte[] head, byte[] unit, long length) : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - BytesRead);
            for (int i = 0; i < n; i++)
            {
                long at = BytesRead + i;
                buffer[offset + i] = at < head.Length ? head[at] : unit[(at - head.Length) % unit.Length];
            }
            BytesRead += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
