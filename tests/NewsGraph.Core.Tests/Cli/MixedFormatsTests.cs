using System.Text.Json;
using NewsGraph.Core.Tests.Readers.Feeds;
using NewsGraph.Testing;

namespace NewsGraph.Core.Tests.Cli;

/// <summary>`extract` and `ingest` on a directory holding every format, plain and gzipped, recognised by content, not by name.</summary>
public class MixedFormatsTests
{

    /// <summary>A directory as a user might have it: feeds, exports and crawl files, some gzipped, some with misleading names.</summary>
    private static (string Dir, int WetPages, int WarcPages) MixedDirectory()
    {
        var dir = TestPaths.TempDirectory();
        foreach (var file in Directory.GetFiles(TestPaths.Fixture("Feeds")))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        // The same feed gzipped and renamed: the content says what it is.
        File.WriteAllBytes(Path.Combine(dir, "atom-copy.dat"), FeedReaderTests.Gzip(File.ReadAllBytes(TestPaths.Fixture("Feeds/northern-times-atom.xml"))));
        Directory.CreateDirectory(Path.Combine(dir, "exports"));
        File.Copy(TestPaths.Fixture("JsonLines/news-export.jsonl"), Path.Combine(dir, "exports", "news.jsonl"));
        File.WriteAllBytes(Path.Combine(dir, "exports", "news.jsonl.gz"), FeedReaderTests.Gzip(File.ReadAllBytes(TestPaths.Fixture("JsonLines/news-export.jsonl"))));
        Directory.CreateDirectory(Path.Combine(dir, "crawl"));
        int wetPages;
        using (var wet = File.Create(Path.Combine(dir, "crawl", "CC-MAIN-00001.warc.wet.gz"))) wetPages = new SyntheticCrawl(11).WriteWet(wet, 12, gzip: true).Pages.Count;
        using (var wet = File.Create(Path.Combine(dir, "crawl", "plain.wet"))) new SyntheticCrawl(12).WriteWet(wet, 3, gzip: false);
        int warcPages;
        using (var warc = File.Create(Path.Combine(dir, "crawl", "CC-MAIN-00001.warc.gz"))) warcPages = new SyntheticCrawl(13).WriteWarc(warc, 5, gzip: true).Pages.Count;
        File.Copy(TestPaths.Fixture("PageDumps/listing-blog.txt"), Path.Combine(dir, "listing.txt"));
        return (dir, wetPages + 3, warcPages);
    }

