using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Identity;
using NewsGraph.Core.Tests.Extractors.Entities;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Storage;

public class EntityTableTests : IDisposable
{
    private readonly string _dir = TestPaths.TempDirectory();
    private string DbPath => Path.Combine(_dir, "entities.db");

    internal static Article Tagged(string title, string marked, string? date = null)
    {
        var a = MarkedText.Parse(marked, title);
        a.Source = "fixture.txt";
        a.Date = date;
        new RoleStage().Run(a);
        new CoreferenceStage().Run(a);
        return a;
    }

    private static Article ShortName() => Tagged("Iran FM: regional crises cannot be resolved by force",
        "[[Amir-Abdollahian|PERSON]] spoke to reporters in [[Doha|GPE]]. [[Amir Abdollahian|PERSON]] said [[Iran|GPE]] welcomed the ideas.");

    private static Article FullName() => Tagged("China says cooperation with Iran contributes to peace",
        "[[Iranian|NORP]] Foreign Minister [[Hossein Amir Abdollahian|PERSON]] will visit [[Beijing|GPE]] on January 14.");

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    private static long Scalar(SqliteConnection c, string sql, params (string, object)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static string? Text(SqliteConnection c, string sql, params (string, object)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd.ExecuteScalar() as string;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_short_and_the_full_name_in_two_articles_are_one_stored_entity(bool shortFirst)
    {
        var (first, second) = shortFirst ? (ShortName(), FullName()) : (FullName(), ShortName());
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            Assert.Equal(1, store.Add([first]));
            Assert.Equal(1, store.Add([second]));
        }
        using var c = Open();
        Assert.Equal(1, Scalar(c, "SELECT count(*) FROM entities WHERE type = 'PERSON'"));
        Assert.Equal("Hossein Amir Abdollahian", Text(c, "SELECT canonical FROM entities WHERE type = 'PERSON'"));
        Assert.Equal("IRNGOV", Text(c, "SELECT actor FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(2, Scalar(c, "SELECT articles FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(3, Scalar(c, "SELECT mentions FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(2, Scalar(c, "SELECT count(*) FROM entity_aliases a JOIN entities e ON e.rowid = a.entity WHERE e.type = 'PERSON'"));

        // Both stored articles now carry the one stored id in their JSON.
        var id = Text(c, "SELECT id FROM entities WHERE type = 'PERSON'");
        using var docs = c.CreateCommand();
        docs.CommandText = "SELECT doc FROM articles";
        using var r = docs.ExecuteReader();
        int n = 0;
        while (r.Read())
        {
            using var doc = JsonDocument.Parse(r.GetString(0));
            var people = doc.RootElement.GetProperty("entities").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "PERSON").ToList();
            Assert.NotEmpty(people);
            Assert.All(people, p => Assert.Equal(id, p.GetProperty("entityId").GetString()));
            n++;
        }
        Assert.Equal(2, n);
    }

    [Fact]
    public void Storing_the_same_articles_again_adds_no_entity_alias_or_mention()
    {
        var batch = new[] { ShortName(), FullName() };
        using (var store = SqliteArticleStore.Open(DbPath)) store.Add(batch);
        long entities, aliases, mentions;
        using (var c = Open())
        {
            entities = Scalar(c, "SELECT count(*) FROM entities");
            aliases = Scalar(c, "SELECT sum(mentions) FROM entity_aliases");
            mentions = Scalar(c, "SELECT count(*) FROM mentions");
        }
        using (var store = SqliteArticleStore.Open(DbPath)) Assert.Equal(0, store.Add([ShortName(), FullName()]));
        using var again = Open();
        Assert.Equal(entities, Scalar(again, "SELECT count(*) FROM entities"));
        Assert.Equal(aliases, Scalar(again, "SELECT sum(mentions) FROM entity_aliases"));
        Assert.Equal(mentions, Scalar(again, "SELECT count(*) FROM mentions"));
        Assert.Equal(2, Scalar(again, "SELECT articles FROM entities WHERE type = 'PERSON'"));
    }

    [Fact]
    public void A_bare_surname_shared_by_two_stored_people_joins_neither()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            store.Add([Tagged("Pardon ruled out", "President [[Joe Biden|PERSON]] spoke on Friday.")]);
            store.Add([Tagged("Trial opens", "[[Hunter Biden|PERSON]] arrived at court in [[Delaware|GPE]].")]);
            store.Add([Tagged("Statement", "[[Biden|PERSON]] said he was proud.")]);
        }
        using var c = Open();
        Assert.Equal(3, Scalar(c, "SELECT count(*) FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(1, Scalar(c, "SELECT articles FROM entities WHERE canonical = 'Joe Biden'"));
        Assert.Equal(1, Scalar(c, "SELECT articles FROM entities WHERE canonical = 'Hunter Biden'"));
        Assert.Equal(1, Scalar(c, "SELECT articles FROM entities WHERE canonical = 'Biden'"));
    }

    [Fact]
    public void A_bare_surname_that_fits_one_stored_person_joins_that_person()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            store.Add([Tagged("Kremlin not optimistic", "[[Kremlin|ORG]] spokesman [[Dmitry Peskov|PERSON]] spoke on Tuesday.")]);
            store.Add([Tagged("No deadlines", "[[Peskov|PERSON]] said there were no deadlines.")]);
        }
        using var c = Open();
        Assert.Equal(1, Scalar(c, "SELECT count(*) FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(2, Scalar(c, "SELECT articles FROM entities WHERE canonical = 'Dmitry Peskov'"));
    }

    [Fact]
    public void The_same_name_with_different_countries_is_two_stored_people()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            store.Add([Tagged("Tehran cleric", "[[Iranian|NORP]] cleric [[Mohammad Ali|PERSON]] gave the sermon.")]);
            store.Add([Tagged("Boxing", "[[American|NORP]] businessman [[Mohammad Ali|PERSON]] bought the club.")]);
        }
        using var c = Open();
        Assert.Equal(2, Scalar(c, "SELECT count(*) FROM entities WHERE canonical = 'Mohammad Ali'"));
        Assert.Equal(1, Scalar(c, "SELECT count(*) FROM entities WHERE id = 'person:mohammad-ali-2'"));
    }

    [Fact]
    public void Mention_rows_have_code_point_offsets_roles_and_the_stored_entity()
    {
        var a = Tagged("Kremlin", "🎉 [[Kremlin|ORG]] spokesman [[Dmitry Peskov|PERSON]] said so.");
        a.Quotes.Add(new Quote(new Span(0, 2), Direct: true, Verb: "say") { Speaker = "Dmitry Peskov", SpeakerEntity = a.Mention("Dmitry Peskov").EntityId });
        using (var store = SqliteArticleStore.Open(DbPath)) store.Add([a]);
        using var c = Open();
        var start = a.Text.IndexOf("Dmitry", StringComparison.Ordinal);
        Assert.Equal(start - 1, Scalar(c, "SELECT start FROM mentions WHERE text = 'Dmitry Peskov'"));   // the emoji is two UTF-16 units, one code point
        Assert.Equal("RUSGOV", Text(c, "SELECT actor FROM mentions WHERE text = 'Dmitry Peskov'"));
        Assert.Equal("spokesman", Text(c, "SELECT role FROM mentions WHERE text = 'Dmitry Peskov'"));
        Assert.Equal("person:dmitry-peskov", Text(c, "SELECT e.id FROM mentions m JOIN entities e ON e.rowid = m.entity WHERE m.text = 'Dmitry Peskov'"));
        Assert.Equal("person:dmitry-peskov", Text(c, "SELECT speaker_entity FROM quotes"));
    }

    [Fact]
    public void Queries_list_the_top_entities_and_find_one_by_any_of_its_names()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            store.Add([ShortName(), FullName()]);
            store.Add([Tagged("Gulf talks", "[[Amir Abdollahian|PERSON]] met the emir of [[Qatar|GPE]] in [[Doha|GPE]].")]);
        }
        using var store2 = SqliteArticleStore.Open(DbPath, readOnly: true);
        var q = new EntityQueries(store2.Connection);
        Assert.True(q.Available());
        var top = q.Top(5);
        Assert.Equal("Hossein Amir Abdollahian", top[0].Canonical);
        Assert.Equal(3, top[0].Articles);
        Assert.All(q.Top(10, type: "gpe"), e => Assert.Equal("GPE", e.Type));
        Assert.All(q.Top(10, country: "irn"), e => Assert.Equal("IRN", e.Country));

        // The id was made from the first name stored ("Amir-Abdollahian") and stays; every name finds it.
        var id = top[0].Id;
        Assert.Equal("person:amir-abdollahian", id);
        foreach (var name in new[] { id, "person:hossein-amir-abdollahian", "Hossein Amir Abdollahian", "amir-abdollahian", "Abdollahian" })
            Assert.Equal(id, Assert.Single(q.Find(name)).Id);
        Assert.Empty(q.Find("Nobody Atall"));
        Assert.Empty(q.Find("'; DROP TABLE entities; --"));

        var d = q.Detail(id)!;
        Assert.Contains(d.Aliases, x => x.Alias == "Amir-Abdollahian");
        Assert.Contains(d.Roles, r => r.Role == "foreign minister" && r.Actor == "IRNGOV");
        Assert.Equal(3, d.Articles.Count);
        Assert.Contains(d.Cooccurring, x => x.Canonical == "Doha" && x.Articles == 2);
    }

