using System.Text;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Readers;

/// <summary>Builds articles from paragraphs that a container already delimits (a feed item, a JSON Lines "text").</summary>
public static class ArticleBuilder
{
    /// <summary>Joins <paramref name="paragraphs"/> with blank lines and records each one's span.</summary>
    public static Article FromParagraphs(string title, IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        var spans = new List<Span>();
        foreach (var paragraph in paragraphs)
        {
            var p = paragraph.Trim();
            if (p.Length == 0) continue;
            if (text.Length > 0) text.Append("\n\n");
            spans.Add(new Span(text.Length, text.Length + p.Length));
            text.Append(p);
        }
        var article = new Article(text.ToString(), title.Trim());
        article.Paragraphs.AddRange(spans);
        return article;
    }

    /// <summary>The same article under another headline (the title is part of an article's identity, so it is a new object).</summary>
    public static Article WithTitle(Article article, string title)
    {
        if (article.Title == title) return article;
        var copy = new Article(article.Text, title)
        {
            Source = article.Source,
            Url = article.Url,
            Date = article.Date,
            PageDate = article.PageDate,
            Language = article.Language,
        };
        copy.Paragraphs.AddRange(article.Paragraphs);
        copy.Authors.AddRange(article.Authors);
        copy.Captions.AddRange(article.Captions);
        return copy;
    }
}
