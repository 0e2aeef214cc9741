using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Tests.Export;
using NewsGraph.Storage.Queries;

namespace NewsGraph.Core.Tests.Cli;

public class EventsCommandTests : IClassFixture<ExportFixtureStore>
{
    private readonly ExportFixtureStore _store;

    public EventsCommandTests(ExportFixtureStore store) => _store = store;

    private List<JsonElement> Events(params string[] more)
    {
        var result = CliRunner.Run(["events", "--db", _store.DbPath, "--json", .. more]);
        Assert.Equal(0, result.ExitCode);
        return result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private static string? S(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public void Without_filters_every_event_is_listed_newest_first()
    {
        var all = Events();
        Assert.Equal(ExportFixtureStore.Mentions, all.Count);
        var days = all.Select(e => S(e, "day")).ToList();
        Assert.Equal(days.OrderByDescending(d => d, StringComparer.Ordinal), days);
        Assert.Contains(all, e => e.GetProperty("negated").GetBoolean());
    }

    [Fact]
    public void Actor_matches_either_side_by_code_prefix()
    {
        var iran = Events("--actor", "IRN");
        Assert.Equal(5, iran.Count);
        Assert.All(iran, e => Assert.True(S(e, "source") == "IRN" || S(e, "target") == "IRN"));
        // The events list shows every coded event, the negated and the hypothetical with their marks.
        var french = Events("--actor", "fra");
        Assert.Equal(4, french.Count);
        Assert.All(french, e => Assert.StartsWith("FRA", S(e, "source")));
        Assert.Empty(Events("--actor", "IRNGOVX"));
    }

    [Fact]
    public void Source_target_root_and_days_narrow_the_list()
    {
        Assert.Equal(2, Events("--source", "USA", "--target", "IRN").Count);
        Assert.Equal(3, Events("--source", "IRN", "--target", "USA").Count);
        var fights = Events("--root", "17");
        Assert.Equal(4, fights.Count);
        Assert.All(fights, e => Assert.Equal("17", S(e, "root")));
        Assert.Single(Events("--root", "2"));
        Assert.Equal(2, Events("--until", "2023-12-31").Count);
        Assert.Equal(4, Events("--since", "2024-04-01", "--until", "2024-04-30").Count);
        Assert.Equal(4, Events("--limit", "4").Count);
    }

    [Fact]
    public void The_table_shows_one_line_per_event_and_a_count()
    {
        var result = CliRunner.Run("events", "--db", _store.DbPath, "--actor", "USA");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, result.StdoutLines.Length);
        Assert.Contains("5 events", result.Stderr);
        // The event whose text crosses a paragraph break is still one line.
        Assert.Contains(result.StdoutLines, l => l.Contains("Iran denied"));
    }

    [Fact]
    public void The_table_marks_negated_and_hypothetical_events_so_they_are_not_read_as_done()
    {
        var lines = CliRunner.Run("events", "--db", _store.DbPath, "--actor", "FRA").StdoutLines;
        Assert.Single(lines, l => l.Contains("[hypothetical] Police would arrest"));
        Assert.Single(lines, l => l.Contains("[not] "));
        Assert.Equal(2, lines.Count(l => !l.Contains('[')));
    }

    [Fact]
    public void Bad_codes_and_roots_are_usage_errors()
    {
        var quote = CliRunner.Run("events", "--db", _store.DbPath, "--actor", "USA' OR 1=1 --");
        Assert.Equal(2, quote.ExitCode);
        Assert.Contains("CAMEO actor code", quote.Stderr);
        Assert.Equal(2, CliRunner.Run("events", "--db", _store.DbPath, "--root", "ab").ExitCode);
    }

    [Fact]
    public void Query_values_are_parameters_never_sql()
    {
        using var c = new SqliteConnection($"Data Source={_store.DbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        Assert.Empty(EventQueries.Events(c, new EventFilter { Actor = "X') OR 1=1 OR ('" }));
        Assert.Empty(EventQueries.Events(c, new EventFilter { Root = "1' OR '1'='1" }));
        Assert.Equal(2, EventQueries.Events(c, new EventFilter { Source = "USA", Target = "IRN" }).Count());
    }

    [Fact]
    public void Dyads_rank_actor_pairs_with_goldstein_and_conflict_share()
    {
        var result = CliRunner.Run("dyads", "--db", _store.DbPath, "--json");
        Assert.Equal(0, result.ExitCode);
        var dyads = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(3, dyads.Count);
        var first = dyads[0];
        Assert.Equal("IRN", first.GetProperty("source").GetString());
        Assert.Equal("USA", first.GetProperty("target").GetString());
        Assert.Equal(3, first.GetProperty("events").GetInt32());
        Assert.Equal(1.6667, first.GetProperty("meanGoldstein").GetDouble(), 4);
        Assert.Equal(0, first.GetProperty("conflictShare").GetDouble());
        // The negated arrest is left out: two events, both material conflict.
        var police = dyads.Single(d => d.GetProperty("source").GetString() == "FRACOP");
        Assert.Equal(2, police.GetProperty("events").GetInt32());
        Assert.Equal(1, police.GetProperty("conflictShare").GetDouble());
        Assert.Equal(-7, police.GetProperty("meanGoldstein").GetDouble());
        Assert.Equal(2, police.GetProperty("quadClass").GetProperty("4").GetInt32());
    }

    [Fact]
    public void Dyads_top_and_table()
    {
        var result = CliRunner.Run("dyads", "--db", _store.DbPath, "--top", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.StdoutLines.Length); // header and one pair
        Assert.StartsWith("IRN", result.StdoutLines[1]);
        Assert.Empty(CliRunner.Run("dyads", "--db", _store.DbPath, "--json", "--since", "2030-01-01").StdoutLines);
    }

    [Fact]
    public void A_store_without_event_tables_is_one_line_naming_it()
    {
        var path = Path.Combine(_store.Directory, "old.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '1');";
            cmd.ExecuteNonQuery();
        }
        foreach (var argv in new[] { new[] { "events", "--db", path }, ["dyads", "--db", path], ["export", "--format", "gdelt-events", "--db", path] })
        {
            var result = CliRunner.Run(argv);
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StderrLines);
            Assert.Contains("old.db", line);
            Assert.DoesNotContain("internal error", line);
        }
    }
}
