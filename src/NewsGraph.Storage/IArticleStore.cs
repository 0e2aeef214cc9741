using NewsGraph.Core.Documents;

namespace NewsGraph.Storage;

/// <summary>A stored article as listings show it.</summary>
public sealed record StoredArticleSummary(string Id, string Title, string? Date, string? PageDate, string Source, string? Snippet = null);

/// <summary>
/// Where articles live. Adding is idempotent (an article whose id is stored already is skipped)
/// and transactional (a batch is stored whole or not at all).
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Stores the batch in one transaction; returns how many were new.</summary>
    int Add(IReadOnlyList<Article> articles);

    long Count();

    IReadOnlyList<StoredArticleSummary> List(int limit, int offset = 0);

    /// <summary>The stored extract JSON of the article whose id is, or starts with, <paramref name="idOrPrefix"/>.</summary>
    StoredLookup Get(string idOrPrefix);

    /// <summary>Full-text search over headlines and text, best matches first.</summary>
    IReadOnlyList<StoredArticleSummary> Search(string words, int limit);
}

public readonly record struct StoredLookup(string? Json, int Matches);
