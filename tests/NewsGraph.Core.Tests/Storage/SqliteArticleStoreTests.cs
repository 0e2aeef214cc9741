using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Core.Tests.Storage;

public class SqliteArticleStoreTests : IDisposable
{
    private readonly string _dir = TestPaths.TempDirectory();
    private string DbPath => Path.Combine(_dir, "test.db");

    private static Article Make(string title, string text, string? date = null) =>
        DefaultPipeline.Create().Run(new Article(text, title) { Source = "fixture.txt", Date = date });

    [Fact]
    public void Adding_the_same_articles_again_stores_nothing_new()
    {
        using var store = SqliteArticleStore.Open(DbPath);
        var batch = new[] { Make("Port strike ends", "Dockworkers returned to work on Monday."), Make("Rail link opens", "The first train ran on Saturday.") };

        Assert.Equal(2, store.Add(batch));
        Assert.Equal(0, store.Add(batch));
        Assert.Equal(1, store.Add([batch[0], Make("Drought limits", "Water limits were imposed.")]));
        Assert.Equal(3, store.Count());
    }

    [Fact]
    public void Search_finds_words_in_headline_and_text_ignoring_case_and_accents()
    {
        using var store = SqliteArticleStore.Open(DbPath);
        store.Add([Make("Café owners protest in Montréal", "They marched on Friday."), Make("Rail link opens", "The first train ran on Saturday.")]);

        Assert.Equal("Café owners protest in Montréal", Assert.Single(store.Search("montreal cafe", 10)).Title);
        Assert.Equal("Rail link opens", Assert.Single(store.Search("train", 10)).Title);
        Assert.Equal(2, store.Search("montreal OR train", 10).Count);
        Assert.Single(store.Search("\"first train\"", 10));
        Assert.Empty(store.Search("\"train first\"", 10));
    }

    [Theory]
    [InlineData("NEAR(")]
    [InlineData("a AND")]
    [InlineData("\"unbalanced")]
    [InlineData("title:x* -y ^z")]
    [InlineData("'; DROP TABLE articles; --")]
    public void Search_input_is_never_taken_as_query_syntax(string words)
    {
        using var store = SqliteArticleStore.Open(DbPath);
        store.Add([Make("Rail link opens", "The first train ran on Saturday.")]);

        _ = store.Search(words, 10);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void Get_accepts_a_unique_id_prefix_and_returns_the_stored_json()
    {
        using var store = SqliteArticleStore.Open(DbPath);
        var article = Make("Rail link opens", "The first train ran on Saturday.");
        store.Add([article]);

        var found = store.Get(article.Id[..6]);
        Assert.Equal(1, found.Matches);
        Assert.Contains("\"title\":\"Rail link opens\"", found.Json);
        Assert.Equal(0, store.Get("ffffffffffffffff0").Matches);
    }

    [Fact]
    public void Listing_is_newest_first()
    {
        using var store = SqliteArticleStore.Open(DbPath);
        store.Add([Make("Old", "Old news.", "2020-01-01"), Make("New", "New news.", "2024-05-01"), Make("Mid", "Mid news.", "2022-03-03")]);

        Assert.Equal(["New", "Mid", "Old"], store.List(10).Select(r => r.Title));
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_database_fails_with_a_message()
    {
        File.WriteAllText(DbPath, "this is not sqlite at all, just text that fills the header page ....................................");
        var e = Assert.Throws<NewsGraph.Storage.StoreException>(() => SqliteArticleStore.Open(DbPath));
        Assert.Contains(DbPath, e.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