    [Fact]
    public void Extract_reads_every_format_in_a_mixed_directory()
    {
        var (dir, wetPages, warcPages) = MixedDirectory();
        var result = CliRunner.Run("extract", dir);

        Assert.Equal(0, result.ExitCode);
        var articles = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        int From(string name) => articles.Count(a => a.GetProperty("source").GetString()!.EndsWith(name, StringComparison.Ordinal));
        Assert.Equal(3, From("harbour-gazette-rss2.xml"));
        Assert.Equal(2, From("northern-times-atom.xml"));
        Assert.Equal(2, From("atom-copy.dat"));
        Assert.Equal(2, From("civic-wire-rdf.rdf"));
        Assert.Equal(2, From("valley-post-summaries-latin1.xml"));
        Assert.Equal(12, From("CC-MAIN-00001.warc.wet.gz"));
        Assert.Equal(3, From("plain.wet"));
        Assert.Equal(3, From("listing.txt"));
        // JSON Lines articles carry their own "source" where the line gave one; the "html" line is read by the HTML reader.
        int jsonLines = 4;
        Assert.Equal(2 * jsonLines, articles.Count(a => a.GetProperty("source").GetString() is "AgriNews" or "Capital Reporter" || a.GetProperty("source").GetString()!.EndsWith(".jsonl", StringComparison.Ordinal) || a.GetProperty("source").GetString()!.EndsWith(".jsonl.gz", StringComparison.Ordinal)));
        // WARC response records hold HTML pages, each read by the HTML reader.
        Assert.Equal(warcPages, From("CC-MAIN-00001.warc.gz"));
        Assert.Equal(3 + 2 + 2 + 2 + 2 + 2 * jsonLines + wetPages + warcPages + 3, articles.Count);
        Assert.Contains($"extracted {articles.Count} articles from 11 of 11 inputs", result.Stderr);
        Assert.DoesNotContain("internal error", result.Stderr);
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("text").GetString())));
    }

    [Fact]
    public void Ingesting_a_mixed_directory_twice_stores_each_article_once()
    {
        var (dir, _, _) = MixedDirectory();
        var db = Path.Combine(TestPaths.TempDirectory(), "ng.db");

        var first = CliRunner.Run("ingest", dir, "--db", db);
        var second = CliRunner.Run("ingest", dir, "--db", db);

        Assert.Equal(0, first.ExitCode);
        // The gzipped copies hold the same articles as the plain files: stored once.
        var stored = System.Text.RegularExpressions.Regex.Match(first.Stderr, @"stored (\d+) new, (\d+) already stored");
        Assert.True(stored.Success, first.Stderr);
        int duplicates = 2 + 4;
        Assert.Equal(duplicates, int.Parse(stored.Groups[2].Value));
        Assert.Contains($"stored 0 new, {int.Parse(stored.Groups[1].Value) + duplicates} already stored", second.Stderr);
    }

    [Fact]
    public void Ingesting_the_same_warc_twice_adds_nothing()
    {
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, "CC-MAIN-20240305-00042.warc.gz");
        int pages;
        using (var warc = File.Create(path)) pages = new SyntheticCrawl(8).WriteWarc(warc, 25, gzip: true).Pages.Count;
        var db = Path.Combine(dir, "ng.db");

        var first = CliRunner.Run("ingest", path, "--db", db);
        var second = CliRunner.Run("ingest", path, "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"stored {pages} new, 0 already stored; {pages} articles", first.Stderr);
        Assert.Contains($"stored 0 new, {pages} already stored; {pages} articles", second.Stderr);
    }

    [Fact]
    public void Ingesting_the_same_wet_file_twice_adds_nothing()
    {
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, "crawl.warc.wet.gz");
        using (var wet = File.Create(path)) new SyntheticCrawl(3).WriteWet(wet, 30, gzip: true);
        var db = Path.Combine(dir, "ng.db");

        var first = CliRunner.Run("ingest", path, "--db", db);
        var second = CliRunner.Run("ingest", path, "--db", db);

        Assert.Contains("stored 30 new, 0 already stored; 30 articles", first.Stderr);
        Assert.Contains("stored 0 new, 30 already stored; 30 articles", second.Stderr);
    }

    [Fact]
    public void A_damaged_archive_is_named_with_the_record_and_the_batch_goes_on()
    {
        var dir = TestPaths.TempDirectory();
        var bytes = new MemoryStream();
        new SyntheticCrawl(4).WriteWet(bytes, 10, gzip: true);
        var all = bytes.ToArray();
        File.WriteAllBytes(Path.Combine(dir, "a-cut.warc.wet.gz"), all[..(all.Length * 2 / 3)]);
        File.Copy(TestPaths.Fixture("Feeds/civic-wire-rdf.rdf"), Path.Combine(dir, "b-feed.rdf"));

        var result = CliRunner.Run("extract", dir);

        Assert.Equal(0, result.ExitCode);
        var errors = result.StderrLines.Where(l => !l.Contains("extracted")).ToList();
        var error = Assert.Single(errors);
        Assert.Matches(@"^newsgraph: .*a-cut\.warc\.wet\.gz \(record \d+ at uncompressed offset [\d,]+\): gzip data is truncated", error);
        Assert.Contains(result.StdoutLines, l => l.Contains("Water rates to rise 4 per cent"));
        Assert.True(result.StdoutLines.Length > 4);
    }
}
