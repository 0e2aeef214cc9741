using System.Globalization;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Export;

namespace NewsGraph.Core.Tests.Export;

/// <summary>Reads the GKG 2.1 export back by its delimiters: tabs between columns, ';' between items, '#' or ',' inside them.</summary>
public class GkgExportTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public GkgExportTests(ExportFixtureStore store) => _store = store;

    private static int Col(string name) => Array.IndexOf(GkgExport.ColumnNames, name);

    private List<string[]> Records(params string[] more)
    {
        var result = _store.Export("gdelt-gkg", more);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("", lines[^1]);
        return lines[..^1].Select(l => l.Split('\t')).ToList();
    }

    private static string[] Items(string field, char separator = ';') => field.Length == 0 ? [] : field.Split(separator);

    private string[] RecordOf(List<string[]> records, int article) =>
        records.Single(r => r[Col("V2DOCUMENTIDENTIFIER")] == (_store.Stored[article].Url ?? _store.Stored[article].Source));

    [Fact]
    public void One_record_of_27_columns_per_article_with_well_formed_items()
    {
        var records = Records();
        Assert.Equal(27, GkgExport.ColumnNames.Length);
        Assert.Equal(ExportFixtureStore.Articles, records.Count);
        Assert.Equal(records.Count, records.Select(r => r[0]).Distinct().Count());
        foreach (var r in records)
        {
            Assert.Equal(27, r.Length);
            Assert.Matches(@"^\d{14}-\d+$", r[Col("GKGRECORDID")]);
            Assert.True(DateTime.TryParseExact(r[Col("V2.1DATE")], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.Contains(r[Col("V2SOURCECOLLECTIONIDENTIFIER")], new[] { "1", "2" });
            foreach (var item in Items(r[Col("V1COUNTS")])) Assert.Equal(10, item.Split('#').Length);
            foreach (var item in Items(r[Col("V2.1COUNTS")])) Assert.Matches(@"^([^#]*#){10}\d+$", item);
            foreach (var item in Items(r[Col("V1THEMES")])) Assert.Matches("^[A-Z_]+$", item);
            foreach (var item in Items(r[Col("V2ENHANCEDTHEMES")])) Assert.Matches(@"^[A-Z_]+,\d+$", item);
            foreach (var item in Items(r[Col("V1LOCATIONS")])) Assert.Equal(7, item.Split('#').Length);
            foreach (var item in Items(r[Col("V2ENHANCEDLOCATIONS")])) Assert.Matches(@"^[1-5]#[^#]+#[A-Z]{2}#[^#]*#[^#]*#[-\d.]*#[-\d.]*#[^#]*#\d+$", item);
            foreach (var name in new[] { "V2ENHANCEDPERSONS", "V2ENHANCEDORGANIZATIONS", "V2.1ALLNAMES" })
                foreach (var item in Items(r[Col(name)])) Assert.Matches(@"^[^,;#]+,\d+$", item);
            foreach (var item in Items(r[Col("V2.1ENHANCEDDATES")])) Assert.Matches(@"^[1-4]#\d{1,2}#\d{1,2}#\d{1,4}#\d+$", item);
            foreach (var item in Items(r[Col("V2.1AMOUNTS")])) Assert.Matches(@"^-?[\d.]+,[^,;]*,\d+$", item);
            foreach (var item in Items(r[Col("V2.1QUOTATIONS")], '#')) Assert.Matches(@"^\d+\|\d+\|[^|]*\|[^|#]*$", item);
            var tone = r[Col("V1.5TONE")].Split(',');
            Assert.Equal(7, tone.Length);
            Assert.All(tone, v => double.Parse(v, CultureInfo.InvariantCulture));
            Assert.Matches(@"^wc:\d+$", r[Col("V2GCAM")]);
        }
    }

    [Fact]
    public void Offsets_are_code_point_offsets_of_the_facts_in_the_text()
    {
        var records = Records();
        var a2 = _store.Stored[1];
        var r = RecordOf(records, 1);
        var cp = new CodePointOffsets(a2.Text);
        var price = a2.Entities.Single(e => e.Type == "PER");
        Assert.Equal($"ned price,{cp[price.Span.Start]}", r[Col("V2ENHANCEDPERSONS")]);
        Assert.Equal("ned price", r[Col("V1PERSONS")]);
        // A comma inside a canonical name cannot split the item.
        Assert.Equal("department of state  u.s.", r[Col("V1ORGANIZATIONS")]);
        var quote = a2.Quotes.Single();
        Assert.Equal($"{cp[quote.Span.Start]}|{quote.Span.Length}|add|We will not back down.", r[Col("V2.1QUOTATIONS")]);
        Assert.Equal($"25,inspectors,{cp[a2.Amounts[0].Span.Start]}", r[Col("V2.1AMOUNTS")]);
        Assert.Equal($"4#3#5#2024#{cp[a2.Dates[0].Span.Start]};2#3#0#2024#{cp[a2.Dates[1].Span.Start]}", r[Col("V2.1ENHANCEDDATES")]);
        // The article's date was 18:00 at +01:00.
        Assert.Equal("20240305170000", r[Col("V2.1DATE")]);
        Assert.Equal("news.example.org", r[Col("V2SOURCECOMMONNAME")]);
        Assert.Contains("<PAGE_TITLE>Washington &quot;steps up&quot; pressure, again, on Tehran</PAGE_TITLE>", r[Col("V2EXTRASXML")]);
    }

    [Fact]
    public void Counts_locations_tone_and_themes_are_in_gdelt_form()
    {
        var records = Records();
        var paris = RecordOf(records, 2);
        var a3 = _store.Stored[2];
        var count = a3.Counts.Single();
        Assert.Equal($"WOUND#2#people#1#France#FR#FR#48.85341#2.3488#FR#{new CodePointOffsets(a3.Text)[count.Span.Start]}", paris[Col("V2.1COUNTS")]);
        Assert.Equal("1#France#FR#FR#48.85341#2.3488#FR", paris[Col("V1LOCATIONS")]);
        var t = a3.Tone!;
        var tone = paris[Col("V1.5TONE")].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(t.Value, tone[0], 3);
        Assert.Equal(t.WordCount, (int)tone[6]);
        Assert.Equal(a3.Themes.Select(x => x.Theme), Items(paris[Col("V1THEMES")]));
        var vienna = RecordOf(records, 0);
        Assert.StartsWith("4#Vienna, Austria#AU#AU##48.20849#16.37208#2761369#", vienna[Col("V2ENHANCEDLOCATIONS")]);
        // A file without a URL is a citation, named by its file.
        var brief = RecordOf(records, 3);
        Assert.Equal("2", brief[Col("V2SOURCECOLLECTIONIDENTIFIER")]);
        Assert.Equal("world-brief.txt", brief[Col("V2SOURCECOMMONNAME")]);
        Assert.StartsWith("20231231", brief[Col("V2.1DATE")]);
    }

    [Fact]
    public void Since_filters_articles_by_their_day()
    {
        Assert.Equal(ExportFixtureStore.Articles - 1, Records("--since", "2024-01-01").Count);
        Assert.Single(Records("--since", "2024-05-01"));
    }

    [Theory]
    [InlineData("killed", "KILL")]
    [InlineData("injured", "WOUND")]
    [InlineData("arrested", "ARREST")]
    [InlineData("abducted", "KIDNAP")]
    [InlineData("displaced", "DISPLACED")]
    [InlineData("food-insecure", "FOODINSECURE")]
    public void Count_kinds_map_to_gdelt_count_types(string kind, string type) => Assert.Equal(type, GkgExport.CountType(kind));
}
