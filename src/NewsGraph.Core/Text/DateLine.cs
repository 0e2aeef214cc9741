using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsGraph.Core.Text;

/// <summary>
/// Recognises a line that is nothing but a date (with an optional weekday, "Published:"
/// prefix and time of day), as pages print above or below a headline, and normalises it
/// to ISO 8601. It does not look for dates inside running text.
/// </summary>
public static partial class DateLine
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Weekday = @"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?";
    private const string Prefix = @"(?:(?:published|posted|updated|last\s+updated|date|first\s+published)(?:\s+on)?\s*:?\s*)?";
    private const string Time = @"(?:\s*(?:[-|,–—•·@]|at)?\s*(?<hour>\d{1,2})[:.](?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?|[A-Za-z]{2,5}\s?[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)?)?";

    [GeneratedRegex("^" + Prefix + Weekday + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" + Time + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex("^" + Prefix + Weekday + @"(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + Month + @",?\s+(?<year>\d{4})" + Time + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("^" + Prefix + Weekday + @"(?<year>\d{4})-(?<mnum>\d{1,2})-(?<day>\d{1,2})(?:[T\s]+(?<hour>\d{1,2}):(?<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("^" + Prefix + Weekday + @"(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<year>\d{4})" + Time + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>Parses <paramref name="line"/> if the whole line is a date; returns yyyy-MM-dd or yyyy-MM-ddTHH:mm.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out string iso)
    {
        iso = "";
        line = line.Trim();
        // Cheap gate: a date line is short and holds a four-digit year.
        if (line.Length is < 6 or > 90 || !HasYear(line)) return false;
        var text = line.ToString();

        Match m;
        int year, month, day;
        if ((m = MonthDayYear().Match(text)).Success || (m = DayMonthYear().Match(text)).Success)
        {
            month = MonthNumber(m.Groups["month"].Value);
            day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = IsoDate().Match(text)).Success)
        {
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["mnum"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = NumericDate().Match(text)).Success)
        {
            int a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            int b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            // 03/04/2022 is ambiguous between US and European order; only accept the unambiguous ones.
            if (a > 12 && b <= 12) { day = a; month = b; }
            else if (b > 12 && a <= 12) { month = a; day = b; }
            else return false;
        }
        else return false;

        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        iso = $"{year:D4}-{month:D2}-{day:D2}";
        var hourGroup = m.Groups["hour"];
        if (hourGroup.Success)
        {
            int hour = int.Parse(hourGroup.Value, CultureInfo.InvariantCulture);
            int minute = int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var ampm = m.Groups["ampm"];
            if (ampm.Success)
            {
                bool pm = char.ToLowerInvariant(ampm.Value[0]) == 'p';
                if (hour == 12) hour = pm ? 12 : 0;
                else if (pm) hour += 12;
            }
            if (hour < 24 && minute < 60) iso += $"T{hour:D2}:{minute:D2}";
        }
        return true;
    }

    public static int MonthNumber(string name) => MonthNumber(name.AsSpan());

    /// <summary>1-12 for a month name or its abbreviation of three letters or more ("Sept.", "jan"); 0 otherwise.</summary>
    public static int MonthNumber(ReadOnlySpan<char> name)
    {
        var key = name.TrimEnd('.');
        if (key.Length < 3) return 0;
        for (int i = 0; i < MonthNames.Length; i++)
            if (key.Length <= MonthNames[i].Length && MonthNames[i].AsSpan(0, key.Length).Equals(key, StringComparison.OrdinalIgnoreCase)) return i + 1;
        return 0;
    }

    private static bool HasYear(ReadOnlySpan<char> s)
    {
        int run = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) { if (++run == 4) return true; }
            else run = 0;
        }
        return false;
    }
}
