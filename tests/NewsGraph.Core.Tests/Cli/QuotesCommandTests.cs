using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Core.Tests.Cli;

public class QuotesCommandTests
{
    private static string Ingested()
    {
        var dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "talks.txt"), """
            Kremlin rejects new arms talks

            Deputy Foreign Minister Sergei Ryabkov said Moscow saw no basis for new talks.

            “The Americans withdrew from every treaty,” Ryabkov told reporters. “It was their decision.”

            A security source said the drills would go ahead. The Kremlin said it would respond.
            """);
        var db = Path.Combine(dir, "ng.db");
        var ingest = CliRunner.Run("ingest", dir, "--db", db);
        Assert.Equal(0, ingest.ExitCode);
        return db;
    }

    [Fact]
    public void What_a_speaker_said_is_read_back_by_part_of_the_name()
    {
        var db = Ingested();
        var result = CliRunner.Run("quotes", "--speaker", "ryabkov", "--json", "--db", db);
        Assert.Equal(0, result.ExitCode);
        var quotes = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Sergei Ryabkov", q.GetProperty("speaker").GetString()));
        Assert.Equal("The Americans withdrew from every treaty", quotes[1].GetProperty("text").GetString());
        Assert.True(quotes[1].GetProperty("direct").GetBoolean());
        Assert.Equal("tell", quotes[1].GetProperty("verb").GetString());
        Assert.Equal("Kremlin rejects new arms talks", quotes[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Speaker_types_filter_and_words_of_a_name_only_match_whole()
    {
        var db = Ingested();
        var anonymous = CliRunner.Run("quotes", "--type", "anonymous", "--json", "--db", db);
        var only = JsonDocument.Parse(Assert.Single(anonymous.StdoutLines)).RootElement;
        Assert.Equal("a security source", only.GetProperty("speaker").GetString());
        Assert.Empty(CliRunner.Run("quotes", "--speaker", "Ryab", "--db", db).StdoutLines);
        // User input is a value, never SQL or a pattern.
        var hostile = CliRunner.Run("quotes", "--speaker", "%' OR 1=1 --", "--db", db);
        Assert.Equal(0, hostile.ExitCode);
        Assert.Empty(hostile.StdoutLines);
    }

    [Fact]
    public void A_store_from_an_older_build_takes_quotes_with_no_verb_after_its_table_is_upgraded()
    {
        var dir = TestPaths.TempDirectory();
        var db = Path.Combine(dir, "old.db");
        File.WriteAllText(Path.Combine(dir, "a.txt"), "Minister resigns\n\n“I have done my best,” the minister said of her time in office.\n");
        Assert.Equal(0, CliRunner.Run("ingest", Path.Combine(dir, "a.txt"), "--db", db).ExitCode);
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // Put the quotes table back as the first builds declared it: verb NOT NULL.
            cmd.CommandText = """
                ALTER TABLE quotes RENAME TO quotes_now;
                CREATE TABLE quotes (article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE, start INTEGER NOT NULL,
                    end INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, speaker_type TEXT, speaker_entity TEXT,
                    verb TEXT NOT NULL, direct INTEGER NOT NULL);
                INSERT INTO quotes SELECT * FROM quotes_now;
                DROP TABLE quotes_now;
                """;
            cmd.ExecuteNonQuery();
        }
        File.WriteAllText(Path.Combine(dir, "b.txt"), "Storm warning\n\n“Stay indoors tonight.”\n\nThe river is rising.\n");
        var ingest = CliRunner.Run("ingest", Path.Combine(dir, "b.txt"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        using var check = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT count(*), count(verb) FROM quotes";
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(2, r.GetInt64(0)); // the old row kept, the new quote added
        Assert.Equal(1, r.GetInt64(1)); // its verb is null: nothing attributes it
    }
}
