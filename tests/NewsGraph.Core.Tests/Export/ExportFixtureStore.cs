using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Themes;
using NewsGraph.Core.Extractors.Tone;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Tests.Cli;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Export;

/// <summary>
/// A store of five news articles with hand-set entities, events, quotes, amounts, counts and
/// dates (the entity and event coders are not needed), ingested through the real store, for the
/// export and query tests. What it holds, in brief:
///   A1 2024-03-05 IRN->USA 040 (lead), USA->IRN 112, IRN->USA 036 (third paragraph); Vienna with coordinates
///   A2 2024-03-05 USA->IRN 112 (same event as A1's), IRN->USA 010 whose text crosses a paragraph break
///   A3 2024-04-10 FRACOP->FRAOPP 173 (text starts with '+'), 175, and a negated 173; Paris without coordinates
///   A4 2023-12-31 (page date only, no URL) IGOUNO 020 and RUS 130, no targets
///   A5 2024-05-01 no events
/// </summary>
public sealed class ExportFixtureStore : IDisposable
{
    public string Directory { get; } = TestPaths.TempDirectory();
    public string DbPath => Path.Combine(Directory, "fixture.db");

    /// <summary>Event mentions stored (one negated), and GDELT events after grouping and leaving out the negated one.</summary>
    public const int Mentions = 10;
    public const int GdeltEvents = 8;
    public const int Articles = 5;

    public List<Article> Stored { get; } = new();

