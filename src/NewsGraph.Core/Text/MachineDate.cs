using System.Globalization;

namespace NewsGraph.Core.Text;

/// <summary>
/// Normalises the dates machines write into ISO 8601: RFC 822 / 1123 (RSS pubDate, HTTP
/// headers), ISO 8601 / W3C-DTF (Atom, Dublin Core, WARC-Date, JSON exports), and Unix
/// time; falls back to <see cref="DateLine"/> for the human forms JSON exports also carry.
/// The form is the one the other readers write (<see cref="DateLine"/>, the HTML reader's page
/// metadata): to the minute, with the publisher's own offset kept, since the local day is the
/// one the story was published on ("2024-03-05T14:30-05:00", "2024-03-05T19:30Z"); a bare
/// date stays a date ("2024-03-05"), a time without a zone keeps its wall-clock value
/// ("2024-03-05T14:30"), and Unix time is UTC.
/// </summary>
public static class MachineDate
{
    /// <summary>Dates outside this range are typos or epoch defaults ("1970-01-01"), not publication dates.</summary>
    private const int MinYear = 1900, MaxYear = 2200;

    public static bool TryNormalize(string? value, out string iso)
    {
        iso = "";
        if (string.IsNullOrWhiteSpace(value)) return false;
        var s = value.AsSpan().Trim();
        if (s.Length > 100) return false;
        bool ok = TryIso(s, out iso) || TryRfc822(s, out iso) || TryUnix(s, out iso) || DateLine.TryParse(s, out iso);
        // The Unix epoch (in any zone: it is normalised to UTC) is what a missing date becomes in
        // many exporters, not a publication date.
        if (ok && IsEpoch(iso))
        {
            iso = "";
            return false;
        }
        return ok;
    }


    private static bool IsEpoch(string iso) =>
        iso.StartsWith("1970-01-01", StringComparison.Ordinal)
        || iso.StartsWith("1969-12-31T", StringComparison.Ordinal)
           && DateTimeOffset.TryParseExact(iso, "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
           && d.UtcDateTime == DateTime.UnixEpoch;

    public static string? Normalize(string? value) => TryNormalize(value, out var iso) ? iso : null;

    /// <summary>Seconds (or, for 13 digits, milliseconds) since 1970, as JSON exports write them.</summary>
    private static bool TryUnix(ReadOnlySpan<char> s, out string iso)
    {
        iso = "";
        if (s.Length is not (10 or 13) || !IsDigits(s)) return false;
        long n = long.Parse(s, CultureInfo.InvariantCulture);
        var moment = s.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n);
        if (moment.Year is < MinYear or > MaxYear) return false;
        iso = WithZone(moment.ToUniversalTime());
        return true;
    }

