using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Core.Tests.Serialization;

public class ArticleJsonWriterTests
{
    [Fact]
    public void Writes_every_contract_key()
    {
        var article = DefaultPipeline.Create().Run(new Article("One sentence. Another one.", "A headline") { Source = "x.txt" });
        using var doc = JsonDocument.Parse(ArticleJsonWriter.ToJson(article));
        foreach (var key in new[] { "id", "source", "title", "date", "text", "captions", "sentences", "entities", "quotes", "amounts", "dates", "events" })
            Assert.True(doc.RootElement.TryGetProperty(key, out _), key);
        Assert.Equal(2, doc.RootElement.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public void Offsets_are_code_points_so_they_stay_right_after_an_emoji()
    {
        const string text = "Fans cheered 🎉 loudly. Then they left.";
        var article = new Article(text, "t");
        article.Sentences.Add(new Span(text.IndexOf("Then", StringComparison.Ordinal), text.Length));
        article.Entities.Add(new EntityMention(new Span(text.IndexOf("Then", StringComparison.Ordinal), text.IndexOf("Then", StringComparison.Ordinal) + 4), "MISC"));

        using var doc = JsonDocument.Parse(ArticleJsonWriter.ToJson(article));
        var root = doc.RootElement;
        var codePoints = root.GetProperty("text").GetString()!.EnumerateRunes().ToArray();
        var entity = root.GetProperty("entities")[0];
        int start = entity.GetProperty("start").GetInt32(), end = entity.GetProperty("end").GetInt32();

        Assert.Equal("Then", string.Concat(codePoints[start..end].Select(r => r.ToString())));
        Assert.Equal(text.IndexOf("Then", StringComparison.Ordinal) - 1, start);
    }

    [Fact]
    public void Id_depends_on_content_only()
    {
        var a = new Article("Same words.", "Same title") { Source = "a.txt" };
        var b = new Article("Same words.", "Same title") { Source = "b/other.txt" };
        var c = new Article("Other words.", "Same title");

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^[0-9a-f]{16}$", a.Id);
    }
}