    private static readonly ArticlePipeline Pipeline =
        new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new ToneStage()).Add(new ThemeStage()).Build();

    public ExportFixtureStore()
    {
        Stored.Add(IranTalks());
        Stored.Add(WashingtonPressure());
        Stored.Add(ParisProtest());
        Stored.Add(WorldBrief());
        Stored.Add(Weather());
        using (var store = SqliteArticleStore.Open(DbPath))
            Assert.Equal(Articles, store.Add(Stored));
        AddCoordinates(Stored[0].Id, "Vienna", 48.20849, 16.37208, "2761369");
    }

    /// <summary>Builds an article from paragraphs (joined by blank lines) and runs segmentation, tone and themes.</summary>
    private static Article Make(string title, string? date, string? url, string source, params string[] paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        var a = new Article(text, title) { Date = date, Url = url, Source = source };
        int at = 0;
        foreach (var p in paragraphs)
        {
            a.Paragraphs.Add(new Span(at, at + p.Length));
            at += p.Length + 2;
        }
        return Pipeline.Run(a);
    }

    private static Span Find(Article a, string s, int occurrence = 1)
    {
        int i = -1;
        for (int k = 0; k < occurrence; k++)
        {
            i = a.Text.IndexOf(s, i + 1, StringComparison.Ordinal);
            Assert.True(i >= 0, $"fixture text lacks '{s}'");
        }
        return new Span(i, i + s.Length);
    }

    private static EntityMention Entity(Article a, string text, string type, string? country, string? actor = null, string? canonical = null, int occurrence = 1)
    {
        var e = new EntityMention(Find(a, text, occurrence), type) { Canonical = canonical ?? text, Country = country, Actor = actor };
        a.Entities.Add(e);
        return e;
    }

    private static Event Coded(Article a, string text, string code, string? source, string? target, int quad, double goldstein,
        string? sourceText = null, string? targetText = null, bool negated = false)
    {
        var e = new Event(Find(a, text), code)
        {
            Source = source, Target = target, Root = code[..2], QuadClass = quad, Goldstein = goldstein, Negated = negated,
            SourceSpan = sourceText is null ? null : Find(a, sourceText),
            TargetSpan = targetText is null ? null : Find(a, targetText),
        };
        a.Events.Add(e);
        return e;
    }

    private static Article IranTalks()
    {
        var a = Make("Iran and US hold talks in Vienna as sanctions bite", "2024-03-05T09:30:00Z",
            "https://www.example-news.com/world/iran-talks", "fixtures/a1.html",
            "VIENNA — Iranian and American negotiators met in Vienna on Tuesday to discuss the nuclear programme, diplomats said.",
            "The United States accused Iran of enriching uranium beyond agreed limits, while Tehran said sanctions were \"illegal, cruel\" and must end.",
            "The talks will resume next week, an Iranian official said.");
        Entity(a, "Vienna", "LOC", "AUT", occurrence: 1);
        Entity(a, "United States", "GPE", "USA", "USA");
        Entity(a, "Iran", "GPE", "IRN", "IRN", occurrence: 2);
        Entity(a, "Tehran", "GPE", "IRN", "IRNGOV");
        Coded(a, "negotiators met in Vienna", "040", "IRN", "USA", 1, 1.0, "Iranian", "American");
        Coded(a, "The United States accused Iran", "112", "USA", "IRN", 3, -2.0, "United States", "Iran");
        Coded(a, "The talks will resume", "036", "IRN", "USA", 1, 4.0);
        a.Quotes.Add(new Quote(Find(a, "illegal, cruel"), Direct: true, Verb: "say") { Speaker = "Tehran", SpeakerType = "organisation" });
        a.Dates.Add(new DateMention(Find(a, "Tuesday"), "2024-03-05") { Granularity = "day" });
        return a;
    }

    private static Article WashingtonPressure()
    {
        var a = Make("Washington \"steps up\" pressure, again, on Tehran", "2024-03-05T18:00:00+01:00",
            "https://news.example.org/2024/03/05/pressure", "fixtures/a2.html",
            "WASHINGTON — The United States on Tuesday accused Iran of hiding nuclear work, a State Department spokesman, Ned Price, said, adding: \"We will not back down.\"",
            "Iran denied the claim and said 25 inspectors had visited its sites in March 2024.");
        Entity(a, "United States", "GPE", "USA", "USA");
        Entity(a, "Iran", "GPE", "IRN", "IRN");
        Entity(a, "State Department", "ORG", "USA", "USAGOV", canonical: "Department of State, U.S.");
        Entity(a, "Ned Price", "PER", "USA");
        Entity(a, "Iran", "GPE", "IRN", "IRN", occurrence: 2);
        Coded(a, "The United States on Tuesday accused Iran of hiding nuclear work", "112", "USA", "IRN", 3, -2.0, "United States", "Iran");
        // Its text crosses the paragraph break and holds quotes, a colon and commas: the CSV must keep it whole.
        Coded(a, "adding: \"We will not back down.\"\n\nIran denied the claim", "010", "IRN", "USA", 1, 0.0);
        a.Quotes.Add(new Quote(Find(a, "We will not back down."), Direct: true, Verb: "add") { Speaker = "Ned Price", SpeakerType = "person" });
        a.Amounts.Add(new Amount(Find(a, "25 inspectors"), 25, null) { Object = "inspectors" });
        a.Dates.Add(new DateMention(Find(a, "Tuesday"), "2024-03-05") { Granularity = "day" });
        a.Dates.Add(new DateMention(Find(a, "March 2024"), "2024-03") { Granularity = "month" });
        return a;
    }

    private static Article ParisProtest()
    {
        var a = Make("=SUM(A1) Police fire tear gas at protesters in Paris", "2024-04-10",
            "https://www.example-news.com/europe/paris-protest", "fixtures/a3.html",
            "+50 protesters were detained after police fired tear gas at crowds in Paris on Wednesday, and two people were wounded.",
            "Police did not arrest the organisers, a spokesman said.");
        Entity(a, "Paris", "LOC", "FRA");
        Coded(a, "+50 protesters were detained", "173", "FRACOP", "FRAOPP", 4, -5.0);
        Coded(a, "police fired tear gas at crowds", "175", "FRACOP", "FRAOPP", 4, -9.0);
        Coded(a, "Police did not arrest the organisers", "173", "FRACOP", "FRAOPP", 4, -5.0, negated: true);
        a.Counts.Add(new CasualtyCount(Find(a, "two people were wounded"), "wounded", 2) { Object = "people" });
        a.Dates.Add(new DateMention(Find(a, "Wednesday"), "2024-04-10") { Granularity = "day" });
        return a;
    }

    private static Article WorldBrief()
    {
        var a = Make("World brief", null, null, "fixtures/briefs/world-brief.txt",
            "The United Nations urged calm. Russia warned of consequences.");
        a.PageDate = "2023-12-31";
        Entity(a, "United Nations", "ORG", null, "IGOUNO");
        Entity(a, "Russia", "GPE", "RUS", "RUS");
        Coded(a, "The United Nations urged calm", "020", "IGOUNO", null, 1, 3.0, "United Nations");
        Coded(a, "Russia warned of consequences", "130", "RUS", null, 3, -4.4, "Russia");
        return a;
    }

    private static Article Weather() =>
        Make("Weather: a dry week ahead", "2024-05-01", null, "fixtures/weather.txt", "Forecasters expect a dry and sunny week.");

    /// <summary>Adds coordinates to an entity in the stored JSON, as an entity layer with a gazetteer would give them.</summary>
    private void AddCoordinates(string articleId, string entityText, double lat, double lon, string geonameId)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        using var read = c.CreateCommand();
        read.CommandText = "SELECT doc FROM articles WHERE id = $id";
        read.Parameters.AddWithValue("$id", articleId);
        var doc = JsonNode.Parse((string)read.ExecuteScalar()!)!;
        foreach (var e in doc["entities"]!.AsArray())
            if ((string?)e!["text"] == entityText)
            {
                e["latitude"] = lat;
                e["longitude"] = lon;
                e["geonameId"] = geonameId;
            }
        using var write = c.CreateCommand();
        write.CommandText = "UPDATE articles SET doc = $doc WHERE id = $id";
        write.Parameters.AddWithValue("$doc", doc.ToJsonString());
        write.Parameters.AddWithValue("$id", articleId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    public CliRunner.Result Export(string format, params string[] more) =>
        CliRunner.Run(["export", "--format", format, "--db", DbPath, .. more]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
