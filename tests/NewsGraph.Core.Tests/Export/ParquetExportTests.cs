using DuckDB.NET.Data;

namespace NewsGraph.Core.Tests.Export;

/// <summary>
/// Reads the Parquet export with DuckDB (DuckDB.NET, its own C++ Parquet reader), not with the
/// Parquet.Net library that wrote it, and checks the column types and values.
/// </summary>
public class ParquetExportTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public ParquetExportTests(ExportFixtureStore store) => _store = store;

    private string Export(params string[] more)
    {
        var path = Path.Combine(_store.Directory, Guid.NewGuid().ToString("N") + ".parquet");
        var result = _store.Export("parquet", ["--out", path, .. more]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
        return path;
    }

    private static List<object?[]> Query(string sql)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Columns_have_their_types()
    {
        var path = Export();
        var types = Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("BIGINT", types["event_id"]);
        Assert.Equal("DATE", types["day"]);
        Assert.Equal("INTEGER", types["quad_class"]);
        Assert.Equal("DOUBLE", types["goldstein"]);
        Assert.Equal("BOOLEAN", types["negated"]);
        Assert.Equal("INTEGER", types["start"]);
        Assert.Equal("DOUBLE", types["article_tone"]);
        Assert.Equal("VARCHAR", types["code"]);
        Assert.Equal("VARCHAR", types["text"]);
        Assert.Equal(22, types.Count);
    }

    [Fact]
    public void Every_event_mention_is_a_row_with_its_values()
    {
        var path = Export();
        Assert.Equal((long)ExportFixtureStore.Mentions, Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]);
        var negated = Query($"SELECT code, source, target FROM read_parquet('{path}') WHERE negated");
        Assert.Equal(["173", "FRACOP", "FRAOPP"], Assert.Single(negated));
        var untargeted = Query($"SELECT source, CAST(day AS VARCHAR), url FROM read_parquet('{path}') WHERE target IS NULL ORDER BY event_id");
        Assert.Equal(2, untargeted.Count);
        Assert.Equal("2023-12-31", untargeted[0][1]);
        Assert.Null(untargeted[0][2]);
        var accusation = Query($"SELECT goldstein, quad_class, root_code, base_code, article_tone FROM read_parquet('{path}') WHERE code = '112' ORDER BY event_id");
        Assert.Equal(2, accusation.Count);
        Assert.Equal(-2.0, accusation[0][0]);
        Assert.Equal(3, accusation[0][1]);
        Assert.Equal("11", accusation[0][2]);
        Assert.Equal(_store.Stored[0].Tone!.Value, (double)accusation[0][4]!, 9);
        var crossing = Query($"SELECT text FROM read_parquet('{path}') WHERE code = '010'");
        Assert.Equal("adding: \"We will not back down.\"\n\nIran denied the claim", Assert.Single(crossing)[0]);
    }

    [Fact]
    public void A_window_with_no_events_is_still_a_readable_file()
    {
        var path = Export("--since", "2030-01-01");
        Assert.Equal(0L, Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]);
    }

    [Fact]
    public void Parquet_needs_a_file_to_write_to()
    {
        var result = _store.Export("parquet");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Stderr);
    }
}
