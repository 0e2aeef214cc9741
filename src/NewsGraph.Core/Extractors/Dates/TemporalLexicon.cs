using System.Collections.Frozen;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Dates;

/// <summary>The calendar words of English news: months, weekdays, seasons, parts of the day, units of time, holidays.</summary>
public static class TemporalLexicon
{
    /// <summary>
    /// 1-12 for a month written in full or with its usual abbreviation ("Jan.", "Sept"), 0 otherwise. Stricter
    /// than <see cref="DateLine.MonthNumber(ReadOnlySpan{char})"/>, which it uses, so that "Marc" or "Octo" are not months.
    /// </summary>
    public static int Month(ReadOnlySpan<char> word, out bool abbreviated)
    {
        abbreviated = false;
        var bare = word.TrimEnd('.');
        if (bare.Length < 3 || !char.IsUpper(bare[0])) return 0;
        int month = DateLine.MonthNumber(bare);
        if (month == 0) return 0;
        if (bare.Length == FullLength[month - 1]) return month;
        abbreviated = true;
        return bare.Length == 3 || (month == 9 && bare.Length == 4) ? month : 0;
    }

    public static int Month(ReadOnlySpan<char> word) => Month(word, out _);

    private static readonly int[] FullLength = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];

    /// <summary>Month names that are also common words or names ("May", "March", "June"): a date only in a date's company.</summary>
    public static bool IsAmbiguousMonth(int month, bool abbreviated) => abbreviated || month is 3 or 4 or 5 or 6 or 8;

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday,
        ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday, ["Sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> WeekdayAbbreviations = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["Mon"] = DayOfWeek.Monday, ["Tue"] = DayOfWeek.Tuesday, ["Tues"] = DayOfWeek.Tuesday, ["Wed"] = DayOfWeek.Wednesday,
        ["Thu"] = DayOfWeek.Thursday, ["Thur"] = DayOfWeek.Thursday, ["Thurs"] = DayOfWeek.Thursday, ["Fri"] = DayOfWeek.Friday,
        ["Sat"] = DayOfWeek.Saturday, ["Sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayAbbrLookup = WeekdayAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A weekday written in full and capitalised ("Tuesday"); abbreviations only when <paramref name="allowAbbreviation"/>.</summary>
    public static bool TryWeekday(ReadOnlySpan<char> word, bool allowAbbreviation, out DayOfWeek day)
    {
        day = default;
        if (word.Length < 3 || !char.IsUpper(word[0])) return false;
        if (WeekdayLookup.TryGetValue(word, out day)) return true;
        return allowAbbreviation && WeekdayAbbrLookup.TryGetValue(word.TrimEnd('.'), out day);
    }

    /// <summary>Spring, summer, autumn (fall), winter as TIMEX3 season codes.</summary>
    public static string? Season(ReadOnlySpan<char> word)
    {
        if (word.Equals("spring", StringComparison.OrdinalIgnoreCase)) return "SP";
        if (word.Equals("summer", StringComparison.OrdinalIgnoreCase)) return "SU";
        if (word.Equals("autumn", StringComparison.OrdinalIgnoreCase) || word.Equals("fall", StringComparison.OrdinalIgnoreCase)) return "FA";
        if (word.Equals("winter", StringComparison.OrdinalIgnoreCase)) return "WI";
        return null;
    }

    /// <summary>Morning, afternoon, evening, night as TIMEX3 part-of-day codes.</summary>
    public static string? PartOfDay(ReadOnlySpan<char> word)
    {
        if (word.Equals("morning", StringComparison.OrdinalIgnoreCase)) return "MO";
        if (word.Equals("afternoon", StringComparison.OrdinalIgnoreCase)) return "AF";
        if (word.Equals("evening", StringComparison.OrdinalIgnoreCase)) return "EV";
        if (word.Equals("night", StringComparison.OrdinalIgnoreCase) || word.Equals("overnight", StringComparison.OrdinalIgnoreCase)) return "NI";
        return null;
    }

    /// <summary>A unit of time as used in TIMEX3 durations.</summary>
    public enum TimeUnit : byte { Second, Minute, Hour, Day, Week, Fortnight, Month, Quarter, Year, Decade, Century, Weekend }

    private static readonly FrozenDictionary<string, (TimeUnit Unit, bool Plural)> Units = new Dictionary<string, (TimeUnit, bool)>(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = (TimeUnit.Second, false), ["seconds"] = (TimeUnit.Second, true),
        ["minute"] = (TimeUnit.Minute, false), ["minutes"] = (TimeUnit.Minute, true), ["mins"] = (TimeUnit.Minute, true),
        ["hour"] = (TimeUnit.Hour, false), ["hours"] = (TimeUnit.Hour, true), ["hrs"] = (TimeUnit.Hour, true),
        ["day"] = (TimeUnit.Day, false), ["days"] = (TimeUnit.Day, true),
        ["week"] = (TimeUnit.Week, false), ["weeks"] = (TimeUnit.Week, true),
        ["fortnight"] = (TimeUnit.Fortnight, false), ["fortnights"] = (TimeUnit.Fortnight, true),
        ["month"] = (TimeUnit.Month, false), ["months"] = (TimeUnit.Month, true),
        ["quarter"] = (TimeUnit.Quarter, false), ["quarters"] = (TimeUnit.Quarter, true),
        ["year"] = (TimeUnit.Year, false), ["years"] = (TimeUnit.Year, true),
        ["decade"] = (TimeUnit.Decade, false), ["decades"] = (TimeUnit.Decade, true),
        ["century"] = (TimeUnit.Century, false), ["centuries"] = (TimeUnit.Century, true),
        ["weekend"] = (TimeUnit.Weekend, false), ["weekends"] = (TimeUnit.Weekend, true),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, (TimeUnit Unit, bool Plural)>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryUnit(ReadOnlySpan<char> word, out TimeUnit unit, out bool plural)
    {
        if (UnitLookup.TryGetValue(word, out var e)) { unit = e.Unit; plural = e.Plural; return true; }
        unit = default;
        plural = false;
        return false;
    }

    /// <summary>A holiday's date in a given year, or null when the name is not one the extractor knows.</summary>
    public delegate DateOnly HolidayDate(int year);

    /// <summary>Holidays by their words, longest first ("New Year's Day" before "New Year").</summary>
    public static readonly IReadOnlyList<(string[] Words, HolidayDate Date)> Holidays =
    [
        (["New", "Year", "'s", "Day"], y => new DateOnly(y, 1, 1)),
        (["New", "Year", "’s", "Day"], y => new DateOnly(y, 1, 1)),
        (["New", "Year", "'s", "Eve"], y => new DateOnly(y, 12, 31)),
        (["New", "Year", "’s", "Eve"], y => new DateOnly(y, 12, 31)),
        (["Christmas", "Day"], y => new DateOnly(y, 12, 25)),
        (["Christmas", "Eve"], y => new DateOnly(y, 12, 24)),
        (["Boxing", "Day"], y => new DateOnly(y, 12, 26)),
        (["Easter", "Sunday"], Easter),
        (["Easter", "Monday"], y => Easter(y).AddDays(1)),
        (["Good", "Friday"], y => Easter(y).AddDays(-2)),
        (["Black", "Friday"], y => Thanksgiving(y).AddDays(1)),
        (["Cyber", "Monday"], y => Thanksgiving(y).AddDays(4)),
        (["Valentine", "'s", "Day"], y => new DateOnly(y, 2, 14)),
        (["Valentine", "’s", "Day"], y => new DateOnly(y, 2, 14)),
        (["Bonfire", "Night"], y => new DateOnly(y, 11, 5)),
        (["May", "Day"], y => new DateOnly(y, 5, 1)),
        (["Christmas"], y => new DateOnly(y, 12, 25)),
        (["Easter"], Easter),
        (["Thanksgiving"], Thanksgiving),
        (["Halloween"], y => new DateOnly(y, 10, 31)),
        (["Hogmanay"], y => new DateOnly(y, 12, 31)),
    ];

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>US Thanksgiving: the fourth Thursday of November.</summary>
    public static DateOnly Thanksgiving(int year)
    {
        var first = new DateOnly(year, 11, 1);
        int offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 21);
    }
}
