using System.IO.Compression;
using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers;

/// <summary>Bad input is reported as one problem naming the input; it never throws and never stops a batch.</summary>
[Collection(MemoryMeasuringCollection.Name)]
public class ArticleReaderTests
{
    private static readonly ArticleReader Reader = ArticleReader.CreateDefault();
    private const string Page = "Council approves new budget\n\nThe city council approved a budget of $2 billion on Monday.\n\nThe mayor said it was balanced.\n";

    private static List<ReadResult> Read(InputSource source) => Reader.Read(source).ToList();

    [Fact]
    public void Binary_file_is_skipped_with_its_kind_named()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 };
        var problem = Assert.Single(Read(InputSource.FromBytes("photo.txt", png))).Problem!;

        Assert.True(problem.IsFatal);
        Assert.Equal("photo.txt: binary content (PNG image), not text; skipped", problem.ToString());
    }

    [Fact]
    public void Bytes_full_of_control_characters_are_binary_whatever_the_name()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var problem = Assert.Single(Read(InputSource.FromBytes("article.txt", random))).Problem!;
        Assert.Contains("binary content", problem.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  \n")]
    public void Empty_input_is_reported_as_empty(string content)
    {
        var problem = Assert.Single(Read(InputSource.FromText("empty.txt", content))).Problem!;
        Assert.Equal("empty.txt: empty input, nothing to read", problem.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_read_as_windows_1252_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("Café owners protest\n\nThe café owners of Montréal marched on Friday.\n");
        var results = Read(InputSource.FromBytes("latin1.txt", bytes));

        var article = Assert.Single(results, r => r.Article is not null).Article!;
        Assert.Contains("café owners of Montréal", article.Text);
        var warning = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.False(warning.IsFatal);
        Assert.Equal("latin1.txt: not valid UTF-8; read as Windows-1252", warning.ToString());
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_read_without_it()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Page)).ToArray();
        var article = Assert.Single(Read(InputSource.FromBytes("bom.txt", bytes))).Article!;
        Assert.Equal("Council approves new budget", article.Title);
    }

    [Fact]
    public void File_that_vanishes_before_it_is_read_is_reported()
    {
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, "gone.txt");
        File.WriteAllText(path, Page);
        var source = InputSource.FromFile(path);
        File.Delete(path);

        var problem = Assert.Single(Read(source)).Problem!;
        Assert.Equal($"{path}: file vanished before it could be read", problem.ToString());
    }

    [Fact]
    public void Gzip_input_is_recognised_by_content()
    {
        var article = Assert.Single(Read(InputSource.FromBytes("page.bin", Gzip(Page)))).Article!;
        Assert.Equal("Council approves new budget", article.Title);
    }

    [Fact]
    public void Truncated_gzip_keeps_what_was_read_and_reports_the_rest()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 2000; i++)
            sb.Append($"Story number {i} about the harbour\n\nThe harbour board met for the {i}th time on Monday and agreed on item {i * 7}.\n\n");
        var gz = Gzip(sb.ToString());
        var cut = gz[..(gz.Length / 2)];

        var results = Read(InputSource.FromBytes("cut.txt.gz", cut));
        Assert.Contains(results, r => r.Article is not null);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.StartsWith("cut.txt.gz (line ", problem.ToString());
        Assert.Contains("gzip data is truncated", problem.Reason);
        Assert.True(problem.IsFatal);
    }

    [Fact]
    public void Huge_input_is_streamed_with_bounded_memory()
    {
        // 200 MB of page dump, produced on the fly: one runaway line of 8 MB, then many articles.
        using var stream = new GeneratedPageStream(200L << 20);
        var source = new InputSource("huge.txt", () => stream);
        // What the reading adds: models and dictionaries other tests loaded stay in the process.
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        int articles = 0;
        var warnings = new List<string>();
        foreach (var result in Reader.Read(source))
        {
            if (result.Article is not null) articles++;
            else warnings.Add(result.Problem!.ToString());
            if (articles % 500 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        }

        Assert.True(articles > 10_000, $"only {articles} articles");
        Assert.True(peak < 400L << 20, $"managed heap reached {peak >> 20} MB");
        Assert.Contains(warnings, w => w.Contains("longer than"));
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    /// <summary>A read-only stream of page-dump text of a given length that never exists in memory at once.</summary>
    private sealed class GeneratedPageStream(long length) : Stream
    {
        private long _position;
        private readonly byte[] _runaway = Encoding.ASCII.GetBytes(new string('x', 8 << 20) + "\n\n");
        private int _story;
        private byte[] _chunk = [];
        private int _chunkPos;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= length) return 0;
            if (_chunkPos >= _chunk.Length)
            {
                _chunk = _position == 0 ? _runaway : Encoding.UTF8.GetBytes(
                    $"Harbour board meets for session {_story}\n\nThe harbour board met on Monday for session {_story} and approved {_story % 90} new berths.\n\nMembers said the vote was close.\n\n");
                _story++;
                _chunkPos = 0;
            }
            int n = (int)Math.Min(Math.Min(count, _chunk.Length - _chunkPos), length - _position);
            Array.Copy(_chunk, _chunkPos, buffer, offset, n);
            _chunkPos += n;
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
