using System.Globalization;
using System.Text;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Text and date formatting shared by the GDELT exports. News text is untrusted: every value
/// written into a delimited field has its delimiters (and any control character) replaced by
/// spaces, so no headline can add a column, a record or an item.
/// </summary>
public static class GdeltText
{
    /// <summary>A tab-separated column value: no tabs, line breaks or other control characters.</summary>
    public static string Field(string? value) => Clean(value, "");

    /// <summary>A value inside a field whose items and parts are separated by any of <paramref name="delimiters"/>.</summary>
    public static string Item(string? value, string delimiters) => Clean(value, delimiters);

    private static string Clean(string? value, string delimiters)
    {
        if (string.IsNullOrEmpty(value)) return "";
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool bad = char.IsControl(c) || c is '\u2028' or '\u2029' || delimiters.Contains(c);
            if (!bad)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(value, 0, i, value.Length);
            sb.Append(' ');
        }
        return (sb?.ToString() ?? value).Trim();
    }

    public static string Number(double value, string format = "0.######") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>"2024-03-05" (or a longer ISO 8601 value) as a day; null when it is not one.</summary>
    public static DateOnly? Day(string? iso)
    {
        if (iso is not { Length: >= 10 }) return null;
        return DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>An ISO 8601 date or date-time as GDELT's YYYYMMDDHHMMSS in UTC (midnight for a bare day).</summary>
    public static string? Timestamp(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso)) return null;
        if (iso.Length > 10 && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return Day(iso) is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000" : null;
    }

    /// <summary>The host of a URL without "www." (GDELT's source common name); null when it is not a web URL.</summary>
    public static string? Host(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>
    /// SQL for the same host, computed in the query so that NumSources can count distinct
    /// publishers without reading the articles into memory; falls back to the article's source.
    /// </summary>
    public const string SqlHost = """
        lower(CASE WHEN a.url LIKE 'http%://%' THEN
            replace(substr(substr(a.url, instr(a.url, '://') + 3), 1,
                instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1), 'www.', '')
        ELSE a.source END)
        """;
}
