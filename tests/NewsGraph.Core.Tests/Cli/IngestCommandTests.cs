using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Core.Tests.Cli;

public class IngestCommandTests
{
    [Fact]
    public void Ingesting_the_same_content_twice_adds_nothing()
    {
        var db = Path.Combine(TestPaths.TempDirectory(), "ng.db");
        var dir = TestPaths.Fixture("PageDumps");

        var first = CliRunner.Run("ingest", dir, "--db", db);
        var second = CliRunner.Run("ingest", dir, "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("stored 10 new, 0 already stored; 10 articles", first.Stderr);
        Assert.Contains("stored 0 new, 10 already stored; 10 articles", second.Stderr);
    }

    [Fact]
    public void List_show_and_search_read_back_what_was_stored()
    {
        var db = Path.Combine(TestPaths.TempDirectory(), "ng.db");
        CliRunner.Run("ingest", TestPaths.Fixture("PageDumps"), "--db", db);

        var list = CliRunner.Run("list", "--db", db, "--limit", "3");
        Assert.Equal(3, list.StdoutLines.Length);

        var search = CliRunner.Run("search", "dockworkers", "--db", db, "--json");
        var hit = System.Text.Json.JsonDocument.Parse(Assert.Single(search.StdoutLines)).RootElement;
        Assert.Equal("Port strike enters third week as talks stall", hit.GetProperty("title").GetString());

        var show = CliRunner.Run("show", hit.GetProperty("id").GetString()![..8], "--db", db);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"title\": \"Port strike enters third week as talks stall\"", show.Stdout);
    }

    [Fact]
    public void Reading_commands_on_a_missing_database_say_so_in_one_line()
    {
        var db = Path.Combine(TestPaths.TempDirectory(), "none.db");
        var result = CliRunner.Run("list", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"newsgraph: list: no database at {db} (run 'newsgraph ingest' first, or pass --db)", result.Stderr.Trim());
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_killed_ingest_keeps_what_it_committed_and_the_next_run_stores_the_rest_once()
    {
        var work = TestPaths.TempDirectory();
        var input = Path.Combine(work, "pages");
        Directory.CreateDirectory(input);
        for (int i = 0; i < 500; i++) WritePage(input, i);
        // Inputs are read in name order; the run stalls on this named pipe, which no one writes,
        // so the test can kill it mid-run at a known point instead of racing it.
        var stall = Path.Combine(input, "zz-stall");
        using (var mkfifo = Process.Start("mkfifo", [stall])) mkfifo.WaitForExit();
        var db = Path.Combine(work, "ng.db");

        // One article a transaction, so all 500 are committed by the time the run stalls.
        using (var process = CliRunner.Start("ingest", input, "--db", db, "--batch", "1"))
        {
            try
            {
                var clock = Stopwatch.StartNew();
                while (StoredCount(db) < 500 && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(10);
                // Read stderr only once the process has ended: reading it from a live, stalled process would block.
                if (process.HasExited) Assert.Fail("ingest ended before it could be killed: " + process.StandardError.ReadToEnd());
                Assert.True(StoredCount(db) == 500, $"only {StoredCount(db)} stored after {clock.Elapsed}");
                process.Kill();
                Assert.True(process.WaitForExit(30_000), "ingest did not die");
            }
            finally
            {
                // A failed assertion must not leave the stalled ingest running after the tests.
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }
        Assert.Equal(500, StoredCount(db));

        File.Delete(stall);
        for (int i = 500; i < 800; i++) WritePage(input, i);
        var rerun = CliRunner.Run("ingest", input, "--db", db);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(800, StoredCount(db));
        Assert.Contains("stored 300 new, 500 already stored", rerun.Stderr);
    }

    private static void WritePage(string dir, int i) =>
        File.WriteAllText(Path.Combine(dir, $"page{i:D5}.txt"),
            $"Harbour board holds session {i}\n\nThe harbour board met on Monday for session {i} and approved {i % 40} new berths.\n\nMembers said the vote was close.\n");

    private static long StoredCount(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM articles";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }
}