    /// <summary>yyyy-MM-dd, yyyy-MM, yyyy-MM-ddTHH:mm[:ss[.fff]][Z|±hh[:]mm], with 'T' or a space; also the basic yyyyMMddTHHmmssZ.</summary>
    private static bool TryIso(ReadOnlySpan<char> s, out string iso)
    {
        iso = "";
        int i = 0;
        if (!Number(s, ref i, 4, out int year)) return false;
        bool basic = i < s.Length && char.IsAsciiDigit(s[i]);
        if (!basic && (i >= s.Length || s[i] != '-')) return false;
        if (!basic) i++;
        if (!Number(s, ref i, 2, out int month)) return false;
        if (i == s.Length && !basic)
        {
            if (!ValidDate(year, month, 1)) return false;
            iso = $"{year:D4}-{month:D2}";
            return true;
        }
        if (!basic)
        {
            if (s[i] != '-') return false;
            i++;
        }
        if (!Number(s, ref i, 2, out int day) || !ValidDate(year, month, day)) return false;
        if (i == s.Length)
        {
            iso = $"{year:D4}-{month:D2}-{day:D2}";
            return true;
        }
        if (s[i] is not ('T' or 't' or ' ')) return false;
        i++;
        if (!Number(s, ref i, 2, out int hour)) return false;
        if (!basic && (i >= s.Length || s[i] != ':')) return false;
        if (!basic) i++;
        if (!Number(s, ref i, 2, out int minute)) return false;
        int second = 0;
        if (i < s.Length && (s[i] == ':' || basic && char.IsAsciiDigit(s[i])))
        {
            if (s[i] == ':') i++;
            if (!Number(s, ref i, 2, out second)) return false;
            if (i < s.Length && s[i] is '.' or ',')
            {
                i++;
                int digits = i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i == digits) return false;
            }
        }
        if (hour == 24 && minute == 0 && second == 0) hour = 0; // "24:00" is midnight ending the day; rare, keep the date
        if (hour > 23 || minute > 59 || second > 60) return false;
        if (second == 60) second = 59; // a leap second
        var rest = s[i..].Trim();
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (rest.IsEmpty)
        {
            iso = WallClock(local);
            return true;
        }
        if (!TryZone(rest, out var offset)) return false;
        iso = WithZone(new DateTimeOffset(local, offset));
        return true;
    }

    /// <summary>
    /// "Tue, 05 Mar 2024 14:30:00 GMT" and the variants feeds really carry: no weekday, a wrong
    /// weekday, one-digit days, full month names, two-digit years, no seconds, numeric or named
    /// zones, a missing zone.
    /// </summary>
    private static bool TryRfc822(ReadOnlySpan<char> s, out string iso)
    {
        iso = "";
        Span<Range> parts = stackalloc Range[10];
        int count = s.SplitAny(parts, " ,\t", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (count is < 3 or > 9) return false;
        int p = 0;
        if (IsWeekday(s[parts[p]])) p++;
        if (count - p < 3) return false;
        int day, month, year;
        // "05 Mar 2024" (RFC) or "Mar 05 2024" (what some CMSs write).
        if (int.TryParse(s[parts[p]], NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            month = DateLine.MonthNumber(s[parts[p + 1]].ToString());
        }
        else
        {
            month = DateLine.MonthNumber(s[parts[p]].ToString());
            if (!int.TryParse(s[parts[p + 1]].TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out day)) return false;
        }
        if (month == 0) return false;
        var yearText = s[parts[p + 2]];
        if (!IsDigits(yearText) || yearText.Length is not (2 or 4)) return false;
        year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2) year += year < 50 ? 2000 : 1900;
        if (!ValidDate(year, month, day)) return false;
        p += 3;
        if (p == count)
        {
            iso = $"{year:D4}-{month:D2}-{day:D2}";
            return true;
        }
        var time = s[parts[p++]];
        int colon1 = time.IndexOf(':');
        if (colon1 < 1) return false;
        if (!int.TryParse(time[..colon1], NumberStyles.None, CultureInfo.InvariantCulture, out int hour)) return false;
        var afterHour = time[(colon1 + 1)..];
        int colon2 = afterHour.IndexOf(':');
        int minute, second = 0;
        if (colon2 < 0)
        {
            if (!int.TryParse(afterHour, NumberStyles.None, CultureInfo.InvariantCulture, out minute)) return false;
        }
        else
        {
            if (!int.TryParse(afterHour[..colon2], NumberStyles.None, CultureInfo.InvariantCulture, out minute)) return false;
            var sec = afterHour[(colon2 + 1)..];
            int dot = sec.IndexOf('.');
            if (dot >= 0) sec = sec[..dot];
            if (!int.TryParse(sec, NumberStyles.None, CultureInfo.InvariantCulture, out second)) return false;
        }
        if (hour > 23 || minute > 59 || second > 60) return false;
        if (second == 60) second = 59;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (p == count)
        {
            iso = WallClock(local);
            return true;
        }
        // "+0000", "GMT", "EST", and the "GMT+0100" or "+0000 (UTC)" some servers append.
        var zone = s[parts[p]];
        if (zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) && zone.Length > 3) zone = zone[3..];
        if (!TryZone(zone, out var offset))
        {
            // An ambiguous or unknown zone name ("IST") still leaves a good wall-clock time.
            if (!IsLetters(zone)) return false;
            iso = WallClock(local);
            return true;
        }
        iso = WithZone(new DateTimeOffset(local, offset));
        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiLetter(c)) return false;
        return !s.IsEmpty;
    }

    private static bool TryZone(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 0) return false;
        if (zone[0] is '+' or '-' or '−')
        {
            int sign = zone[0] == '+' ? 1 : -1;
            var digits = zone[1..];
            int hours, minutes = 0;
            if (digits.Length == 5 && digits[2] == ':')
            {
                if (!IsDigits(digits[..2]) || !IsDigits(digits[3..])) return false;
                hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
                minutes = int.Parse(digits[3..], CultureInfo.InvariantCulture);
            }
            else if (digits.Length == 4 && IsDigits(digits))
            {
                hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
                minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
            }
            else if (digits.Length is 1 or 2 && IsDigits(digits))
            {
                hours = int.Parse(digits, CultureInfo.InvariantCulture);
            }
            else return false;
            if (hours > 14 || minutes > 59) return false;
            offset = TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
            return true;
        }
        // The zone names RFC 822 defines, plus the few others feeds commonly write.
        int? h = zone.ToString().ToUpperInvariant() switch
        {
            "Z" or "GMT" or "UT" or "UTC" => 0,
            "EST" => -5, "EDT" => -4, "CST" => -6, "CDT" => -5, "MST" => -7, "MDT" => -6, "PST" => -8, "PDT" => -7,
            "BST" => 1, "CET" => 1, "CEST" => 2, "EET" => 2, "EEST" => 3, "IST" => null, "JST" => 9, "AEST" => 10, "AEDT" => 11,
            _ => null,
        };
        if (h is null) return false;
        offset = TimeSpan.FromHours(h.Value);
        return true;
    }

    private static bool IsWeekday(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return false;
        var w = word.TrimEnd('.');
        foreach (var day in (ReadOnlySpan<string>)["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
            if (w.Length >= 3 && day.AsSpan().StartsWith(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string WallClock(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string WithZone(DateTimeOffset moment) =>
        WallClock(moment.DateTime) + (moment.Offset == TimeSpan.Zero ? "Z" : moment.ToString("zzz", CultureInfo.InvariantCulture));

    private static bool ValidDate(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool Number(ReadOnlySpan<char> s, ref int i, int digits, out int value)
    {
        value = 0;
        if (i + digits > s.Length) return false;
        for (int k = 0; k < digits; k++)
        {
            char c = s[i + k];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        i += digits;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
