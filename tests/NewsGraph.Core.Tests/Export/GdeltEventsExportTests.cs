using System.Globalization;

namespace NewsGraph.Core.Tests.Export;

/// <summary>Reads the gdelt-events export back with a plain tab splitter and checks every column's type.</summary>
public class GdeltEventsExportTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public GdeltEventsExportTests(ExportFixtureStore store) => _store = store;

    // GDELT 2.0 column positions (0-based).
    private const int Id = 0, Day = 1, MonthYear = 2, Year = 3, FractionDate = 4;
    private const int A1Code = 5, A1Name = 6, A1Country = 7, A1Group = 8, A1Type1 = 12;
    private const int A2Code = 15, A2Name = 16;
    private const int IsRoot = 25, EventCode = 26, BaseCode = 27, RootCode = 28, Quad = 29, Goldstein = 30;
    private const int Mentions = 31, Sources = 32, ArticlesCol = 33, AvgTone = 34;
    private const int A1Geo = 35, A2Geo = 43, ActionGeo = 51, DateAdded = 59, SourceUrl = 60;

    private List<string[]> Rows(params string[] more)
    {
        var result = _store.Export("gdelt-events", more);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\r', result.Stdout);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("", lines[^1]);
        return lines[..^1].Select(l => l.Split('\t')).ToList();
    }

    [Fact]
    public void Every_line_has_61_columns_of_the_right_types()
    {
        var rows = Rows();
        Assert.Equal(ExportFixtureStore.GdeltEvents, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal(61, r.Length);
            Assert.True(long.TryParse(r[Id], out _));
            var day = DateTime.ParseExact(r[Day], "yyyyMMdd", CultureInfo.InvariantCulture);
            Assert.Equal(day.ToString("yyyyMM"), r[MonthYear]);
            Assert.Equal(day.ToString("yyyy"), r[Year]);
            var fraction = double.Parse(r[FractionDate], CultureInfo.InvariantCulture);
            Assert.InRange(fraction, day.Year, day.Year + 1);
            Assert.Contains(r[IsRoot], new[] { "0", "1" });
            Assert.Matches(@"^\d{3,4}$", r[EventCode]);
            Assert.StartsWith(r[BaseCode], r[EventCode]);
            Assert.Matches(@"^\d{2}$", r[RootCode]);
            Assert.InRange(int.Parse(r[Quad]), 1, 4);
            Assert.InRange(double.Parse(r[Goldstein], CultureInfo.InvariantCulture), -10, 10);
            Assert.True(int.Parse(r[Mentions]) >= 1 && int.Parse(r[Sources]) >= 1 && int.Parse(r[ArticlesCol]) >= 1);
            Assert.True(double.TryParse(r[AvgTone], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            foreach (var geo in new[] { A1Geo, A2Geo, ActionGeo })
            {
                if (r[geo] == "")
                {
                    Assert.All(r[geo..(geo + 8)], c => Assert.Equal("", c));
                    continue;
                }
                Assert.Contains(int.Parse(r[geo]), new[] { 1, 2, 3, 4, 5 });
                Assert.Matches("^[A-Z]{2}$", r[geo + 2]);
                if (r[geo + 5] != "") Assert.InRange(double.Parse(r[geo + 5], CultureInfo.InvariantCulture), -90, 90);
                if (r[geo + 6] != "") Assert.InRange(double.Parse(r[geo + 6], CultureInfo.InvariantCulture), -180, 180);
            }
            Assert.True(DateTime.TryParseExact(r[DateAdded], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.NotEqual("", r[SourceUrl]);
        }
    }

    [Fact]
    public void Mentions_of_one_event_in_two_articles_are_one_event_counted_in_both()
    {
        var accusation = Assert.Single(Rows(), r => r[A1Code] == "USA" && r[A2Code] == "IRN" && r[EventCode] == "112");
        Assert.Equal("20240305", accusation[Day]);
        Assert.Equal("2", accusation[Mentions]);
        Assert.Equal("2", accusation[ArticlesCol]);
        Assert.Equal("2", accusation[Sources]); // example-news.com and news.example.org
        // One of the two mentions is in its article's lead paragraph.
        Assert.Equal("1", accusation[IsRoot]);
        Assert.Equal("UNITED STATES", accusation[A1Name]);
        Assert.Equal("IRAN", accusation[A2Name]);
        Assert.Equal("USA", accusation[A1Country]);
        Assert.Equal("-2.0", accusation[Goldstein]);
        var tones = _store.Stored.Take(2).Select(a => a.Tone!.Value).ToList();
        Assert.Equal(tones.Average(), double.Parse(accusation[AvgTone], CultureInfo.InvariantCulture), 4);
        Assert.Equal("https://www.example-news.com/world/iran-talks", accusation[SourceUrl]);
    }

    [Fact]
    public void An_event_outside_the_lead_paragraph_is_no_root_event()
    {
        var resume = Assert.Single(Rows(), r => r[EventCode] == "036");
        Assert.Equal("0", resume[IsRoot]);
        Assert.Equal("1", Assert.Single(Rows(), r => r[EventCode] == "040")[IsRoot]);
    }

    [Fact]
    public void Action_geography_comes_from_the_place_in_the_events_sentence()
    {
        var talks = Assert.Single(Rows(), r => r[EventCode] == "040");
        // Vienna has coordinates from the entity layer: a world city in Austria (FIPS AU).
        Assert.Equal(["4", "Vienna, Austria", "AU", "AU", "", "48.20849", "16.37208", "2761369"], talks[ActionGeo..(ActionGeo + 8)]);
        // Paris has only its country: country-level geography for France.
        var tearGas = Assert.Single(Rows(), r => r[EventCode] == "175");
        Assert.Equal(["1", "France", "FR", "FR"], tearGas[ActionGeo..(ActionGeo + 4)]);
        // The actors' own geography: their countries.
        Assert.Equal("IR", talks[A1Geo + 2]);
        Assert.Equal("US", talks[A2Geo + 2]);
        // No place named: the columns stay empty.
        var appeal = Assert.Single(Rows(), r => r[EventCode] == "020");
        Assert.All(appeal[ActionGeo..(ActionGeo + 8)], c => Assert.Equal("", c));
    }

    [Fact]
    public void Actor_codes_are_split_into_country_group_and_types()
    {
        var rows = Rows();
        var appeal = Assert.Single(rows, r => r[EventCode] == "020");
        Assert.Equal("IGOUNO", appeal[A1Code]);
        Assert.Equal("UNO", appeal[A1Group]);
        Assert.Equal("IGO", appeal[A1Type1]);
        Assert.Equal("", appeal[A2Code]);
        Assert.Equal("fixtures/briefs/world-brief.txt", appeal[SourceUrl]);
        Assert.Equal("20231231", appeal[Day]);
        var tearGas = Assert.Single(rows, r => r[EventCode] == "175");
        Assert.Equal("FRA", tearGas[A1Country]);
        Assert.Equal("COP", tearGas[A1Type1]);
    }

    [Fact]
    public void Negated_events_are_left_out()
    {
        var arrests = Rows().Where(r => r[EventCode] == "173").ToList();
        Assert.Single(arrests);
        Assert.Equal("1", arrests[0][Mentions]);
    }

    [Fact]
    public void Since_and_until_keep_the_days_asked_for()
    {
        Assert.Equal(ExportFixtureStore.GdeltEvents - 2, Rows("--since", "2024-01-01").Count);
        Assert.All(Rows("--until", "2024-03-05"), r => Assert.True(string.CompareOrdinal(r[Day], "20240305") <= 0));
        Assert.Equal(2, Rows("--since", "2024-04-10", "--until", "2024-04-10").Count);
        Assert.Empty(Rows("--since", "2030-01-01"));
        var bad = _store.Export("gdelt-events", "--since", "last week");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a day", bad.Stderr);
    }
}
