using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Amounts;
using NewsGraph.Core.Text;
using static NewsGraph.Core.Extractors.Dates.TemporalLexicon;

namespace NewsGraph.Core.Extractors.Dates;

/// <summary>
/// Finds temporal expressions in an article's tokens and normalises them to TIMEX3-style values against
/// the article's anchor date: explicit dates ("March 3, 2023", "3 March 2023", "Q3 2024", "the 1990s"),
/// relative ones ("on Tuesday", "last month", "two weeks ago", "earlier this month"), durations
/// ("for six weeks", P6W), sets ("every three years") and vague references ("recently", PAST_REF).
/// Extents follow TimeML: modifiers belong to the expression ("late December"), prepositions do not.
/// </summary>
public sealed class DateExtractor
{
    private readonly ArticleTokens _t;
    private readonly DateOnly _anchor;
    private readonly bool _hasAnchor;
    private readonly bool _estimated;
    // The last day a date in the text resolved to: what "the following morning" and "that night" lean on.
    private DateOnly _reference;
    private int _from, _to;

    private DateExtractor(ArticleTokens t, DateAnchor anchor)
    {
        _t = t;
        _hasAnchor = anchor.Date.HasValue;
        // Without an anchor relative values are masked on output; any fixed date serves the arithmetic meanwhile.
        _anchor = anchor.Date ?? new DateOnly(2000, 1, 1);
        _estimated = anchor.Estimated;
        _reference = _anchor;
    }

    /// <summary>Extracts the article's temporal expressions into <paramref name="dates"/>.</summary>
    public static void Extract(ArticleTokens t, DateAnchor anchor, List<DateMention> dates) => new DateExtractor(t, anchor).Run(dates);

    /// <summary>The latest explicit full date (day, month and year all written) in the text, for articles without a date.</summary>
    public static DateOnly? LatestExplicitDate(ArticleTokens t)
    {
        var x = new DateExtractor(t, new DateAnchor(null, false));
        DateOnly? latest = null;
        for (int s = 0; s < t.SentenceCount; s++)
        {
            x._from = t.SentenceStart(s);
            x._to = t.SentenceEnd(s);
            for (int i = x._from; i < x._to; i++)
            {
                // A full date is a dashed figure or ends in a year ("March 3, 2023", "Friday, Jan. 13, 2023"):
                // only figures are looked at, and from a year the date's start is sought a few tokens back.
                if (t.Kind(i) != TokenKind.Number) continue;
                DateOnly day;
                if (x.TryDashedDate(i, out var dashed)) day = dashed.Day!.Value;
                else if (!x.YearAt(i, out _) || !x.FullDateEndingAt(i + 1, out day)) continue;
                if (latest is null || day > latest) latest = day;
            }
        }
        return latest;
    }

    private bool FullDateEndingAt(int end, out DateOnly day)
    {
        for (int start = Math.Max(_from, end - 6); start < end - 1; start++)
            if (TryFullDate(start, out day, out int e) && e == end) return true;
        day = default;
        return false;
    }

    private void Run(List<DateMention> dates)
    {
        var sentence = new List<Candidate>();
        for (int s = 0; s < _t.SentenceCount; s++)
        {
            _from = _t.SentenceStart(s);
            _to = _t.SentenceEnd(s);
            sentence.Clear();
            int i = _from;
            while (i < _to)
            {
                // Most tokens can start no expression: dismiss them before the parsers' bookkeeping.
                var trigger = TriggerAt(i);
                if (trigger == Trigger.None) { i++; continue; }
                if (TryAt(i, trigger, out var c))
                {
                    sentence.Add(c);
                    if (c.Day is { } d && !c.IsClock) _reference = d;
                    i = c.End;
                }
                else i++;
            }
            for (int k = 0; k < sentence.Count; k++)
            {
                var c = sentence[k];
                if (c.IsClock) c = PlaceClock(sentence, k);
                dates.Add(Mention(c));
            }
        }
    }

    /// <summary>One expression found: tokens [First, End) and its value.</summary>
    private readonly record struct Candidate(int First, int End, string Value, string Granularity)
    {
        public string? Mod { get; init; }
        /// <summary>The value depends on the anchor date.</summary>
        public bool Relative { get; init; }
        public DateOnly? Day { get; init; }
        public bool IsClock { get; init; }
        public bool DayGiven { get; init; }
        public int Hour { get; init; }
        public int Minute { get; init; }
        /// <summary>What stays known without an anchor: "XXXX-03-14" keeps the month and day.</summary>
        public string? Masked { get; init; }
    }

    private DateMention Mention(Candidate c)
    {
        string value = c.Value;
        if (c.Relative && !_hasAnchor) value = c.Masked ?? Mask(c.Granularity);
        return new DateMention(_t.SpanOf(c.First, c.End), value)
        {
            Granularity = c.Granularity,
            Estimated = c.Relative && _estimated,
            Mod = c.Mod,
        };
    }

    private static string Mask(string granularity) => granularity switch
    {
        "day" => "XXXX-XX-XX",
        "time" => "XXXX-XX-XXTXX:XX",
        "week" => "XXXX-WXX",
        "month" => "XXXX-XX",
        "quarter" => "XXXX-QX",
        "half" => "XXXX-HX",
        "season" => "XXXX-XX",
        "decade" => "XXX",
        "century" => "XX",
        _ => "XXXX",
    };

    /// <summary>A clock time takes the day written next to it ("at 13:25 on Thursday"), else the last day mentioned.</summary>
    private Candidate PlaceClock(List<Candidate> sentence, int k)
    {
        var c = sentence[k];
        DateOnly day;
        bool relative = c.Relative;
        if (c.DayGiven && c.Day is { } given) day = given;
        else
        {
            day = _anchor;
            relative = true;
            bool found = false;
            for (int n = k + 1; n < sentence.Count && !found; n++)
                if (sentence[n].First - c.End <= 4 && sentence[n].Day is { } d && !sentence[n].IsClock && sentence[n].Granularity is "day" or "time")
                {
                    day = d;
                    relative = sentence[n].Relative;
                    found = true;
                }
            for (int p = k - 1; p >= 0 && !found; p--)
                if (sentence[p].Day is { } d && !sentence[p].IsClock)
                {
                    day = d;
                    relative = sentence[p].Relative;
                    found = true;
                }
            if (!found && _reference != _anchor) day = _reference;
        }
        return c with
        {
            Value = $"{Timex.Day(day)}T{c.Hour:D2}:{c.Minute:D2}",
            Relative = relative,
            Day = day,
            Masked = $"XXXX-XX-XXT{c.Hour:D2}:{c.Minute:D2}",
        };
    }

    // ----- dispatch -----

    /// <summary>Which expressions may start at a word: one lookup per word, so most words cost a single hash.</summary>
    [Flags]
    private enum Trigger : ushort
    {
        None = 0, Month = 1, Weekday = 2, Holiday = 4, Quarter = 8, The = 16, Relative = 32, Modified = 64, RelativeDay = 128,
        That = 256, Reference = 512, Set = 1024, ClockWord = 2048, Duration = 4096, Vague = 8192, Clock = 16384, Figure = 32768,
    }

    private static readonly System.Collections.Frozen.FrozenDictionary<string, Trigger>.AlternateLookup<ReadOnlySpan<char>> Triggers = BuildTriggers(out TriggerShapes);
    private static readonly WordShapes TriggerShapes;

