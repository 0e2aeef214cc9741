using System.IO.Compression;
using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.Warc;
using NewsGraph.Storage.Sqlite;
using NewsGraph.Testing;

namespace NewsGraph.Core.Tests.Readers.Warc;

/// <summary>WARC and WET files, plain and gzip, good and damaged, as Common Crawl and other crawlers write them.</summary>
public class WarcReaderTests
{
    private static List<ReadResult> Read(string name, byte[] bytes, ArticleReader? reader = null) =>
        (reader ?? ArticleReader.CreateDefault()).Read(InputSource.FromBytes(name, bytes)).ToList();

    private static List<Article> Articles(List<ReadResult> results) => results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
    private static List<ReadProblem> Problems(List<ReadResult> results) => results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();

    private static (byte[] Bytes, SyntheticCrawl.Written Written) Warc(int pages, bool gzip, int seed = 1)
    {
        var buffer = new MemoryStream();
        var written = new SyntheticCrawl(seed).WriteWarc(buffer, pages, gzip);
        return (buffer.ToArray(), written);
    }

    private static (byte[] Bytes, SyntheticCrawl.Written Written) Wet(int pages, bool gzip, int seed = 1)
    {
        var buffer = new MemoryStream();
        var written = new SyntheticCrawl(seed).WriteWet(buffer, pages, gzip);
        return (buffer.ToArray(), written);
    }