    [Fact]
    public void One_full_name_in_two_roles_is_one_stored_person()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
        {
            store.Add([Tagged("PM speaks", "Prime Minister [[Tony Blair|PERSON]] spoke in [[London|GPE]].")]);
            store.Add([Tagged("Labour leader", "[[Labour|ORG]] leader [[Tony Blair|PERSON]] addressed the party.")]);
        }
        using var c = Open();
        Assert.Equal(1, Scalar(c, "SELECT count(*) FROM entities WHERE type = 'PERSON'"));
        Assert.Equal(2, Scalar(c, "SELECT count(DISTINCT actor) FROM mentions WHERE text = 'Tony Blair'"));
    }

    [Fact]
    public void A_capital_is_stored_as_a_place_unless_most_mentions_make_it_the_government()
    {
        using (var store = SqliteArticleStore.Open(DbPath))
            store.Add([Tagged("Talks", "Talks were held in [[Vienna|GPE]]. Delegates stayed in [[Vienna|GPE]]. [[Vienna|GPE]] said it was pleased.")]);
        using (var c = Open())
            Assert.Equal("AUTGOV", Text(c, "SELECT actor FROM mentions WHERE text = 'Vienna' AND actor IS NOT NULL"));
        using var store2 = SqliteArticleStore.Open(DbPath, readOnly: true);
        var vienna = new EntityQueries(store2.Connection).Find("Vienna").Single();
        Assert.Null(vienna.Actor);
        Assert.Equal("AUT", vienna.Country);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
