using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Export;

/// <summary>
/// The --since/--until days an export or query keeps, both inclusive. Days compare as
/// YYYY-MM-DD text, which is how events.day and the article dates are stored.
/// </summary>
public readonly record struct DateWindow(DateOnly? Since, DateOnly? Until)
{
    public static DateWindow All => default;

    public bool IsAll => Since is null && Until is null;

    /// <summary>Reads YYYY-MM-DD or YYYYMMDD; null for null input; throws FormatException naming the input otherwise.</summary>
    public static DateOnly? ParseDay(string? text)
    {
        if (text is null) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new FormatException($"'{text}' is not a day (use YYYY-MM-DD)");
    }

    /// <summary>
    /// A SQL condition on the day expression <paramref name="dayExpression"/> (" AND ..." or ""),
    /// adding its parameters to <paramref name="command"/>. The expression is ours, never user input.
    /// </summary>
    public string Condition(string dayExpression, SqliteCommand command)
    {
        var sql = "";
        if (Since is { } s)
        {
            sql += $" AND {dayExpression} >= $since";
            command.Parameters.AddWithValue("$since", s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Until is { } u)
        {
            sql += $" AND {dayExpression} <= $until";
            command.Parameters.AddWithValue("$until", u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return sql;
    }

    /// <summary>The day an article is filed under: its publication date, else the date of the page it was on.</summary>
    public const string ArticleDay = "coalesce(substr(a.date, 1, 10), substr(a.page_date, 1, 10))";
}
