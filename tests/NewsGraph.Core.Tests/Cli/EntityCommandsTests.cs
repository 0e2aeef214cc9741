using System.Text.Json;
using NewsGraph.Core.Tests.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Cli;

public class EntityCommandsTests
{
    /// <summary>A store of three articles about the same people, written as the tagger would tag them.</summary>
    private static string Store()
    {
        var db = Path.Combine(TestPaths.TempDirectory(), "ng.db");
        using var store = SqliteArticleStore.Open(db);
        store.Add([
            EntityTableTests.Tagged("Kremlin says not optimistic on US talks",
                "[[Kremlin|ORG]] spokesman [[Dmitry Peskov|PERSON]] said [[Russia|GPE]] wanted results. [[Peskov|PERSON]] noted more rounds with [[NATO|ORG]].", "2022-01-11"),
            EntityTableTests.Tagged("Geneva talks end without a deal",
                "[[Russia|GPE]]'s Deputy Foreign Minister [[Sergey Ryabkov|PERSON]] met [[US|GPE]] Deputy Secretary of State [[Wendy Sherman|PERSON]]. [[Peskov|PERSON]] said the [[Kremlin|ORG]] would decide.", "2022-01-10"),
            EntityTableTests.Tagged("NATO meets Russia",
                "[[NATO|ORG]] Secretary General [[Jens Stoltenberg|PERSON]] met [[Ryabkov|PERSON]] in [[Brussels|GPE]].", "2022-01-12"),
        ]);
        return db;
    }

    [Fact]
    public void Entities_lists_the_most_mentioned_first_with_type_actor_and_id()
    {
        var db = Store();
        var run = CliRunner.Run("entities", "--db", db);
        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Contains("Dmitry Peskov (RUS)  spokesman  [person:dmitry-peskov]", lines[0]);
        Assert.Contains("RUSGOV", lines[0]);
        Assert.Contains(lines, l => l.Contains("North Atlantic Treaty Organization") && l.Contains("IGOWSTNAT"));

        var people = CliRunner.Run("entities", "--db", db, "--type", "person", "--top", "2", "--json");
        var rows = people.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("PERSON", r.GetProperty("type").GetString()));
        Assert.Equal("person:dmitry-peskov", rows[0].GetProperty("id").GetString());
        Assert.Equal(2, rows[0].GetProperty("articles").GetInt32());
        Assert.Equal(3, rows[0].GetProperty("mentions").GetInt32());

        var russian = CliRunner.Run("entities", "--db", db, "--country", "RUS", "--json");
        Assert.All(russian.StdoutLines, l => Assert.Equal("RUS", JsonDocument.Parse(l).RootElement.GetProperty("country").GetString()));
    }

    [Fact]
    public void Entity_shows_aliases_roles_countries_articles_and_company()
    {
        var db = Store();
        var run = CliRunner.Run("entity", "Peskov", "--db", db, "--json");
        Assert.Equal(0, run.ExitCode);
        var e = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("Dmitry Peskov", e.GetProperty("canonical").GetString());
        Assert.Equal("RUSGOV", e.GetProperty("actor").GetString());
        var aliases = e.GetProperty("aliases").EnumerateArray().Select(a => a.GetProperty("alias").GetString()).ToList();
        Assert.Contains("Peskov", aliases);
        Assert.Contains("Dmitry Peskov", aliases);
        Assert.Contains(e.GetProperty("roles").EnumerateArray(), r => r.GetProperty("role").GetString() == "spokesman");
        Assert.Equal("RUS", e.GetProperty("countries")[0].GetProperty("country").GetString());
        var articles = e.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Kremlin says not optimistic on US talks", "Geneva talks end without a deal"], articles);   // newest first
        var company = e.GetProperty("cooccurring").EnumerateArray().ToDictionary(c => c.GetProperty("canonical").GetString()!, c => c.GetProperty("articles").GetInt32());
        Assert.Equal(2, company["Kremlin"]);
        Assert.Equal(2, company["Russia"]);
        Assert.False(company.ContainsKey("Jens Stoltenberg"));

        var text = CliRunner.Run("entity", "Dmitry", "Peskov", "--db", db);
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("Dmitry Peskov  (PERSON, person:dmitry-peskov)", text.Stdout);
        Assert.Contains("aliases:", text.Stdout);
        Assert.Contains("co-occurring:", text.Stdout);
    }

    [Fact]
    public void An_unknown_or_ambiguous_name_says_so_in_one_line()
    {
        var db = Store();
        var none = CliRunner.Run("entity", "Nobody Atall", "--db", db);
        Assert.Equal(1, none.ExitCode);
        Assert.Equal("newsgraph: entity: no stored entity is named 'Nobody Atall' (see 'newsgraph entities')", none.StderrLines.Single());

        var usage = CliRunner.Run("entity", "--db", db);
        Assert.Equal(2, usage.ExitCode);
        var badType = CliRunner.Run("entities", "--db", db, "--type", "ANIMAL");
        Assert.Equal(2, badType.ExitCode);
        Assert.Contains("--type is one of", badType.Stderr);
    }

    [Fact]
    public void A_name_that_fits_several_entities_lists_them_with_their_ids()
    {
        var db = Path.Combine(TestPaths.TempDirectory(), "ng.db");
        using (var store = SqliteArticleStore.Open(db))
            store.Add([
                EntityTableTests.Tagged("Pardon", "President [[Joe Biden|PERSON]] spoke."),
                EntityTableTests.Tagged("Trial", "[[Hunter Biden|PERSON]] arrived."),
            ]);
        var run = CliRunner.Run("entity", "Biden", "--db", db);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("person:joe-biden"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("person:hunter-biden"));
        Assert.Contains("names 2 entities", run.Stderr);
    }

    [Fact]
    public void Without_a_database_the_commands_say_so()
    {
        var missing = Path.Combine(TestPaths.TempDirectory(), "none.db");
        var run = CliRunner.Run("entities", "--db", missing);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no database at", run.Stderr);
    }
}