    /// <summary>One record's bytes, with a Content-Length that may lie.</summary>
    private static byte[] Record(string type, string? uri, string contentType, byte[] block, string? contentLength = null, string date = "2024-03-05T14:30:00Z")
    {
        var header = $"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n" +
                     (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n") + $"Content-Type: {contentType}\r\nContent-Length: {contentLength ?? block.Length.ToString()}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] HtmlResponse(string uri, string title, string paragraph, string contentType = "text/html; charset=utf-8", Encoding? encoding = null) =>
        Record("response", uri, "application/http; msgtype=response",
            SyntheticCrawl.HttpResponse(200, "OK", contentType, (encoding ?? Encoding.UTF8).GetBytes($"<html><head><title>{title}</title></head><body><p>{paragraph}</p></body></html>")));

    private static byte[] GzipMembers(params byte[][] records)
    {
        var output = new MemoryStream();
        foreach (var record in records)
            using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(record);
        return output.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Response_records_go_through_the_html_reader_with_target_uri_date_and_charset(bool gzip)
    {
        var (bytes, written) = Warc(40, gzip);
        var reader = HtmlStandIn.Reader(out var standIn);
        var results = Read(gzip ? "crawl.warc.gz" : "crawl.warc", bytes, reader);

        // Robots.txt, images, redirects and 404s are skipped without a word; every page is read.
        Assert.Empty(Problems(results));
        var articles = Articles(results);
        Assert.Equal(written.Pages.Select(p => p.Url), articles.Select(a => a.Url));
        Assert.Equal(written.Pages.Count, standIn.Pages.Count);
        var first = standIn.Pages.First();
        Assert.Equal("text/html; charset=UTF-8", first.ContentType);
        Assert.StartsWith("2024-03-", first.Date);
        Assert.EndsWith("Z", first.Date);
        Assert.All(articles, a => Assert.Equal(gzip ? "crawl.warc.gz" : "crawl.warc", a.Source));
        Assert.Contains(written.Pages[0].Paragraphs[0], articles[0].Text);
        // The crawl time says when the page was seen.
        Assert.Equal(first.Date, articles[0].PageDate);
    }

    [Fact]
    public void With_the_real_html_reader_each_page_gives_its_story_without_the_sites_furniture()
    {
        var (bytes, written) = Warc(12, gzip: true);
        var results = Read("crawl.warc.gz", bytes);

        var articles = Articles(results);
        Assert.Equal(written.Pages.Select(p => p.Url), articles.Select(a => a.Url));
        for (int i = 0; i < articles.Count; i++)
        {
            var page = written.Pages[i];
            Assert.StartsWith(page.Title, articles[i].Title);
            Assert.Contains(page.Paragraphs[0], articles[i].Text);
            Assert.Contains(page.Paragraphs[^1], articles[i].Text);
            Assert.DoesNotContain("All rights reserved", articles[i].Text);
            Assert.DoesNotContain("We and our 842 partners use cookies", articles[i].Text);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Wet_conversion_records_go_through_the_page_dump_reader(bool gzip)
    {
        var (bytes, written) = Wet(25, gzip);
        var results = Read("crawl.warc.wet.gz", bytes);

        Assert.Empty(Problems(results));
        var articles = Articles(results);
        Assert.Equal(written.Pages.Select(p => p.Title), articles.Select(a => a.Title));
        Assert.Equal(written.Pages.Select(p => p.Url), articles.Select(a => a.Url));
        for (int i = 0; i < articles.Count; i++)
        {
            Assert.Contains(written.Pages[i].Paragraphs[^1], articles[i].Text);
            Assert.DoesNotContain("All rights reserved", articles[i].Text);
            Assert.NotNull(articles[i].PageDate);
        }
    }

    [Fact]
    public void Records_are_found_at_the_offsets_they_were_written_at()
    {
        var (bytes, written) = Warc(15, gzip: true);
        using var input = FormatDetector.Sniff(new MemoryStream(bytes));
        using var records = new WarcRecordReader(input.Stream, bufferSize: 4096);
        var seen = new List<(string?, string?, long)>();
        while (records.TryNext(out var header)) seen.Add((header.Type, header.TargetUri, header.Offset));
        Assert.Empty(records.Damage);
        Assert.Equal(written.Records.Select(r => ((string?)r.Type, r.Uri, r.Offset)), seen);
    }

    [Fact]
    public void A_truncated_gzip_warc_keeps_the_records_before_the_cut_and_names_where_it_stopped()
    {
        var (bytes, written) = Warc(40, gzip: true);
        var cutAt = (int)written.Records[written.Records.Count / 2].CompressedOffset + 50;
        var results = Read("cut.warc.gz", bytes[..cutAt], HtmlStandIn.Reader(out _));

        var articles = Articles(results);
        Assert.InRange(articles.Count, 10, written.Pages.Count - 5);
        Assert.Equal(written.Pages.Take(articles.Count).Select(p => p.Url), articles.Select(a => a.Url));
        var problem = Assert.Single(Problems(results));
        Assert.True(problem.IsFatal);
        Assert.Contains("gzip data is truncated", problem.Reason);
        Assert.Matches(@"^cut\.warc\.gz \(record \d+ at uncompressed offset [\d,]+\): ", problem.ToString());
    }

    [Fact]
    public void A_record_whose_content_length_runs_past_the_end_is_truncation()
    {
        var first = HtmlResponse("https://a.example/1", "First", "The first story is complete.");
        var last = HtmlResponse("https://a.example/2", "Second", "The second story is cut.");
        var bytes = (byte[])[.. first, .. last[..(last.Length - 40)]];

        var results = Read("short.warc", bytes, HtmlStandIn.Reader(out _));
        Assert.Equal(["https://a.example/1"], Articles(results).Select(a => a.Url));
        var problem = Assert.Single(Problems(results));
        Assert.True(problem.IsFatal);
        Assert.Matches(@"^short\.warc \(record 2 at offset [\d,]+\): truncated: record 2 declares a block of [\d,]+ bytes but the input ends after [\d,]+$", problem.ToString());
    }

    [Fact]
    public void A_malformed_header_is_skipped_and_reading_resyncs_on_the_next_record()
    {
        var good1 = HtmlResponse("https://a.example/1", "One", "Story one.");
        var bad = Record("response", "https://a.example/bad", "application/http; msgtype=response", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\n<p>x</p>"), contentLength: "12abc");
        var good2 = HtmlResponse("https://a.example/2", "Two", "Story two.");
        foreach (bool gzip in new[] { false, true })
        {
            var bytes = gzip ? GzipMembers(good1, bad, good2) : [.. good1, .. bad, .. good2];
            var results = Read("bad-header.warc", bytes, HtmlStandIn.Reader(out _));

            Assert.Equal(["https://a.example/1", "https://a.example/2"], Articles(results).Select(a => a.Url));
            var problem = Assert.Single(Problems(results));
            Assert.False(problem.IsFatal);
            Assert.Equal($"record 2 at {(gzip ? "uncompressed " : "")}offset {good1.Length:N0}", problem.Position);
            Assert.StartsWith("malformed WARC header of record 2: Content-Length '12abc' is not a number; skipped ", problem.Reason);
        }
    }

    [Fact]
    public void A_record_longer_than_its_content_length_is_not_read_and_the_next_record_is()
    {
        var good1 = HtmlResponse("https://a.example/1", "One", "Story one.");
        var block = SyntheticCrawl.HttpResponse(200, "OK", "text/html", Encoding.ASCII.GetBytes("<html><head><title>Long</title></head><body><p>This record is longer than it says.</p></body></html>"));
        var lying = Record("response", "https://a.example/long", "application/http; msgtype=response", block, contentLength: (block.Length - 30).ToString());
        var good2 = HtmlResponse("https://a.example/2", "Two", "Story two.");

        var results = Read("long.warc", [.. good1, .. lying, .. good2], HtmlStandIn.Reader(out _));
        Assert.Equal(["https://a.example/1", "https://a.example/2"], Articles(results).Select(a => a.Url));
        var problem = Assert.Single(Problems(results));
        Assert.False(problem.IsFatal);
        Assert.StartsWith($"record 2 runs past its declared Content-Length of {block.Length - 30:N0} bytes; skipped ", problem.Reason);
    }

    [Fact]
    public void Garbage_between_records_is_skipped_with_one_problem()
    {
        var good1 = HtmlResponse("https://a.example/1", "One", "Story one.");
        var garbage = Encoding.ASCII.GetBytes("<<<this is not a record>>>\r\nnor is this\r\n");
        var good2 = HtmlResponse("https://a.example/2", "Two", "Story two.");

        var results = Read("garbage.warc", [.. good1, .. garbage, .. good2], HtmlStandIn.Reader(out _));
        Assert.Equal(2, Articles(results).Count);
        var problem = Assert.Single(Problems(results));
        Assert.Equal($"garbage.warc (record 2 at offset {good1.Length:N0}): unexpected bytes after record 1; skipped {garbage.Length:N0} bytes to the next record at offset {good1.Length + garbage.Length:N0}", problem.ToString());
    }

    [Fact]
    public void Garbage_with_no_record_after_it_ends_the_input_with_one_problem()
    {
        var good1 = HtmlResponse("https://a.example/1", "One", "Story one.");
        var results = Read("tail.warc", [.. good1, .. Encoding.ASCII.GetBytes("trailing junk that never becomes a record")], HtmlStandIn.Reader(out _));
        Assert.Single(Articles(results));
        var problem = Assert.Single(Problems(results));
        Assert.True(problem.IsFatal);
        Assert.EndsWith("unexpected bytes after record 1; no further record found", problem.Reason);
    }

    [Fact]
    public void Wget_style_chunked_and_deflated_payloads_are_decoded()
    {
        var html = Encoding.UTF8.GetBytes("<html><head><title>Chunked</title></head><body><p>A page sent in chunks and deflated.</p></body></html>");
        var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) z.Write(html);
        var payload = deflated.ToArray();
        var chunked = new MemoryStream();
        chunked.Write(Encoding.ASCII.GetBytes($"{20:x}\r\n"));
        chunked.Write(payload.AsSpan(0, 20));
        chunked.Write(Encoding.ASCII.GetBytes($"\r\n{payload.Length - 20:x};ext=1\r\n"));
        chunked.Write(payload.AsSpan(20));
        chunked.Write("\r\n0\r\n\r\n"u8);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n\r\n";
        var record = Record("response", "https://w.example/chunked", "application/http; msgtype=response", [.. Encoding.ASCII.GetBytes(head), .. chunked.ToArray()]);

        var results = Read("wget.warc", record, HtmlStandIn.Reader(out _));
        Assert.Equal("", string.Join("; ", Problems(results)));
        Assert.Equal("A page sent in chunks and deflated.", Articles(results).Single().Text);
    }

    [Fact]
    public void The_http_charset_reaches_the_html_reader()
    {
        var record = HtmlResponse("https://p.example/cafe", "Café", "Le café a rouvert lundi à Montréal.", "text/html; charset=ISO-8859-1", Encoding.Latin1);
        var reader = HtmlStandIn.Reader(out var standIn);
        var article = Articles(Read("latin.warc", record, reader)).Single();
        Assert.Equal("text/html; charset=ISO-8859-1", standIn.Pages.Single().ContentType);
        Assert.Equal("Le café a rouvert lundi à Montréal.", article.Text);
    }

    [Fact]
    public void A_feed_in_a_response_record_is_read_as_a_feed()
    {
        var feed = File.ReadAllBytes(TestPaths.Fixture("Feeds/civic-wire-rdf.rdf"));
        var record = Record("response", "https://civicwire.example/rss", "application/http; msgtype=response", SyntheticCrawl.HttpResponse(200, "OK", "application/rdf+xml", feed));
        var articles = Articles(Read("feed.warc", record));
        Assert.Equal(["Water rates to rise 4 per cent", "Central library extends weekend hours"], articles.Select(a => a.Title));
    }

    [Fact]
    public void Without_an_html_reader_pages_are_reported_as_unsupported_and_counted_past_twenty()
    {
        var (bytes, written) = Warc(30, gzip: true);
        var results = Read("crawl.warc.gz", bytes, new ArticleReader([new WarcReader()]));
        var problems = Problems(results);
        Assert.Empty(Articles(results));
        Assert.Equal(22, problems.Count);
        Assert.All(problems.Take(20), p => Assert.Contains("Html input is not supported by this build", p.Reason));
        Assert.All(problems.Take(20), p => Assert.Matches(@"^record [\d,]+ at uncompressed offset [\d,]+, https://", p.Position));
        Assert.Equal("crawl.warc.gz: 10 more record problems not shown (30 in all)", problems[20].ToString());
        Assert.Equal("crawl.warc.gz: no article found in any record of the archive", problems[21].ToString());
        Assert.True(problems[21].IsFatal);
        Assert.Equal(30, written.Pages.Count);
    }

    [Fact]
    public void A_large_warc_is_streamed_record_by_record()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "big.warc.gz");
        SyntheticCrawl.Written written;
        using (var file = File.Create(path)) written = new SyntheticCrawl(5).WriteWarc(file, 600, gzip: true);
        var pages = written.Pages.Select(p => p.Url).ToHashSet();
        var responses = written.Records.Where(r => r.Type == "response" && pages.Contains(r.Uri!)).ToDictionary(r => r.Uri!, r => r.CompressedOffset);
        long size = new FileInfo(path).Length;
        Assert.True(size > 8L << 20, $"only {size >> 20} MB");

        // When each article comes out, the file must not have been read far past its record:
        // the reader holds one buffer and one record, never the file (checked on the bytes read,
        // which other tests running at the same time cannot disturb, unlike the heap's size).
        CountingStream? counting = null;
        var source = new InputSource(path, () => counting = new CountingStream(File.OpenRead(path)));
        long worst = 0;
        int articles = 0;
        foreach (var result in HtmlStandIn.Reader(out var standIn).Read(source))
        {
            standIn.Pages.Clear();
            if (result.Article is not { } article) continue;
            articles++;
            worst = Math.Max(worst, counting!.BytesRead - responses[article.Url!]);
        }
        Assert.Equal(written.Pages.Count, articles);
        Assert.True(worst < 1L << 20, $"read {worst >> 10} KB past the record an article came from, in a {size >> 20} MB file");
        File.Delete(path);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead;
        public override int Read(byte[] buffer, int offset, int count) { int n = inner.Read(buffer, offset, count); BytesRead += n; return n; }
        public override int Read(Span<byte> buffer) { int n = inner.Read(buffer); BytesRead += n; return n; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    [Fact]
    public void Ingesting_the_same_warc_twice_stores_nothing_the_second_time()
    {
        var (bytes, written) = Warc(20, gzip: true);
        var db = Path.Combine(TestPaths.TempDirectory(), "crawl.db");
        int Ingest()
        {
            using var store = SqliteArticleStore.Open(db);
            var articles = Articles(Read("crawl.warc.gz", bytes, HtmlStandIn.Reader(out _)));
            Assert.Equal(written.Pages.Count, articles.Count);
            return store.Add(articles);
        }
        Assert.Equal(20, Ingest());
        Assert.Equal(0, Ingest());
    }
}
