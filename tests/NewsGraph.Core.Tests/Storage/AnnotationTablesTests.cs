using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Storage;

public class AnnotationTablesTests : IDisposable
{
    private readonly string _dir = TestPaths.TempDirectory();
    private string DbPath => Path.Combine(_dir, "facts.db");

    private static Article Annotated()
    {
        const string text = "🎉 “We will not back down,” the minister said, as 25 people were killed on Tuesday.";
        // Segmentation only: the facts below are set by hand, one of each kind, not by the extractors.
        var segmentation = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Build();
        var a = segmentation.Run(new Article(text, "Minister defiant") { Source = "f.txt", Date = "2024-03-05T10:00:00Z" });
        Span Find(string s) { int i = text.IndexOf(s, StringComparison.Ordinal); return new Span(i, i + s.Length); }
        a.Quotes.Clear(); // the quote stage found it already; one hand-made row keeps the offsets below exact
        a.Quotes.Add(new Quote(Find("We will not back down,"), Direct: true, Verb: "say") { Speaker = "the minister", SpeakerType = "description" });
        a.Amounts.Add(new Amount(Find("25 people"), 25, "person") { Object = "people" });
        a.Counts.Add(new CasualtyCount(Find("25 people were killed"), "killed", 25) { Object = "people" });
        a.Dates.Add(new DateMention(Find("Tuesday"), "2024-03-05") { Granularity = "day" });
        a.Events.Add(new Event(Find("people were killed"), "190") { Root = "19", QuadClass = 4, Goldstein = -10 });
        a.Tone = new Tone(-3.2, 1.1, 4.3, 5.4, 20, 1.5, 16);
        a.Themes.Add(new ThemeAssignment("ARMED_CONFLICT", 0.8, [Find("killed")]));
        return a;
    }

    [Fact]
    public void Each_fact_gets_its_row_with_code_point_offsets_and_a_rerun_adds_none()
    {
        var article = Annotated();
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            Assert.Equal(1, store.Add([article]));
            Assert.Equal(0, store.Add([article]));
        }

        using var c = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        long Scalar(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return Convert.ToInt64(cmd.ExecuteScalar()); }
        foreach (var table in new[] { "quotes", "amounts", "counts", "dates", "events", "tone", "themes" })
            Assert.Equal(1, Scalar($"SELECT count(*) FROM {table}"));

        // The emoji is one code point but two UTF-16 units: stored offsets are code points, as in the JSON.
        var quoteStart = article.Text.IndexOf("We will", StringComparison.Ordinal);
        Assert.Equal(quoteStart - 1, Scalar("SELECT start FROM quotes"));
        Assert.Equal(25, Scalar("SELECT number FROM counts WHERE kind = 'killed'"));
        Assert.Equal("integer", ScalarText(c, "SELECT typeof(number) FROM counts"));
        Assert.Equal("2024-03-05", ScalarText(c, "SELECT day FROM events"));
        Assert.Equal("people were killed", ScalarText(c, "SELECT text FROM events"));
    }

    private static string ScalarText(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (string)cmd.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
