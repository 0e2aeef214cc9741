using System.Globalization;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>Durations ("15m", "2s", "500ms", "1h30m") and sizes ("10MB", "512KB") as options take them.</summary>
public static class Quantities
{
    public static TimeSpan? Duration(Arguments args, string name, TimeSpan? fallback, TimeSpan min, TimeSpan max)
    {
        var raw = args.Option(name);
        if (raw is null) return fallback;
        if (!TryParseDuration(raw, out var value) || value < min || value > max)
            throw new UsageException($"option --{name} takes a duration from {Describe(min)} to {Describe(max)} such as 15m, 2s or 500ms, not '{raw}'");
        return value;
    }

    public static long Size(Arguments args, string name, long fallback, long min, long max)
    {
        var raw = args.Option(name);
        if (raw is null) return fallback;
        if (!TryParseSize(raw, out var value) || value < min || value > max)
            throw new UsageException($"option --{name} takes a size from {min:N0} bytes to {max >> 20:N0} MB such as 10MB or 512KB, not '{raw}'");
        return value;
    }

    /// <summary>A number with a unit (ms, s, m, h, d), repeated ("1h30m"); a bare number is seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim().ToLowerInvariant();
        if (s.Length == 0) return false;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            if (bare < 0 || bare > 1e7) return false;
            value = TimeSpan.FromSeconds(bare);
            return true;
        }
        int i = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || !double.TryParse(s[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return false;
            int unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
            TimeSpan part;
            switch (s[unitStart..i])
            {
                case "ms": part = TimeSpan.FromMilliseconds(n); break;
                case "s" or "sec": part = TimeSpan.FromSeconds(n); break;
                case "m" or "min": part = TimeSpan.FromMinutes(n); break;
                case "h": part = TimeSpan.FromHours(n); break;
                case "d": part = TimeSpan.FromDays(n); break;
                default: return false;
            }
            value += part;
        }
        return true;
    }

    /// <summary>Bytes, or a number with K/KB/KiB, M/MB/MiB, G/GB/GiB (all powers of 1024).</summary>
    public static bool TryParseSize(string text, out long value)
    {
        value = 0;
        var s = text.Trim().ToUpperInvariant().Replace("IB", "B");
        long multiplier = 1;
        foreach (var (suffix, m) in (ReadOnlySpan<(string, long)>)[("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1)])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                multiplier = m;
                s = s[..^suffix.Length].Trim();
                break;
            }
        }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0 || n * multiplier > long.MaxValue / 2) return false;
        value = (long)(n * multiplier);
        return true;
    }

    public static string Describe(TimeSpan t) =>
        t.TotalHours >= 1 && t.TotalMinutes % 60 == 0 ? $"{t.TotalHours:0}h" :
        t.TotalMinutes >= 1 && t.TotalSeconds % 60 == 0 ? $"{t.TotalMinutes:0}m" :
        t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#}s" : $"{t.TotalMilliseconds:0}ms";
}