    private static System.Collections.Frozen.FrozenDictionary<string, Trigger>.AlternateLookup<ReadOnlySpan<char>> BuildTriggers(out WordShapes shapes)
    {
        var d = new Dictionary<string, Trigger>(StringComparer.OrdinalIgnoreCase);
        void Add(Trigger t, params string[] words) { foreach (var w in words) d[w] = d.GetValueOrDefault(w) | t; }
        Add(Trigger.Month, "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.");
        Add(Trigger.Weekday, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun.");
        foreach (var (words, _) in Holidays) Add(Trigger.Holiday, words[0]);
        Add(Trigger.Quarter, "Q1", "Q2", "Q3", "Q4", "H1", "H2");
        Add(Trigger.The, "the");
        Add(Trigger.Relative, "last", "next", "this");
        Add(Trigger.Modified, "early", "late", "mid", "earlier", "later");
        Add(Trigger.RelativeDay, "today", "tonight", "yesterday", "tomorrow");
        Add(Trigger.That, "that");
        Add(Trigger.Reference, "now", "currently", "nowadays", "present", "these", "recently", "lately", "recent");
        Add(Trigger.Set, "every", "each");
        Add(Trigger.ClockWord, "noon", "midday", "midnight");
        Add(Trigger.Clock, "about", "around", "approximately");
        Add(Trigger.Duration, "a", "an", "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more", "less", "fewer",
            "several", "many", "few", "half", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
            "fifty", "sixty", "seventy", "eighty", "ninety");
        Add(Trigger.Vague, "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries");
        shapes = new WordShapes(d.Keys);
        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(d, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What may start at token <paramref name="i"/>: a figure may start several things; a word only what its trigger says.</summary>
    private Trigger TriggerAt(int i)
    {
        var kind = _t.Kind(i);
        if (kind == TokenKind.Number) return FigureMayStart(i) ? Trigger.Figure : Trigger.None;
        if (kind != TokenKind.Word) return Trigger.None;
        var w = _t.Word(i);
        if (TriggerShapes.MayContain(w) && Triggers.TryGetValue(w, out var trigger))
        {
            // The commonest trigger words lead nowhere unless the next word fits: "the" + "end"/"summer"/a figure,
            // "a" + a unit ("a decade"), "that" + "night", "more" + "than".
            if (w.Length <= 4 && i + 1 < _to)
            {
                if (trigger == Trigger.The && !(_t.IsNumber(i + 1) || _t.IsWord(i + 1) && AfterThe.Contains(_t.Word(i + 1)))) return Trigger.None;
                if (trigger == Trigger.That && !(_t.IsWord(i + 1) && (PartOfDay(_t.Word(i + 1)) != null || TryUnit(_t.Word(i + 1), out _, out _)))) return Trigger.None;
                if (trigger == Trigger.Duration && w.Length <= 2 && (w[0] | 0x20) == 'a'
                    && !(_t.IsWord(i + 1) && (TryUnit(_t.Word(i + 1), out _, out _) || _t.Is(i + 1, "few")))) return Trigger.None;
                if (trigger == Trigger.Duration && (w.Equals("more", StringComparison.OrdinalIgnoreCase) || w.Equals("less", StringComparison.OrdinalIgnoreCase))
                    && !_t.Is(i + 1, "than")) return Trigger.None;
            }
            return trigger;
        }
        // "mid-2021", "mid-August" and hyphenated numbers ("twenty-three days") are single tokens.
        if (w.Length > 4 && (w[0] | 0x20) == 'm' && w[3] == '-' && (w[1] | 0x20) == 'i' && (w[2] | 0x20) == 'd') return Trigger.Modified;
        if (w.Length > 6 && w.Contains('-') && NumberWords.TryCardinal(w, out _)) return Trigger.Duration;
        return Trigger.None;
    }

    /// <summary>
    /// Money, percentages and measures ("$95", "53%", "71.56bn", "15km") start no date; a figure with a
    /// thousands comma or a decimal point only starts a duration or a clock time ("1,000 years", "18.5 hours", "3.55pm").
    /// </summary>
    private bool FigureMayStart(int i)
    {
        if (i - 1 >= _from && _t.Kind(i - 1) == TokenKind.Symbol && UnitLexicon.TrySymbol(_t.Word(i - 1), out _)) return false;
        if (i + 1 < _to && _t.IsChar(i + 1, '%')) return false;
        var w = _t.Word(i);
        int letters = w.Length;
        while (letters > 0 && char.IsLetter(w[letters - 1])) letters--;
        var suffix = w[letters..];
        if (!suffix.IsEmpty && !(suffix is "st" or "nd" or "rd" or "th" or "s" || suffix.Equals("am", StringComparison.OrdinalIgnoreCase)
                                 || suffix.Equals("pm", StringComparison.OrdinalIgnoreCase)))
            return false;
        if (w[..letters].IndexOfAny(',', '.') >= 0 && suffix.IsEmpty)
            return UnitFollows(i) || i + 1 < _to && _t.IsAny(i + 1, ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]);
        return true;
    }

    private bool TryAt(int i, Trigger trigger, out Candidate best)
    {
        best = default;
        bool found = false;
        void Consider(bool ok, in Candidate c, ref Candidate b)
        {
            if (ok && (!found || c.End > b.End)) { b = c; found = true; }
        }
        Candidate c;
        if (trigger == Trigger.Figure)
        {
            Consider(TryDayMonth(i, out c), c, ref best);
            Consider(TryDashedDate(i, out c), c, ref best);
            Consider(TryYear(i, out c), c, ref best);
            Consider(TryDecade(i, out c), c, ref best);
            Consider(TryClock(i, out c), c, ref best);
            Consider(TryDurationOrAgo(i, out c), c, ref best);
            return found;
        }
        if ((trigger & Trigger.Month) != 0) Consider(TryMonthPhrase(i, out c), c, ref best);
        if ((trigger & Trigger.Weekday) != 0) Consider(TryWeekdayPhrase(i, out c), c, ref best);
        if ((trigger & Trigger.Holiday) != 0) Consider(TryHoliday(i, out c), c, ref best);
        if ((trigger & Trigger.Quarter) != 0) Consider(TryQuarterCode(i, out c), c, ref best);
        if ((trigger & Trigger.The) != 0) Consider(TryThe(i, out c), c, ref best);
        if ((trigger & Trigger.Relative) != 0) Consider(TryRelative(i, out c), c, ref best);
        if ((trigger & Trigger.Modified) != 0) Consider(TryModified(i, out c), c, ref best);
        if ((trigger & Trigger.RelativeDay) != 0) Consider(TryRelativeDay(i, out c), c, ref best);
        if ((trigger & Trigger.That) != 0) Consider(TryThat(i, out c), c, ref best);
        if ((trigger & Trigger.Reference) != 0) Consider(TryReference(i, out c), c, ref best);
        if ((trigger & Trigger.Set) != 0) Consider(TrySet(i, out c), c, ref best);
        if ((trigger & Trigger.ClockWord) != 0) Consider(TryClockWord(i, out c), c, ref best);
        if ((trigger & Trigger.Clock) != 0) Consider(TryClock(i, out c), c, ref best);
        if ((trigger & Trigger.Duration) != 0) Consider(TryDurationOrAgo(i, out c), c, ref best);
        if ((trigger & Trigger.Vague) != 0) Consider(TryVagueDuration(i, out c), c, ref best);
        return found;
    }

    // ----- helpers -----

    private Tense TenseAt(int first, int end) => TenseCues.Around(_t, first, end, _from, _to);

    private bool YearAt(int i, out int year)
    {
        year = 0;
        if (i >= _to || !_t.IsNumber(i) || _t[i].Length != 4) return false;
        var w = _t.Word(i);
        for (int k = 0; k < 4; k++)
        {
            int digit = w[k] - '0';
            if ((uint)digit > 9) return false;
            year = year * 10 + digit;
        }
        return year is >= 1000 and <= 2199;
    }

    private bool DayNumberAt(int i, out int day)
    {
        day = 0;
        if (i >= _to || !_t.IsNumber(i)) return false;
        var w = _t.Word(i);
        int digits = 0;
        while (digits < w.Length && char.IsAsciiDigit(w[digits])) digits++;
        if (digits is 0 or > 2) return false;
        var suffix = w[digits..];
        if (!suffix.IsEmpty && !(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                                  || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
            return false;
        day = int.Parse(w[..digits]);
        return day is >= 1 and <= 31;
    }

    private int MonthAt(int i, out bool abbreviated)
    {
        abbreviated = false;
        return i < _to && _t.IsWord(i) ? Month(_t.Word(i), out abbreviated) : 0;
    }

    private Candidate Day(int first, int end, DateOnly d, bool relative, string? mod = null, string? masked = null) =>
        new(first, end, Timex.Day(d), "day") { Day = d, Relative = relative, Mod = mod, Masked = masked };

    /// <param name="monthWritten">The month is in the text ("March last year"), so it survives without an anchor.</param>
    private Candidate MonthOf(int first, int end, int year, int month, bool relative, string? mod = null, bool monthWritten = true) =>
        new(first, end, Timex.Month(year, month), "month") { Relative = relative, Mod = mod, Masked = monthWritten ? $"XXXX-{month:D2}" : null };

    private Candidate YearOf(int first, int end, int year, bool relative, string? mod = null) =>
        new(first, end, Timex.Year(year), "year") { Relative = relative, Mod = mod };

    /// <summary>
    /// The year of a month (and day) written without one: the nearest occurrence the tense allows. A past verb
    /// does not send a month most of a year back when it is just ahead: "signalled further rises in July"
    /// written in June is this July (reporting verbs are past, what they report need not be).
    /// </summary>
    private int ResolveYear(int month, int day, Tense tense)
    {
        if (tense == Tense.Past)
        {
            int past = ResolveYear(month, day, Tense.Past, strict: true), ahead = ResolveYear(month, day, Tense.Future, strict: true);
            int MonthsFromAnchor(int y) => (y * 12 + month) - (_anchor.Year * 12 + _anchor.Month);
            if (-MonthsFromAnchor(past) >= 9 && MonthsFromAnchor(ahead) is > 0 and <= 3) return ahead;
            return past;
        }
        return ResolveYear(month, day, tense, strict: true);
    }

    private int ResolveYear(int month, int day, Tense tense, bool strict)
    {
        int best = _anchor.Year;
        long anchorKey = day > 0 ? _anchor.DayNumber : _anchor.Year * 12L + _anchor.Month;
        long bestDistance = long.MaxValue;
        for (int y = _anchor.Year - 1; y <= _anchor.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            long key = day > 0 ? new DateOnly(y, month, day).DayNumber : y * 12L + month;
            long delta = key - anchorKey;
            if (tense == Tense.Past && delta > 0) continue;
            if (tense == Tense.Future && delta < 0) continue;
            long distance = Math.Abs(delta) * 2 + (delta > 0 ? 1 : 0); // ties go to the past
            if (distance < bestDistance) { bestDistance = distance; best = y; }
        }
        return best;
    }

    private DateOnly ResolveWeekday(DayOfWeek day, Tense tense)
    {
        int back = ((int)_anchor.DayOfWeek - (int)day + 7) % 7;
        int ahead = ((int)day - (int)_anchor.DayOfWeek + 7) % 7;
        return tense switch
        {
            Tense.Past => _anchor.AddDays(-back),
            Tense.Future => _anchor.AddDays(ahead),
            _ => back <= ahead ? _anchor.AddDays(-back) : _anchor.AddDays(ahead),
        };
    }

    /// <summary>The instance of a cyclic period (season, quarter) nearest the anchor that the tense allows.</summary>
    private static int ResolveCycle(int anchorIndex, int offset, Tense tense)
    {
        int best = anchorIndex, bestDistance = int.MaxValue;
        int baseYear = anchorIndex / 4;
        for (int y = baseYear - 1; y <= baseYear + 1; y++)
        {
            int idx = y * 4 + offset;
            int delta = idx - anchorIndex;
            if (tense == Tense.Past && delta > 0) continue;
            if (tense == Tense.Future && delta < 0) continue;
            int distance = Math.Abs(delta) * 2 + (delta > 0 ? 1 : 0);
            if (distance < bestDistance) { bestDistance = distance; best = idx; }
        }
        return best;
    }

    private DateOnly WeekendSaturday(Tense tense)
    {
        var saturday = Timex.StartOfIsoWeek(_anchor).AddDays(5);
        return tense switch
        {
            Tense.Past => _anchor >= saturday ? saturday : saturday.AddDays(-7),
            Tense.Future => saturday,
            _ => _anchor >= saturday || saturday.DayNumber - _anchor.DayNumber < _anchor.DayNumber - saturday.AddDays(-7).DayNumber ? saturday : saturday.AddDays(-7),
        };
    }

    private bool IsWordAt(int i, string word) => i < _to && _t.Is(i, word);

    private bool IsAnyAt(int i, ReadOnlySpan<string> words) => i < _to && _t.IsAny(i, words);

    // ----- explicit dates -----

    /// <summary>"March 3, 2023", "3 March 2023", "Friday, Jan. 13, 2023", "2023-03-03": all three parts written.</summary>
    private bool TryFullDate(int i, out DateOnly day, out int end)
    {
        day = default;
        end = i;
        int k = i;
        if (_t.IsWord(k) && TryWeekday(_t.Word(k), allowAbbreviation: true, out _))
        {
            k++;
            if (_t.IsChar(k, ',')) k++;
        }
        Candidate c;
        if (TryMonthDay(k, requireYear: true, out c) || TryDayMonth(k, out c) || TryDashedDate(k, out c))
        {
            if (c.Relative || c.Day is null) return false;
            day = c.Day.Value;
            end = c.End;
            return true;
        }
        return false;
    }

    private bool TryDashedDate(int i, out Candidate c)
    {
        c = default;
        if (!_t.IsNumber(i)) return false;
        var w = _t.Word(i);
        if (w.Length != 10 || !Timex.TryParseIsoDay(w, out var d)) return false;
        c = Day(i, i + 1, d, relative: false);
        return true;
    }

    /// <summary>Month Day [, Year]: "March 3", "Jan. 13, 2023", "October 8 last year".</summary>
    private bool TryMonthDay(int i, bool requireYear, out Candidate c)
    {
        c = default;
        int month = MonthAt(i, out _);
        if (month == 0 || !DayNumberAt(i + 1, out int day)) return false;
        int k = i + 2;
        // "May 2 people" is not a date; a unit or counted noun after the number says so.
        if (k < _to && _t.IsWord(k) && _t.StartsLower(k) && UnitLexicon.TryCountNoun(_t.Word(k), allowUnlisted: false, out _)) return false;
        if (_t.IsChar(k, ',') && YearAt(k + 1, out int y1)) return Make(y1, k + 2, false, out c);
        if (YearAt(k, out int y2)) return Make(y2, k + 1, false, out c);
        if (requireYear) return false;
        if (IsAnyAt(k, ["last", "next", "this"]) && IsWordAt(k + 1, "year"))
            return Make(_anchor.Year + (_t.Is(k, "last") ? -1 : _t.Is(k, "next") ? 1 : 0), k + 2, true, out c);
        int year = ResolveYear(month, day, TenseAt(i, k));
        return Make(year, k, true, out c);

        bool Make(int year, int end, bool relative, out Candidate made)
        {
            made = default;
            if (day > DateTime.DaysInMonth(year, month)) return false;
            made = Day(i, end, new DateOnly(year, month, day), relative, masked: $"XXXX-{month:D2}-{day:D2}");
            return true;
        }
    }

    /// <summary>Day Month [Year]: "3 March 2023", "14 June", "1 July 1997".</summary>
    private bool TryDayMonth(int i, out Candidate c)
    {
        c = default;
        if (!DayNumberAt(i, out int day)) return false;
        int k = i + 1;
        if (IsWordAt(k, "of")) k++;
        int month = MonthAt(k, out _);
        if (month == 0) return false;
        k++;
        int year;
        bool relative = false;
        if (_t.IsChar(k, ',') && YearAt(k + 1, out year)) k += 2;
        else if (YearAt(k, out year)) k++;
        else if (IsAnyAt(k, ["last", "next", "this"]) && IsWordAt(k + 1, "year"))
        {
            year = _anchor.Year + (_t.Is(k, "last") ? -1 : _t.Is(k, "next") ? 1 : 0);
            k += 2;
            relative = true;
        }
        else
        {
            year = ResolveYear(month, day, TenseAt(i, k));
            relative = true;
        }
        if (day > DateTime.DaysInMonth(year, month)) return false;
        c = Day(i, k, new DateOnly(year, month, day), relative, masked: $"XXXX-{month:D2}-{day:D2}");
        return true;
    }

    /// <summary>Month phrases starting at the month: "March 3, 2023", "March 2021", "March of 2021", "March last year", "May".</summary>
    private bool TryMonthPhrase(int i, out Candidate c)
    {
        if (TryMonthDay(i, requireYear: false, out c)) return true;
        int month = MonthAt(i, out bool abbreviated);
        if (month == 0) return false;
        int k = i + 1;
        if (YearAt(k, out int year)) { c = MonthOf(i, k + 1, year, month, false); return true; }
        if (IsWordAt(k, "of") && YearAt(k + 1, out year)) { c = MonthOf(i, k + 2, year, month, false); return true; }
        if (IsAnyAt(k, ["last", "next", "this"]) && IsWordAt(k + 1, "year"))
        {
            c = MonthOf(i, k + 2, _anchor.Year + (_t.Is(k, "last") ? -1 : _t.Is(k, "next") ? 1 : 0), month, true);
            return true;
        }
        if (abbreviated) return false;
        if (IsAmbiguousMonth(month, false) && !MonthContext(i)) return false;
        c = BareMonth(i, i + 1, i, month, null);
        return true;
    }

    /// <summary>A month without a year, resolved by tense, or by the year a past-tense sentence opens with ("In 2016, ... in May").</summary>
    private Candidate BareMonth(int first, int end, int monthToken, int month, string? mod)
    {
        var tense = TenseAt(first, end);
        if (tense == Tense.Past && _t.IsAny(_from, ["In", "During", "By"]) && YearAt(_from + 1, out int framing) && _from + 1 < monthToken)
            return MonthOf(first, end, framing, month, false, mod);
        return MonthOf(first, end, ResolveYear(month, 0, tense), month, true, mod);
    }

    private static readonly string[] MonthContextWords =
    [
        "in", "since", "from", "until", "till", "by", "before", "after", "during", "between", "and", "or", "through", "throughout",
        "to", "of", "early", "late", "mid", "last", "next", "this", "the", "end", "start", "beginning", "middle", "each", "every",
        "around", "following", "previous", "for", "least", "as",
    ];

    /// <summary>"May" is a month after "in", "since", "until", "the" ...; not in "Theresa May" or "prices may rise".</summary>
    private bool MonthContext(int i) => i - 1 >= _from && _t.IsAny(i - 1, MonthContextWords);

    private bool TryWeekdayPhrase(int i, out Candidate c)
    {
        c = default;
        if (!TryWeekday(_t.Word(i), allowAbbreviation: true, out var weekday)) return false;
        bool full = TryWeekday(_t.Word(i), allowAbbreviation: false, out _);
        int k = i + 1;
        if (_t.IsChar(k, ',')) k++;
        // A weekday in front of a written date: "Monday, 1 November", "Friday, Jan. 13, 2023", "Sunday 3 March 2024".
        if (TryMonthDay(k, requireYear: false, out var dated) || TryDayMonth(k, out dated))
        {
            c = dated with { First = i };
            return true;
        }
        if (!full) return false;
        // Names, not days: "the Sunday Times", "Bloody Sunday", "Super Tuesday".
        if (IsAnyAt(i + 1, ["Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Mail", "Independent", "Sport", "Tribune", "Star", "Club", "Night Football"])) return false;
        if (i - 1 >= _from && _t.IsWord(i - 1) && _t.StartsUpper(i - 1) && !_t.IsAny(i - 1, WeekdayOpeners)) return false;
        int end = i + 1;
        string? part = end < _to && _t.IsWord(end) ? PartOfDay(_t.Word(end)) : null;
        if (part != null) end++;
        var day = ResolveWeekday(weekday, TenseAt(i, end));
        c = WeekdayCandidate(i, end, day, weekday, part);
        return true;
    }

    /// <summary>Capitalised words that may stand before a weekday without making it a name ("On Monday", "By Sunday evening").</summary>
    private static readonly string[] WeekdayOpeners =
    [
        "On", "Last", "Next", "This", "Since", "By", "Until", "Till", "Every", "From", "Before", "After", "Early", "Late", "Then",
        "But", "And", "Or", "So", "Also", "Only", "Even", "Through", "During", "Over", "Between", "Around", "About", "For", "As",
        "At", "In", "Later", "Earlier", "Late", "Each", "Come", "Since",
    ];

    private Candidate WeekdayCandidate(int first, int end, DateOnly day, DayOfWeek weekday, string? part)
    {
        int iso = weekday == DayOfWeek.Sunday ? 7 : (int)weekday;
        if (part != null)
            return new Candidate(first, end, $"{Timex.Day(day)}T{part}", "time") { Day = day, Relative = true, Masked = $"XXXX-WXX-{iso}T{part}" };
        return Day(first, end, day, relative: true, masked: $"XXXX-WXX-{iso}");
    }

    private bool TryYear(int i, out Candidate c)
    {
        c = default;
        if (!YearAt(i, out int year)) return false;
        // Not a year: "2000 people", "$2015", "No 1999", "Vision 2030".
        int next = i + 1;
        if (next < _to && (_t.IsChar(next, '%') || (_t.IsWord(next) && _t.StartsLower(next)
            && (UnitLexicon.TryCountNoun(_t.Word(next), allowUnlisted: false, out _) || UnitLexicon.TryMeasure(_t.Word(next), out var m) && m.Kind != UnitKind.Time
                || UnitLexicon.TryCurrencyWord(_t.Word(next), out _)))))
            return false;
        if (_t.TouchesNext(i) && _t.IsChar(next, '-')) return false;
        if (next < _to && _t.IsAny(next, Zones)) return false; // "1200 GMT" is a time
        if (i - 1 >= _from)
        {
            if (_t.Kind(i - 1) == TokenKind.Symbol && UnitLexicon.TrySymbol(_t.Word(i - 1), out _)) return false;
            if (_t.Word(i - 1) is "No" or "No." or "#" or "number") return false;
            if (i - 1 > _from && _t.IsWord(i - 1) && _t.StartsUpper(i - 1) && Month(_t.Word(i - 1)) == 0) return false;
        }
        if (year < 1800 && !(i - 1 >= _from && _t.IsAny(i - 1, ["in", "since", "from", "until", "by", "of", "between", "and", "to", "before", "after", "around", "circa", "c."])))
            return false;
        c = YearOf(i, i + 1, year, relative: false);
        return true;
    }

    /// <summary>"1990s", "'90s": a decade (TIMEX3 "199").</summary>
    private bool TryDecade(int i, out Candidate c)
    {
        c = default;
        if (!DecadeAt(i, out int decadeYear)) return false;
        c = new Candidate(i, i + 1, Timex.Decade(decadeYear), "decade");
        return true;
    }

    private bool DecadeAt(int i, out int year)
    {
        year = 0;
        if (i >= _to || !_t.IsNumber(i)) return false;
        var w = _t.Word(i);
        if (w.Length == 5 && w[4] == 's' && int.TryParse(w[..4], out year) && year % 10 == 0 && year is >= 1000 and <= 2190) return true;
        if (w.Length == 3 && w[2] == 's' && i - 1 >= _from && (_t.IsChar(i - 1, '\'') || _t.IsChar(i - 1, '’')) && int.TryParse(w[..2], out int two) && two % 10 == 0)
        {
            year = two <= _anchor.Year % 100 ? 2000 + two : 1900 + two;
            return true;
        }
        return false;
    }

    private bool TryQuarterCode(int i, out Candidate c)
    {
        c = default;
        var w = _t.Word(i);
        if (w.Length != 2 || (w[0] != 'Q' && w[0] != 'H') || !char.IsAsciiDigit(w[1])) return false;
        int n = w[1] - '0';
        bool half = w[0] == 'H';
        if (half ? n is < 1 or > 2 : n is < 1 or > 4) return false;
        int k = i + 1;
        if (IsWordAt(k, "of")) k++;
        if (YearAt(k, out int year))
        {
            c = new Candidate(i, k + 1, half ? Timex.Half(year, n) : Timex.Quarter(year, n), half ? "half" : "quarter");
            return true;
        }
        if (half) { c = new Candidate(i, i + 1, Timex.Half(_anchor.Year, n), "half") { Relative = true, Masked = $"XXXX-H{n}" }; return true; }
        int idx = ResolveCycle(Timex.QuarterIndex(_anchor), n - 1, TenseAt(i, i + 1));
        c = new Candidate(i, i + 1, Timex.Quarter(idx / 4, idx % 4 + 1), "quarter") { Relative = true, Masked = $"XXXX-Q{n}" };
        return true;
    }

    private bool TryHoliday(int i, out Candidate c)
    {
        c = default;
        foreach (var (words, date) in Holidays)
        {
            if (i + words.Length > _to) continue;
            bool match = true;
            for (int k = 0; k < words.Length && match; k++)
                match = _t.Word(i + k).Equals(words[k], StringComparison.Ordinal);
            if (!match) continue;
            int end = i + words.Length;
            if (YearAt(end, out int year))
            {
                var fixedDay = date(year);
                c = Day(i, end + 1, fixedDay, relative: false);
                return true;
            }
            // "Christmas shopping", "Easter eggs": the holiday as a season word, still a date; "May Day" needs its capital.
            var tense = TenseAt(i, end);
            DateOnly best = date(_anchor.Year);
            long bestDistance = long.MaxValue;
            for (int y = _anchor.Year - 1; y <= _anchor.Year + 1; y++)
            {
                var d = date(y);
                long delta = d.DayNumber - _anchor.DayNumber;
                if (tense == Tense.Past && delta > 0) continue;
                if (tense == Tense.Future && delta < 0) continue;
                long distance = Math.Abs(delta) * 2 + (delta > 0 ? 1 : 0);
                if (distance < bestDistance) { bestDistance = distance; best = d; }
            }
            // A fixed-date holiday keeps its month and day without an anchor; Easter and its kin do not.
            var a = date(2001);
            bool fixedDate = date(2002).Month == a.Month && date(2002).Day == a.Day;
            c = Day(i, end, best, relative: true, masked: fixedDate ? $"XXXX-{a.Month:D2}-{a.Day:D2}" : null);
            return true;
        }
        return false;
    }

    // ----- "the ..." -----

    /// <summary>Words that can follow "the" in a temporal expression; "the" before anything else is dismissed at once.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AfterThe = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        [
            "end", "start", "beginning", "middle", "close", "first", "second", "third", "fourth", "final", "last", "past", "next", "coming",
            "previous", "following", "same", "day", "weekend", "spring", "summer", "autumn", "fall", "winter", "early", "late", "mid", "near",
            "distant", "recent", "immediate", "future",
        ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private bool TryThe(int i, out Candidate c)
    {
        c = default;
        int k = i + 1;
        if (k >= _to || !(_t.IsNumber(k) || _t.IsWord(k) && AfterThe.Contains(_t.Word(k)))) return false;

        // the end / start / beginning / middle of X
        if (IsAnyAt(k, ["end", "start", "beginning", "middle", "close"]) && IsWordAt(k + 1, "of"))
        {
            string mod = _t.Is(k, "end") || _t.Is(k, "close") ? "END" : _t.Is(k, "middle") ? "MID" : "START";
            if (TryPeriodAfterOf(k + 2, out var inner))
            {
                c = inner with { First = i, Mod = mod };
                return true;
            }
            return false;
        }
        // the first / second half of X
        if (IsAnyAt(k, ["first", "second"]) && IsWordAt(k + 1, "half") && IsWordAt(k + 2, "of") && TryYearAfterOf(k + 3, out int hy, out int hend, out bool hrel))
        {
            c = new Candidate(i, hend, Timex.Half(hy, _t.Is(k, "first") ? 1 : 2), "half") { Relative = hrel, Masked = $"XXXX-H{(_t.Is(k, "first") ? 1 : 2)}" };
            return true;
        }
        // the first / final three months of X
        if (IsAnyAt(k, ["first", "final", "last"]) && IsAnyAt(k + 1, ["three", "3"]) && IsWordAt(k + 2, "months") && IsWordAt(k + 3, "of")
            && TryYearAfterOf(k + 4, out int my, out int mend, out bool mrel))
        {
            int q = _t.Is(k, "first") ? 1 : 4;
            c = new Candidate(i, mend, Timex.Quarter(my, q), "quarter") { Relative = mrel, Masked = $"XXXX-Q{q}" };
            return true;
        }
        // the first / second / third / fourth / final / last quarter [of X]
        int ordinal = Ordinal(k);
        if (ordinal > 0 && IsWordAt(k + 1, "quarter"))
        {
            if (IsWordAt(k + 2, "of") && TryYearAfterOf(k + 3, out int qy, out int qend, out bool qrel))
            {
                int q = ordinal == 99 ? 4 : ordinal;
                if (q > 4) return false;
                c = new Candidate(i, qend, Timex.Quarter(qy, q), "quarter") { Relative = qrel, Masked = $"XXXX-Q{q}" };
                return true;
            }
            int anchorQuarter = Timex.QuarterIndex(_anchor);
            int idx;
            if (_t.Is(k, "last")) idx = anchorQuarter - 1;
            else
            {
                int q = ordinal == 99 ? 4 : ordinal;
                if (q > 4) return false;
                idx = ResolveCycle(anchorQuarter, q - 1, TenseAt(i, k + 2));
            }
            c = new Candidate(i, k + 2, Timex.Quarter(idx / 4, idx % 4 + 1), "quarter") { Relative = true };
            return true;
        }
        // the first week of January
        if (IsWordAt(k, "first") && IsWordAt(k + 1, "week") && IsWordAt(k + 2, "of") && MonthAt(k + 3, out _) is > 0 and var wm)
        {
            int end = k + 4;
            int year;
            bool relative = true;
            if (YearAt(end, out year)) { end++; relative = false; }
            else year = ResolveYear(wm, 0, TenseAt(i, end));
            c = new Candidate(i, end, Timex.Week(new DateOnly(year, wm, 4)), "week") { Relative = relative };
            return true;
        }
        // the past / last / next / coming / first [N] units: a duration. "the previous day", "the previous
        // week" and "the next day" are dates, read from the last date in the text below.
        if (IsAnyAt(k, ["past", "last", "next", "coming", "previous", "first", "final"]) && TryDurationCore(k + 1, out var duration, allowBareUnit: true))
        {
            var bareUnit = TimeUnit.Second;
            bool bare = k + 1 < _to && TryUnit(_t.Word(k + 1), out bareUnit, out _);
            // "the first day (of the ban)", "the final week": ordinals naming a day, not lasting one.
            bool isDate = bare && (_t.IsAny(k, ["previous", "first", "final"]) || (_t.Is(k, "next") && bareUnit == TimeUnit.Day));
            if (!isDate)
            {
                c = duration with { First = i };
                return true;
            }
        }
        // the following / next / previous day, morning, week ...; the same day: from the last date in the text
        if (IsAnyAt(k, ["following", "next", "previous", "same"]) && k + 1 < _to)
        {
            int step = _t.Is(k, "previous") ? -1 : _t.Is(k, "same") ? 0 : 1;
            if (TryWeekday(_t.Word(k + 1), false, out var wd) && step != 0)
            {
                int delta = step < 0 ? -((((int)_reference.DayOfWeek - (int)wd + 7) % 7) is 0 ? 7 : ((int)_reference.DayOfWeek - (int)wd + 7) % 7)
                                     : ((((int)wd - (int)_reference.DayOfWeek + 7) % 7) is 0 ? 7 : ((int)wd - (int)_reference.DayOfWeek + 7) % 7);
                c = WeekdayCandidate(i, k + 2, _reference.AddDays(delta), wd, null);
                return true;
            }
            var part = PartOfDay(_t.Word(k + 1));
            if (part != null || _t.Is(k + 1, "day"))
            {
                var d = _reference.AddDays(step);
                c = part != null
                    ? new Candidate(i, k + 2, $"{Timex.Day(d)}T{part}", "time") { Day = d, Relative = true }
                    : Day(i, k + 2, d, relative: true);
                return true;
            }
            if (step != 0 && IsAnyAt(k + 1, ["week", "month", "year"]) && !_t.Is(k, "next"))
            {
                c = _t.Is(k + 1, "week") ? new Candidate(i, k + 2, Timex.Week(_reference.AddDays(7 * step)), "week") { Relative = true }
                  : _t.Is(k + 1, "month") ? MonthOf(i, k + 2, _reference.AddMonths(step).Year, _reference.AddMonths(step).Month, true, monthWritten: false)
                  : YearOf(i, k + 2, _reference.Year + step, true);
                return true;
            }
        }
        // the day before yesterday / after tomorrow
        if (IsWordAt(k, "day") && IsAnyAt(k + 1, ["before", "after"]) && IsAnyAt(k + 2, ["yesterday", "tomorrow"]))
        {
            c = Day(i, k + 3, _anchor.AddDays(_t.Is(k + 2, "yesterday") ? -2 : 2), relative: true);
            return true;
        }
        // the weekend
        if (IsWordAt(k, "weekend"))
        {
            var saturday = WeekendSaturday(TenseAt(i, k + 1));
            c = new Candidate(i, k + 1, Timex.Week(saturday) + "-WE", "week") { Relative = true, Masked = "XXXX-WXX-WE" };
            return true;
        }
        // the summer [of 2021], the spring
        if (Season(_t.Word(k)) is { } season)
        {
            if (IsWordAt(k + 1, "of") && YearAt(k + 2, out int sy)) { c = new Candidate(i, k + 3, Timex.Season(sy * 4 + Timex.SeasonOffset(season)), "season"); return true; }
            if (_t.Is(k, "fall") && !IsWordAt(k + 1, "of")) return false; // "the fall of Kabul"
            if (FollowedByNoun(k + 1)) return false;                     // "the spring statement", "the summer Olympics"
            int idx = ResolveCycle(Timex.SeasonIndex(_anchor), Timex.SeasonOffset(season), TenseAt(i, k + 1));
            c = new Candidate(i, k + 1, Timex.Season(idx), "season") { Relative = true, Masked = "XXXX-" + season };
            return true;
        }
        // the 1990s, the early 1990s, the 19th century
        int dk = k;
        string? dmod = null;
        if (IsAnyAt(dk, ["early", "late", "mid"])) { dmod = _t.Is(dk, "early") ? "START" : _t.Is(dk, "late") ? "END" : "MID"; dk++; }
        if (DecadeAt(dk, out int decadeYear))
        {
            c = new Candidate(i, dk + 1, Timex.Decade(decadeYear), "decade") { Mod = dmod };
            return true;
        }
        if (DayNumberAt(dk, out int centuryOrdinal) && _t.Word(dk).Length > 2 && IsWordAt(dk + 1, "century"))
        {
            c = new Candidate(i, dk + 2, (centuryOrdinal - 1).ToString("D2"), "century") { Mod = dmod };
            return true;
        }
        // the 3rd of March [2023]
        if (TryDayMonth(k, out var ofDate) && IsWordAt(k + 1, "of"))
        {
            c = ofDate with { First = i };
            return true;
        }
        // the future, the near future, the past, the recent past
        int rk = IsAnyAt(k, ["near", "distant", "recent", "immediate"]) ? k + 1 : k;
        if (IsWordAt(rk, "future")) { c = new Candidate(i, rk + 1, "FUTURE_REF", "reference"); return true; }
        if (IsWordAt(rk, "past") && !(rk + 1 < _to && (_t.IsNumber(rk + 1) || _t.IsWord(rk + 1) && !AmountExtractor.IsFunctionWord(_t.Word(rk + 1)))))
        {
            c = new Candidate(i, rk + 1, "PAST_REF", "reference");
            return true;
        }
        return false;
    }

    /// <summary>1-4 for first..fourth, 99 for final/last.</summary>
    private int Ordinal(int k)
    {
        if (k >= _to) return 0;
        if (_t.Is(k, "first")) return 1;
        if (_t.Is(k, "second")) return 2;
        if (_t.Is(k, "third")) return 3;
        if (_t.Is(k, "fourth")) return 4;
        if (_t.IsAny(k, ["final", "last"])) return 99;
        return 0;
    }

    /// <summary>After "of": a year ("2024"), "the year", "this year", "next year", "last year".</summary>
    private bool TryYearAfterOf(int k, out int year, out int end, out bool relative)
    {
        end = k;
        relative = true;
        if (YearAt(k, out year)) { end = k + 1; relative = false; return true; }
        if (IsAnyAt(k, ["the", "this"]) && IsWordAt(k + 1, "year")) { year = _anchor.Year; end = k + 2; return true; }
        if (IsWordAt(k, "next") && IsWordAt(k + 1, "year")) { year = _anchor.Year + 1; end = k + 2; return true; }
        if (IsWordAt(k, "last") && IsWordAt(k + 1, "year")) { year = _anchor.Year - 1; end = k + 2; return true; }
        year = 0;
        return false;
    }

    /// <summary>What "the end of" qualifies: June, 2023, the year, the month, next week, the century ...</summary>
    private bool TryPeriodAfterOf(int k, out Candidate c)
    {
        c = default;
        if (k >= _to) return false;
        if (IsAnyAt(k, ["the", "this"]) && k + 1 < _to)
        {
            int end = k + 2;
            if (_t.Is(k + 1, "year")) { c = YearOf(k, end, _anchor.Year, true); return true; }
            if (_t.Is(k + 1, "month")) { c = MonthOf(k, end, _anchor.Year, _anchor.Month, true, monthWritten: false); return true; }
            if (_t.Is(k + 1, "week")) { c = new Candidate(k, end, Timex.Week(_anchor), "week") { Relative = true }; return true; }
            if (_t.Is(k + 1, "decade")) { c = new Candidate(k, end, Timex.Decade(_anchor.Year), "decade") { Relative = true }; return true; }
            if (_t.Is(k + 1, "century")) { c = new Candidate(k, end, Timex.Century(_anchor.Year), "century") { Relative = true }; return true; }
            if (_t.Is(k + 1, "day")) { c = Day(k, end, _anchor, relative: true); return true; }
        }
        if (TryRelative(k, out c)) return true;
        if (YearAt(k, out int year)) { c = YearOf(k, k + 1, year, false); return true; }
        int month = MonthAt(k, out bool abbreviated);
        if (month > 0 && !abbreviated)
        {
            if (TryMonthPhrase(k, out c) && c.Granularity == "month") return true;
            c = BareMonth(k, k + 1, k, month, null);
            return true;
        }
        return false;
    }

    private bool FollowedByNoun(int k) =>
        k < _to && _t.IsWord(k) && !AmountExtractor.IsFunctionWord(_t.Word(k)) && !_t.IsAny(k, ["when", "as", "with", "because", "months", "season"])
        && (_t.StartsUpper(k) || !_t.Word(k).EndsWith("ly", StringComparison.Ordinal));

    // ----- last / next / this ... -----

    private bool TryRelative(int i, out Candidate c)
    {
        c = default;
        // "the past week", "the coming weeks" are durations, read by TryThe.
        if (!_t.IsAny(i, ["last", "next", "this"]) || i + 1 >= _to) return false;
        int step = _t.Is(i, "last") ? -1 : _t.Is(i, "this") ? 0 : 1;
        int k = i + 1;
        var w = _t.Word(k);
        // last Friday, next Monday, this Tuesday
        if (TryWeekday(w, false, out var wd))
        {
            int back = ((int)_anchor.DayOfWeek - (int)wd + 7) % 7;
            int ahead = ((int)wd - (int)_anchor.DayOfWeek + 7) % 7;
            var d = step < 0 ? _anchor.AddDays(-(back == 0 ? 7 : back))
                  : step > 0 ? _anchor.AddDays(ahead == 0 ? 7 : ahead)
                  : Timex.StartOfIsoWeek(_anchor).AddDays(((int)wd + 6) % 7);
            int end = k + 1;
            string? part = end < _to && _t.IsWord(end) ? PartOfDay(_t.Word(end)) : null;
            if (part != null) end++;
            c = WeekdayCandidate(i, end, d, wd, part);
            return true;
        }
        // last March, next May, this June
        int month = MonthAt(k, out bool abbreviated);
        if (month > 0 && !abbreviated)
        {
            int year = step < 0 ? (month < _anchor.Month ? _anchor.Year : _anchor.Year - 1)
                     : step > 0 ? (month > _anchor.Month ? _anchor.Year : _anchor.Year + 1)
                     : _anchor.Year;
            c = MonthOf(i, k + 1, year, month, true);
            return true;
        }
        // last summer, next spring, this winter
        if (Season(w) is { } season && !(w.Equals("fall", StringComparison.OrdinalIgnoreCase) && step == 0) && !FollowedByNoun(k + 1))
        {
            int anchorIdx = Timex.SeasonIndex(_anchor);
            int offset = Timex.SeasonOffset(season);
            int idx = ResolveCycle(anchorIdx, offset, Tense.None);
            if (step < 0) { idx = ResolveCycle(anchorIdx, offset, Tense.Past); if (idx == anchorIdx) idx -= 4; }
            else if (step > 0) { idx = ResolveCycle(anchorIdx, offset, Tense.Future); if (idx == anchorIdx) idx += 4; }
            c = new Candidate(i, k + 1, Timex.Season(idx), "season") { Relative = true, Masked = "XXXX-" + season };
            return true;
        }
        // last night, this morning / afternoon / evening
        var part2 = PartOfDay(w);
        if (part2 != null && (step < 0 ? part2 == "NI" : step == 0))
        {
            var d = _anchor.AddDays(step < 0 ? -1 : 0);
            c = new Candidate(i, k + 1, $"{Timex.Day(d)}T{part2}", "time") { Day = d, Relative = true };
            return true;
        }
        // last week, next month, this year, this weekend, last quarter, next decade
        if (!TryUnit(w, out var unit, out bool plural) || plural) return false;
        c = Period(i, k + 1, unit, step);
        return c.Value != null;
    }

    /// <summary>The calendar period <paramref name="step"/> units from the anchor's ("last week", "next year", "this weekend").</summary>
    private Candidate Period(int first, int end, TimeUnit unit, int step, string? mod = null)
    {
        switch (unit)
        {
            case TimeUnit.Day:
                return Day(first, end, _anchor.AddDays(step), relative: true, mod);
            case TimeUnit.Week:
                return new Candidate(first, end, Timex.Week(_anchor.AddDays(7 * step)), "week") { Relative = true, Mod = mod };
            case TimeUnit.Weekend:
            {
                var saturday = Timex.StartOfIsoWeek(_anchor).AddDays(5 + 7 * step);
                return new Candidate(first, end, Timex.Week(saturday) + "-WE", "week") { Relative = true, Mod = mod, Masked = "XXXX-WXX-WE" };
            }
            case TimeUnit.Month:
            {
                var m = _anchor.AddMonths(step);
                return new Candidate(first, end, Timex.Month(m.Year, m.Month), "month") { Relative = true, Mod = mod };
            }
            case TimeUnit.Quarter:
            {
                int idx = Timex.QuarterIndex(_anchor) + step;
                return new Candidate(first, end, Timex.Quarter(idx / 4, idx % 4 + 1), "quarter") { Relative = true, Mod = mod };
            }
            case TimeUnit.Year:
                return YearOf(first, end, _anchor.Year + step, true, mod);
            case TimeUnit.Decade:
                return new Candidate(first, end, Timex.Decade(_anchor.Year + 10 * step), "decade") { Relative = true, Mod = mod };
            case TimeUnit.Century:
                return new Candidate(first, end, Timex.Century(_anchor.Year + 100 * step), "century") { Relative = true, Mod = mod };
            default:
                return default;
        }
    }

    /// <summary>"early 2020", "late December", "mid-2022", "mid-August", "earlier this month", "later today", "early next year".</summary>
    private bool TryModified(int i, out Candidate c)
    {
        c = default;
        var w = _t.Word(i);
        // mid-2021, mid-August, mid-1990s: one token
        if (w.Length > 4 && (w[0] | 0x20) == 'm' && w[3] == '-' && w.StartsWith("mid-", StringComparison.OrdinalIgnoreCase))
        {
            var rest = w[4..];
            if (rest.Length == 4 && int.TryParse(rest, out int y) && y is >= 1000 and <= 2199) { c = YearOf(i, i + 1, y, false, "MID"); return true; }
            if (rest.Length == 5 && rest[4] == 's' && int.TryParse(rest[..4], out int dy) && dy % 10 == 0) { c = new Candidate(i, i + 1, Timex.Decade(dy), "decade") { Mod = "MID" }; return true; }
            int month = Month(rest);
            if (month > 0)
            {
                if (YearAt(i + 1, out int my)) { c = MonthOf(i, i + 2, my, month, false, "MID"); return true; }
                c = BareMonth(i, i + 1, i, month, "MID");
                return true;
            }
            return false;
        }
        if (_t.IsAny(i, ["early", "late", "mid"]) && i + 1 < _to)
        {
            string mod = _t.Is(i, "early") ? "START" : _t.Is(i, "late") ? "END" : "MID";
            int k = i + 1;
            if (YearAt(k, out int y)) { c = YearOf(i, k + 1, y, false, mod); return true; }
            if (DecadeAt(k, out int dy)) { c = new Candidate(i, k + 1, Timex.Decade(dy), "decade") { Mod = mod }; return true; }
            int month = MonthAt(k, out bool abbreviated);
            if (month > 0 && !abbreviated)
            {
                if (YearAt(k + 1, out int my)) { c = MonthOf(i, k + 2, my, month, false, mod); return true; }
                c = BareMonth(i, k + 1, k, month, mod);
                return true;
            }
            if (IsAnyAt(k, ["next", "last", "this"]) && k + 1 < _to && TryUnit(_t.Word(k + 1), out var unit, out bool plural) && !plural)
            {
                c = Period(i, k + 2, unit, _t.Is(k, "next") ? 1 : _t.Is(k, "last") ? -1 : 0, mod);
                return c.Value != null;
            }
            if (Season(_t.Word(k)) is { } season && !_t.Is(k, "fall"))
            {
                if (YearAt(k + 1, out int sy)) { c = new Candidate(i, k + 2, Timex.Season(sy * 4 + Timex.SeasonOffset(season)), "season") { Mod = mod }; return true; }
                int idx = ResolveCycle(Timex.SeasonIndex(_anchor), Timex.SeasonOffset(season), TenseAt(i, k + 1));
                c = new Candidate(i, k + 1, Timex.Season(idx), "season") { Relative = true, Mod = mod };
                return true;
            }
            return false;
        }
        if (_t.IsAny(i, ["earlier", "later"]) && i + 1 < _to)
        {
            int k = i + 1;
            string mod = _t.Is(i, "earlier") ? "START" : "END";
            if (IsWordAt(k, "today")) { c = Day(i, k + 1, _anchor, relative: true); return true; }
            if (IsWordAt(k, "this") && k + 1 < _to && TryUnit(_t.Word(k + 1), out var unit, out bool plural) && !plural)
            {
                c = Period(i, k + 2, unit, 0);
                return c.Value != null;
            }
        }
        return false;
    }

    // ----- today, yesterday ... -----

    private bool TryRelativeDay(int i, out Candidate c)
    {
        c = default;
        var w = _t.Word(i);
        int offset;
        string? part = null;
        if (w.Equals("today", StringComparison.OrdinalIgnoreCase)) offset = 0;
        else if (w.Equals("yesterday", StringComparison.OrdinalIgnoreCase)) offset = -1;
        else if (w.Equals("tomorrow", StringComparison.OrdinalIgnoreCase)) offset = 1;
        else if (w.Equals("tonight", StringComparison.OrdinalIgnoreCase)) { offset = 0; part = "NI"; }
        else return false;
        // "Today" in the middle of a sentence is the radio programme, not the day.
        if (char.IsUpper(w[0]) && i > _from && !_t.IsChar(i - 1, '"') && !_t.IsChar(i - 1, '“')) return false;
        int end = i + 1;
        if (part == null && end < _to && _t.IsWord(end) && PartOfDay(_t.Word(end)) is { } p && !_t.Is(end, "overnight")) { part = p; end++; }
        var d = _anchor.AddDays(offset);
        c = part != null
            ? new Candidate(i, end, $"{Timex.Day(d)}T{part}", "time") { Day = d, Relative = true }
            : Day(i, end, d, relative: true);
        return true;
    }

    /// <summary>"that night", "that day", "that week": the last date the text mentioned.</summary>
    private bool TryThat(int i, out Candidate c)
    {
        c = default;
        if (!_t.Is(i, "that") || i + 1 >= _to) return false;
        var w = _t.Word(i + 1);
        var part = PartOfDay(w);
        if (part != null && part != "NI" || w.Equals("night", StringComparison.OrdinalIgnoreCase))
        {
            part ??= "NI";
            c = new Candidate(i, i + 2, $"{Timex.Day(_reference)}T{part}", "time") { Day = _reference, Relative = true };
            return true;
        }
        if (w.Equals("day", StringComparison.OrdinalIgnoreCase)) { c = Day(i, i + 2, _reference, relative: true); return true; }
        if (w.Equals("week", StringComparison.OrdinalIgnoreCase)) { c = new Candidate(i, i + 2, Timex.Week(_reference), "week") { Relative = true }; return true; }
        if (w.Equals("year", StringComparison.OrdinalIgnoreCase)) { c = YearOf(i, i + 2, _reference.Year, true); return true; }
        return false;
    }

    /// <summary>"now", "currently" (PRESENT_REF); "recently", "in recent days" (PAST_REF).</summary>
    private bool TryReference(int i, out Candidate c)
    {
        c = default;
        var w = _t.Word(i);
        if (w.Equals("now", StringComparison.OrdinalIgnoreCase) || w.Equals("currently", StringComparison.OrdinalIgnoreCase)
            || w.Equals("nowadays", StringComparison.OrdinalIgnoreCase))
        {
            c = new Candidate(i, i + 1, "PRESENT_REF", "reference");
            return true;
        }
        if (w.Equals("present", StringComparison.OrdinalIgnoreCase) && i - 1 >= _from && _t.Is(i - 1, "at"))
        {
            c = new Candidate(i, i + 1, "PRESENT_REF", "reference");
            return true;
        }
        if (w.Equals("these", StringComparison.OrdinalIgnoreCase) && IsWordAt(i + 1, "days"))
        {
            c = new Candidate(i, i + 2, "PRESENT_REF", "reference");
            return true;
        }
        if (w.Equals("recently", StringComparison.OrdinalIgnoreCase) || w.Equals("lately", StringComparison.OrdinalIgnoreCase))
        {
            c = new Candidate(i, i + 1, "PAST_REF", "reference");
            return true;
        }
        if (w.Equals("recent", StringComparison.OrdinalIgnoreCase) && IsAnyAt(i + 1, ["days", "weeks", "months", "years", "decades"]))
        {
            c = new Candidate(i, i + 2, "PAST_REF", "reference");
            return true;
        }
        return false;
    }

    /// <summary>"every three years" (P3Y), "every evening" (XXXX-XX-XXTEV), "each week" (P1W), "every Monday".</summary>
    private bool TrySet(int i, out Candidate c)
    {
        c = default;
        if (!_t.IsAny(i, ["every", "each"]) || i + 1 >= _to) return false;
        int k = i + 1;
        double n = 1;
        if (IsWordAt(k, "other")) { n = 2; k++; }
        if (k < _to && NumeralReader.TryRead(_t, k, _to, out var num) && num.Shape == NumeralShape.Plain) { n = num.Value; k = num.End; }
        if (k >= _to || !_t.IsWord(k)) return false;
        var w = _t.Word(k);
        if (TryUnit(w, out var unit, out _) && unit != TimeUnit.Weekend)
        {
            c = new Candidate(i, k + 1, Timex.Duration(n, unit), "set");
            return true;
        }
        if (PartOfDay(w) is { } part && !w.Equals("overnight", StringComparison.OrdinalIgnoreCase))
        {
            c = new Candidate(i, k + 1, $"XXXX-XX-XXT{part}", "set");
            return true;
        }
        if (TryWeekday(w, false, out var wd))
        {
            c = new Candidate(i, k + 1, $"XXXX-WXX-{(wd == DayOfWeek.Sunday ? 7 : (int)wd)}", "set");
            return true;
        }
        return false;
    }

    // ----- clock times -----

    private static readonly string[] Zones =
    ["GMT", "BST", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT", "MSK", "EAT", "WAT", "CAT", "HKT", "SGT"];

    /// <summary>"13:25", "11pm", "3.55pm EST", "about 6pm", "9 a.m.": a time of day whose day comes from its neighbours.</summary>
    private bool TryClock(int i, out Candidate c)
    {
        c = default;
        int k = i;
        string? mod = null;
        if (_t.IsAny(k, ["about", "around", "approximately"])) { mod = "APPROX"; k++; }
        if (k >= _to || !_t.IsNumber(k)) return false;
        var w = _t.Word(k);
        int hour, minute = 0;
        int end = k + 1;
        int letters = w.Length;
        while (letters > 0 && char.IsLetter(w[letters - 1])) letters--;
        var digits = w[..letters];
        var suffix = w[letters..];
        bool meridiem = suffix.Equals("am", StringComparison.OrdinalIgnoreCase) || suffix.Equals("pm", StringComparison.OrdinalIgnoreCase);
        bool pm = suffix.Equals("pm", StringComparison.OrdinalIgnoreCase);
        if (!meridiem && suffix.IsEmpty && end < _to && _t.IsAny(end, ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]))
        {
            meridiem = true;
            pm = _t.Word(end)[0] is 'p' or 'P';
            end++;
        }
        else if (!suffix.IsEmpty && !meridiem) return false;
        int sep = digits.IndexOfAny(':', '.');
        // "1200 GMT", "0930 BST": four figures with a time zone are a 24-hour clock.
        if (sep < 0 && !meridiem && suffix.IsEmpty && digits.Length == 4 && end < _to && _t.IsAny(end, Zones)
            && int.TryParse(digits[..2], out int hh) && int.TryParse(digits[2..], out int mm) && hh < 24 && mm < 60)
        {
            c = ClockAt(i, end + 1, hh, mm, mod);
            return true;
        }
        if (sep > 0)
        {
            if (!int.TryParse(digits[..sep], out hour) || !int.TryParse(digits[(sep + 1)..], out minute) || digits.Length - sep - 1 != 2) return false;
            // "4.2" is a number; a stop in a time needs am/pm ("3.55pm"); a colon needs nothing ("13:25").
            if (digits[sep] == '.' && !meridiem) return false;
        }
        else
        {
            if (!meridiem || !int.TryParse(digits, out hour)) return false;
        }
        if (meridiem)
        {
            if (hour is < 1 or > 12) return false;
            if (hour == 12) hour = pm ? 12 : 0;
            else if (pm) hour += 12;
        }
        if (hour > 23 || minute > 59) return false;
        // A zone that ends the sentence carries its full stop in the token ("EST."); the span stops before it.
        if (end < _to && _t.IsAny(end, Zones)) end++;
        c = ClockAt(i, end, hour, minute, mod);
        return true;
    }

    /// <summary>"noon", "midday", "midnight", optionally with "today", "tomorrow", "yesterday".</summary>
    private bool TryClockWord(int i, out Candidate c)
    {
        c = default;
        int hour;
        if (_t.IsAny(i, ["noon", "midday"])) hour = 12;
        else if (_t.Is(i, "midnight")) hour = 0;
        else return false;
        c = ClockAt(i, i + 1, hour, 0, null);
        return true;
    }

    private Candidate ClockAt(int first, int end, int hour, int minute, string? mod)
    {
        // A day word glued on: "noon today", "6pm yesterday", "midnight tomorrow".
        if (end < _to && _t.IsAny(end, ["today", "tonight", "yesterday", "tomorrow"]))
        {
            int offset = _t.Is(end, "yesterday") ? -1 : _t.Is(end, "tomorrow") ? 1 : 0;
            var d = _anchor.AddDays(offset);
            return new Candidate(first, end + 1, "", "time") { IsClock = true, DayGiven = true, Day = d, Hour = hour, Minute = minute, Mod = mod, Relative = true };
        }
        return new Candidate(first, end, "", "time") { IsClock = true, Hour = hour, Minute = minute, Mod = mod };
    }

    // ----- durations and "ago" -----

    /// <summary>"six weeks", "about ten minutes", "more than 24 hours", "a decade", "two weeks ago", "several days".</summary>
    private bool TryDurationOrAgo(int i, out Candidate c)
    {
        c = default;
        // "a" and "an" lead to a duration only before a unit ("a decade"), "few" or "half": decided at once.
        if (_t.IsWord(i) && _t[i].Length <= 2 && (_t.Is(i, "a") || _t.Is(i, "an"))
            && !(i + 1 < _to && _t.IsWord(i + 1) && (TryUnit(_t.Word(i + 1), out _, out _) || _t.Is(i + 1, "few"))))
            return false;
        int k = i;
        string? mod = null;
        if (IsWordAt(k, "more") && IsWordAt(k + 1, "than")) { mod = "MORE_THAN"; k += 2; }
        else if (IsAnyAt(k, ["less", "fewer"]) && IsWordAt(k + 1, "than")) { mod = "LESS_THAN"; k += 2; }
        else if (IsAnyAt(k, ["about", "around", "approximately", "roughly", "some"])) { mod = "APPROX"; k++; }
        else if (IsAnyAt(k, ["nearly", "almost"])) { mod = "LESS_THAN"; k++; }
        if (!TryDurationCore(k, out var duration, allowBareUnit: false)) return false;
        // "a day" after a number is a rate ("2.1 million barrels a day", "$82 a week earlier"), not a duration.
        if (_t.IsAny(k, ["a", "an"]) && IsRateContext(k)) return false;
        if (IsWordAt(duration.End, "ago"))
        {
            c = Ago(i, duration.End + 1, k);
            return c.Value != null;
        }
        if (IsAnyAt(duration.End, ["old"])) return false;
        c = duration with { First = i, Mod = mod ?? duration.Mod };
        return true;
    }

    private bool IsRateContext(int k)
    {
        int p = k - 1;
        if (p < _from) return false;
        if (_t.IsNumber(p) || _t.IsChar(p, '%')) return true;
        if (!_t.IsWord(p)) return false;
        var w = _t.Word(p);
        if (_t.IsAny(p, ["once", "twice", "thrice", "times", "per"])) return true;
        return _t.StartsLower(p) && (UnitLexicon.TryMeasure(w, out var m) && m.Kind != UnitKind.Time || UnitLexicon.TryCurrencyWord(w, out _)
                                     || UnitLexicon.TryCountNoun(w, allowUnlisted: true, out _));
    }

    /// <summary>The number-and-unit core of a duration: "three days", "a fortnight", "several weeks", "two more weeks", "18.5 hours".</summary>
    private bool TryDurationCore(int k, out Candidate c, bool allowBareUnit)
    {
        c = default;
        if (k >= _to) return false;
        double? n;
        int u;
        if (_t.Is(k, "a") && IsWordAt(k + 1, "few")) { n = null; u = k + 2; }
        else if (_t.IsAny(k, ["a", "an"])) { n = 1; u = k + 1; }
        else if (_t.Is(k, "several") || _t.Is(k, "many") || _t.Is(k, "few")) { n = null; u = k + 1; }
        else if (_t.Is(k, "half") && IsAnyAt(k + 1, ["a", "an"])) { n = 0.5; u = k + 2; }
        else if (UnitFollows(k) && NumeralReader.TryRead(_t, k, _to, out var num) && num.Shape == NumeralShape.Plain && !num.HasSuffix && num.Value > 0)
        {
            // "11-year", "24-hour": adjectives ("an 11-year cycle"), not durations.
            if (_t.TouchesNext(num.End - 1) && _t.IsChar(num.End, '-')) return false;
            if (num.IsBareFourDigits) return false;
            n = num.Value;
            u = num.End;
        }
        else if (allowBareUnit) { n = 1; u = k; }
        else return false;
        if (IsAnyAt(u, ["more", "extra", "further", "additional", "straight", "consecutive", "full", "long"])) u++;
        if (u >= _to || !_t.IsWord(u) || !TryUnit(_t.Word(u), out var unit, out bool plural)) return false;
        if (unit == TimeUnit.Weekend) return false;
        if (unit == TimeUnit.Second && !plural) return false; // "for a second time": the ordinal, not a second of time
        // "nearly a quarter of", "three quarters of": fractions; "two consecutive quarters" is a duration.
        if (unit == TimeUnit.Quarter && (n is null or < 2 || IsWordAt(u + 1, "of"))) return false;
        if (n is null && !plural) return false;
        if (allowBareUnit && u == k && plural) n = null; // "the past weeks"
        if (n is { } v && v != 1 && !plural && !(v == 0.5)) return false;
        if (n == 0.5 && unit == TimeUnit.Hour) { c = new Candidate(k, u + 1, "PT30M", "duration"); return true; }
        c = new Candidate(k, u + 1, Timex.Duration(n, unit), "duration");
        return true;
    }

    /// <summary>A cheap look-ahead before reading a number: a unit of time one or two words on ("six weeks", "two more weeks", "two hundred years").</summary>
    private bool UnitFollows(int k)
    {
        for (int u = k + 1; u <= k + 3 && u < _to; u++)
            if (_t.IsWord(u) && TryUnit(_t.Word(u), out _, out _)) return true;
        return false;
    }

    /// <summary>"two weeks ago" (a week), "a year ago" (a year), "three days ago" (a day): the granularity of the unit.</summary>
    private Candidate Ago(int first, int end, int numberToken)
    {
        double n = 1;
        if (NumeralReader.TryRead(_t, numberToken, _to, out var num) && !_t.IsAny(numberToken, ["a", "an"])) n = num.Value;
        else if (_t.IsAny(numberToken, ["several", "few", "many"]) || (_t.Is(numberToken, "a") && IsWordAt(numberToken + 1, "few")))
            return new Candidate(first, end, "PAST_REF", "reference");
        int u = end - 2;
        if (!TryUnit(_t.Word(u), out var unit, out _)) return default;
        int count = (int)Math.Round(n);
        switch (unit)
        {
            case TimeUnit.Second:
            case TimeUnit.Minute:
            case TimeUnit.Hour:
                return Day(first, end, _anchor, relative: true);
            case TimeUnit.Day:
                return Day(first, end, _anchor.AddDays(-count), relative: true);
            case TimeUnit.Week:
            case TimeUnit.Fortnight:
                return new Candidate(first, end, Timex.Week(_anchor.AddDays(-7 * count * (unit == TimeUnit.Fortnight ? 2 : 1))), "week") { Relative = true };
            case TimeUnit.Month:
            {
                var m = _anchor.AddMonths(-count);
                return MonthOf(first, end, m.Year, m.Month, true, monthWritten: false);
            }
            case TimeUnit.Quarter:
            {
                int idx = Timex.QuarterIndex(_anchor) - count;
                return new Candidate(first, end, Timex.Quarter(idx / 4, idx % 4 + 1), "quarter") { Relative = true };
            }
            case TimeUnit.Year:
                return YearOf(first, end, _anchor.Year - count, true);
            case TimeUnit.Decade:
                return new Candidate(first, end, Timex.Decade(_anchor.Year - 10 * count), "decade") { Relative = true };
            case TimeUnit.Century:
                return new Candidate(first, end, Timex.Century(_anchor.Year - 100 * count), "century") { Relative = true };
            default:
                return default;
        }
    }

    /// <summary>"for weeks", "within days", "for years": a vague duration (PXW, PXD, PXY).</summary>
    private bool TryVagueDuration(int i, out Candidate c)
    {
        c = default;
        if (!TryUnit(_t.Word(i), out var unit, out bool plural) || !plural || unit == TimeUnit.Weekend) return false;
        if (i - 1 < _from || !_t.IsAny(i - 1, ["for", "within", "over", "in", "after", "took", "lasted", "spent"])) return false;
        if (IsAnyAt(i + 1, ["ago", "later", "earlier", "before", "after"])) return false;
        if (i + 1 < _to && _t.IsWord(i + 1) && _t.StartsLower(i + 1) && !AmountExtractor.IsFunctionWord(_t.Word(i + 1)) && !_t.IsAny(i + 1, ["that", "now"]))
            return false; // "in years past"? "for days running" are rare; "in days gone by" too
        c = new Candidate(i, i + 1, Timex.Duration(null, unit), "duration");
        return true;
    }
}
