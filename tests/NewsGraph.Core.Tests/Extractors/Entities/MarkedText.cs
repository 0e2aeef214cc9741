using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Tests.Extractors.Entities;

/// <summary>
/// Articles with entity mentions placed by hand, written as "[[Kremlin|ORG]] spokesman [[Dmitry
/// Peskov|PERSON]] said": the tests of the stages after the tagger do not depend on the tagger.
/// </summary>
public static class MarkedText
{
    public static Article Parse(string marked, string title = "")
    {
        var text = new System.Text.StringBuilder();
        var mentions = new List<(int Start, int End, string Type)>();
        int i = 0;
        while (i < marked.Length)
        {
            int open = marked.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0) { text.Append(marked, i, marked.Length - i); break; }
            text.Append(marked, i, open - i);
            int bar = marked.IndexOf('|', open);
            int close = marked.IndexOf("]]", open, StringComparison.Ordinal);
            if (bar < 0 || close < 0 || bar > close) throw new FormatException($"bad mention markup at {open}: {marked.Substring(open, Math.Min(30, marked.Length - open))}");
            int start = text.Length;
            text.Append(marked, open + 2, bar - open - 2);
            mentions.Add((start, text.Length, marked[(bar + 1)..close]));
            i = close + 2;
        }
        var article = new Article(text.ToString(), title);
        new SentenceStage().Run(article);
        new TokenStage().Run(article);
        foreach (var (start, end, type) in mentions) article.Entities.Add(new EntityMention(new Span(start, end), type));
        return article;
    }

    public static Article Fixture(string name, string title = "") => Parse(TestPaths.ReadFixture(Path.Combine("Entities", name)), title);

    /// <summary>The mentions whose text is <paramref name="text"/>, in order.</summary>
    public static List<EntityMention> Mentions(this Article article, string text) =>
        article.Entities.Where(e => article.Slice(e.Span) == text).OrderBy(e => e.Span.Start).ToList();

    public static EntityMention Mention(this Article article, string text, int occurrence = 0) =>
        article.Mentions(text) is { Count: > 0 } found && occurrence < found.Count
            ? found[occurrence]
            : throw new InvalidOperationException($"no mention '{text}' (#{occurrence}) in the article");
}
