using NewsGraph.Core.Documents;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Dates;

/// <summary>
/// The date relative expressions are read against: the article's own date, else the date of the page
/// it was found on, else the latest explicit full date in its text (marked estimated). Null when the
/// article offers none of them; relative expressions are then left underspecified (XXXX-WXX-2).
/// </summary>
public readonly record struct DateAnchor(DateOnly? Date, bool Estimated)
{
    public static DateAnchor For(Article article, ArticleTokens tokens)
    {
        if (TryParse(article.Date, out var date)) return new(date, false);
        if (TryParse(article.PageDate, out date)) return new(date, false);
        var latest = DateExtractor.LatestExplicitDate(tokens);
        return latest is { } d ? new(d, true) : new(null, false);
    }

    /// <summary>Reads an ISO 8601 date or date-time ("2024-03-05", "2024-03-05T10:00:00Z") or a written date line.</summary>
    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var v = value.AsSpan().Trim();
        // Readers store ISO 8601; the written forms a date line allows go through DateLine.
        if (v.Length >= 10 && (v.Length == 10 || v[10] is 'T' or ' ') && Timex.TryParseIsoDay(v, out date)) return true;
        return DateLine.TryParse(value, out var iso) && Timex.TryParseIsoDay(iso, out date);
    }
}
