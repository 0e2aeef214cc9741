using System.Net;
using System.Text;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Readers.Feeds;

/// <summary>
/// Turns a feed item into an article: its full HTML content goes through the HTML reader (so
/// the same rules clean a feed's content and a fetched page), and the item's own headline,
/// link, date and authors win over what that reader guesses, since the publisher stated them.
/// </summary>
public static class FeedItemArticle
{
    /// <summary>The article the feed itself holds for <paramref name="item"/>; nothing if the item has no text.</summary>
    public static IEnumerable<ReadResult> Read(FeedItem item, string sourceName, ArticleReader inner)
    {
        var body = item.Body;
        if (body is null) yield break;
        Article? article = null;
        // The full content is a page body and gets the HTML reader's cleaning (share bars, ad
        // markers, related links). A summary is two or three sentences the publisher wrote as
        // such: there is no furniture to find in it, and a content extractor would only risk
        // dropping its short lines, so its markup is simply removed.
        if (body == item.Content && body.Kind == FeedTextKind.Html && inner.Supports(InputFormat.Html))
        {
            var page = new InputSource(sourceName, () => new MemoryStream(Wrap(item.Title, body.Value), writable: false))
            {
                Url = item.Link,
                Date = item.Date,
                ContentType = "text/html; charset=utf-8",
            };
            // The fragment is ours to wrap, so the HTML reader's complaints about it are not the user's
            // problem: if it finds no article, the markup-stripped text below stands in.
            foreach (var result in inner.ReadEmbedded(page, InputFormat.Html))
                if (result.Article is { } a && (article is null || a.Text.Length > article.Text.Length)) article = a;
        }
        if (article is null || article.Text.Length == 0)
        {
            var captions = new List<string>();
            var paragraphs = MarkupText.ToParagraphs(body.Value, body.Kind, captions);
            if (paragraphs.Count == 0) yield break;
            article = ArticleBuilder.FromParagraphs(item.Title, paragraphs);
            article.Captions.AddRange(captions);
        }
        yield return ReadResult.Of(Apply(article, item, sourceName));
    }

    /// <summary>An article read from the item's content or its page, with the feed's metadata laid over it.</summary>
    public static Article Apply(Article article, FeedItem item, string sourceName)
    {
        if (item.Title.Length > 0) article = ArticleBuilder.WithTitle(article, item.Title);
        article.Source = sourceName;
        article.Url = item.Link ?? article.Url;
        article.Date = item.Date ?? article.Date;
        if (item.Authors.Count > 0)
        {
            article.Authors.Clear();
            article.Authors.AddRange(item.Authors);
        }
        return article;
    }

    /// <summary>A feed item's HTML is a fragment; as a document it reads like any page.</summary>
    private static byte[] Wrap(string title, string fragment)
    {
        var html = new StringBuilder(fragment.Length + 200);
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title></head><body><article>")
            .Append(fragment)
            .Append("</article></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
