using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Tests.Cli;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Storage;

/// <summary>Amounts, counts and dates reach their tables, new columns included, on new and on older databases.</summary>
public class MeasureTablesTests : IDisposable
{
    private readonly string _dir = TestPaths.TempDirectory();
    private string DbPath => Path.Combine(_dir, "measures.db");

    private static Article Extracted() => DefaultPipeline.Create().Run(new Article(
        "At least 25 people were killed on Tuesday when nearly $4bn of aid was lost. Late December saw between 10 and 15 migrants missing.",
        "Ferry disaster") { Source = "m.txt", Date = "2024-03-07" });

    private SqliteConnection Read()
    {
        var c = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void Extracted_amounts_counts_and_dates_are_stored_with_their_fields()
    {
        using (var store = SqliteArticleStore.Open(DbPath)) Assert.Equal(1, store.Add([Extracted()]));

        using var c = Read();
        Assert.Equal("nearly", Scalar(c, "SELECT qualifier FROM amounts WHERE unit = 'USD'"));
        Assert.Equal(4e9, Convert.ToDouble(Scalar(c, "SELECT value FROM amounts WHERE unit = 'USD'")));
        Assert.Equal(15.0, Convert.ToDouble(Scalar(c, "SELECT high FROM amounts WHERE text LIKE 'between%'")));
        Assert.Equal(25L, Scalar(c, "SELECT number FROM counts WHERE kind = 'killed'"));
        Assert.Equal("2024-03-05", Scalar(c, "SELECT value FROM dates WHERE text = 'Tuesday'"));
        Assert.Equal("END", Scalar(c, "SELECT mod FROM dates WHERE text = 'Late December'"));
        Assert.Equal("2023-12", Scalar(c, "SELECT value FROM dates WHERE text = 'Late December'"));
        Assert.Equal(0L, Scalar(c, "SELECT estimated FROM dates WHERE text = 'Tuesday'"));
    }

    [Fact]
    public void A_database_made_before_the_new_columns_gets_them_and_reopening_changes_nothing()
    {
        using (SqliteArticleStore.Open(DbPath)) { }
        // Put the tables back as the first release made them, without qualifier, high and mod.
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE amounts DROP COLUMN qualifier; ALTER TABLE amounts DROP COLUMN high; ALTER TABLE dates DROP COLUMN mod;";
            cmd.ExecuteNonQuery();
        }
        using (var store = SqliteArticleStore.Open(DbPath)) store.Add([Extracted()]);
        using (SqliteArticleStore.Open(DbPath)) { }

        using var read = Read();
        Assert.Equal("nearly", Scalar(read, "SELECT qualifier FROM amounts WHERE unit = 'USD'"));
        Assert.Equal("END", Scalar(read, "SELECT mod FROM dates WHERE text = 'Late December'"));
        Assert.Equal(1L, Scalar(read, "SELECT count(*) FROM pragma_table_info('dates') WHERE name = 'mod'"));
    }

    [Fact]
    public void Ingest_fills_the_amount_count_and_date_tables()
    {
        Assert.Equal(0, CliRunner.Run("ingest", TestPaths.Fixture("PageDumps"), "--db", DbPath).ExitCode);

        using var c = Read();
        Assert.True(Convert.ToInt64(Scalar(c, "SELECT count(*) FROM amounts")) >= 10);
        Assert.True(Convert.ToInt64(Scalar(c, "SELECT count(*) FROM dates")) >= 10);
        // The listing page's date line (Monday, March 6, 2023) anchors "on Sunday" in its first story.
        Assert.Equal("2023-03-05", Scalar(c, "SELECT d.value FROM dates d JOIN articles a ON a.rowid = d.article WHERE a.title LIKE 'Port strike%' AND d.text = 'Sunday'"));
        Assert.Equal("1400000000", Convert.ToDouble(Scalar(c, "SELECT value FROM amounts WHERE unit = 'USD' AND text = '$1.4 billion'")).ToString("0"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
