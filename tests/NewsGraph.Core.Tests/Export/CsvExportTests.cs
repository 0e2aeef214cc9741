using CsvHelper;
using NewsGraph.Storage.Export;

namespace NewsGraph.Core.Tests.Export;

/// <summary>Reads the CSV export back with CsvHelper, a real RFC 4180 parser.</summary>
public class CsvExportTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public CsvExportTests(ExportFixtureStore store) => _store = store;

    private List<Dictionary<string, string>> Rows(out string[] header)
    {
        var result = _store.Export("csv");
        Assert.Equal(0, result.ExitCode);
        // CsvHelper's ADO.NET view of its RFC 4180 reader: the first record is the header.
        using var csv = new CsvDataReader(CsvReader.FromText(result.Stdout), false);
        header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Length; i++) row[header[i]] = csv.IsDBNull(i) ? "" : csv.GetString(i);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Every_event_mention_is_a_record_under_the_header()
    {
        var rows = Rows(out var header);
        Assert.Equal(CsvEventExport.Header, header);
        Assert.Equal(ExportFixtureStore.Mentions, rows.Count);
        Assert.All(rows, r => Assert.True(long.TryParse(r["event_id"], out _)));
        Assert.Equal("173", Assert.Single(rows, r => r["negated"] == "true")["code"]);
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_in_news_text_round_trip()
    {
        var rows = Rows(out _);
        var crossing = Assert.Single(rows, r => r["code"] == "010");
        Assert.Equal("adding: \"We will not back down.\"\n\nIran denied the claim", crossing["text"]);
        Assert.Equal("Washington \"steps up\" pressure, again, on Tehran", crossing["title"]);
        Assert.Equal("0.0", crossing["goldstein"]);
    }

    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        var rows = Rows(out _);
        var detained = Assert.Single(rows, r => r["code"] == "173" && r["negated"] == "false");
        Assert.Equal("'+50 protesters were detained", detained["text"]);
        Assert.Equal("'=SUM(A1) Police fire tear gas at protesters in Paris", detained["title"]);
        // Numbers are numbers: a negative Goldstein score is no formula.
        Assert.Equal("-5.0", detained["goldstein"]);
    }

    [Fact]
    public void Records_end_with_crlf_and_every_text_cell_is_quoted()
    {
        var text = _store.Export("csv").Stdout;
        Assert.EndsWith("\r\n", text);
        var firstRecord = text.Split("\r\n")[1];
        Assert.StartsWith("1,\"", firstRecord);
    }
}
