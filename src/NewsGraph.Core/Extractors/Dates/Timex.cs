using System.Globalization;

namespace NewsGraph.Core.Extractors.Dates;

/// <summary>Formats TIMEX3 values and does the calendar arithmetic behind them (ISO weeks, quarters, seasons).</summary>
public static class Timex
{
    /// <summary>Reads "yyyy-MM-dd" (the first ten characters of an ISO date or date-time) without culture-aware parsing.</summary>
    public static bool TryParseIsoDay(ReadOnlySpan<char> s, out DateOnly day)
    {
        day = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        int y = 0, m = 0, d = 0;
        for (int k = 0; k < 10; k++)
        {
            if (k is 4 or 7) continue;
            int digit = s[k] - '0';
            if ((uint)digit > 9) return false;
            if (k < 4) y = y * 10 + digit; else if (k < 7) m = m * 10 + digit; else d = d * 10 + digit;
        }
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        day = new DateOnly(y, m, d);
        return true;
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => $"{year:D4}-{month:D2}";

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The ISO week holding <paramref name="d"/>: 2023-W10.</summary>
    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    public static string Quarter(int year, int quarter) => $"{year:D4}-Q{quarter}";

    public static string Half(int year, int half) => $"{year:D4}-H{half}";

    /// <summary>A season instance: winter belongs to the year of its December (January 2024 is in 2023-WI).</summary>
    public static string Season(int index) => $"{index / 4:D4}-{SeasonCodes[index % 4]}";

    private static readonly string[] SeasonCodes = ["SP", "SU", "FA", "WI"];

    /// <summary>The running index (year * 4 + season) of the season holding <paramref name="d"/>.</summary>
    public static int SeasonIndex(DateOnly d)
    {
        int m = d.Month;
        if (m <= 2) return (d.Year - 1) * 4 + 3;
        return d.Year * 4 + (m - 3) / 3;
    }

    public static int SeasonOffset(string code) => Array.IndexOf(SeasonCodes, code);

    public static int QuarterIndex(DateOnly d) => d.Year * 4 + (d.Month - 1) / 3;

    /// <summary>"199" for the 1990s.</summary>
    public static string Decade(int year) => (year / 10).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>"20" for the 21st century (2000-2099).</summary>
    public static string Century(int year) => (year / 100).ToString("D2", CultureInfo.InvariantCulture);

    public static DateOnly StartOfIsoWeek(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>A duration value: P3D, P2W, P6M, P5Y, PT24H, PT10M, PXD for "several days".</summary>
    public static string Duration(double? amount, TemporalLexicon.TimeUnit unit)
    {
        string n = amount is { } a ? a.ToString("0.##", CultureInfo.InvariantCulture) : "X";
        double v = amount ?? 0;
        string Scaled(double factor, string code) => amount is null ? "X" + code : (v * factor).ToString("0.##", CultureInfo.InvariantCulture) + code;
        return unit switch
        {
            TemporalLexicon.TimeUnit.Second => $"PT{n}S",
            TemporalLexicon.TimeUnit.Minute => $"PT{n}M",
            TemporalLexicon.TimeUnit.Hour => $"PT{n}H",
            TemporalLexicon.TimeUnit.Day => $"P{n}D",
            TemporalLexicon.TimeUnit.Week => $"P{n}W",
            TemporalLexicon.TimeUnit.Fortnight => "P" + Scaled(2, "W"),
            TemporalLexicon.TimeUnit.Month => $"P{n}M",
            TemporalLexicon.TimeUnit.Quarter => "P" + Scaled(3, "M"),
            TemporalLexicon.TimeUnit.Year => $"P{n}Y",
            TemporalLexicon.TimeUnit.Decade => amount is null ? "PXDE" : "P" + Scaled(10, "Y"),
            TemporalLexicon.TimeUnit.Century => amount is null ? "PXCE" : "P" + Scaled(100, "Y"),
            TemporalLexicon.TimeUnit.Weekend => $"P{n}WE",
            _ => $"P{n}D",
        };
    }
}
