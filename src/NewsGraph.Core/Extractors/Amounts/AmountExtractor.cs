using NewsGraph.Core.Documents;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Extractors.Amounts;

/// <summary>
/// Finds amounts in an article's tokens: a number with its qualifier, currency, scale, unit, the noun
/// it counts and a rate ("about 9 million barrels a day", "£1.6bn", "between 10 and 15 migrants").
/// Works sentence by sentence on token offsets. Years, dates, clock times, ordinals, ages, phone
/// numbers and numbers inside names ("Boeing 737", "Route 66") are not amounts.
/// </summary>
public static class AmountExtractor
{
    public static void Extract(ArticleTokens t, List<Amount> amounts)
    {
        for (int s = 0; s < t.SentenceCount; s++)
        {
            int from = t.SentenceStart(s), to = t.SentenceEnd(s);
            int i = from;
            while (i < to)
            {
                int next = i + 1;
                if (MayStart(t, i) && TryAmount(t, i, from, to, out var amount, out next)) amounts.Add(amount);
                i = Math.Max(next, i + 1);
            }
        }
    }

    private static bool MayStart(ArticleTokens t, int i) =>
        t.Kind(i) == TokenKind.Number || (t.Kind(i) == TokenKind.Word && NumeralReader.MayStartWords(t.Word(i)));

    private static bool TryAmount(ArticleTokens t, int i, int from, int to, out Amount amount, out int next)
    {
        amount = null!;
        next = i + 1;
        if (!NumeralReader.TryRead(t, i, to, out var num)) return false;
        next = num.End;
        if (num.Shape is not (NumeralShape.Plain or NumeralShape.Pair)) return false;

        int first = i, last = num.End;              // the amount's tokens: [first, last)
        double factor = 1;
        double? high = num.Shape == NumeralShape.Pair ? num.High : null;
        string? unit = null, per = null, obj = null, qualifier = null, currency = null;
        UnitKind? kind = null;
        int noun = -1;
        bool negative = false;

        // A currency written before the figure: "$", "US$", "£", "Rs", "USD".
        if (!num.IsWords && first > from)
        {
            if (t.Kind(first - 1) == TokenKind.Symbol && UnitLexicon.TrySymbol(t.Word(first - 1), out var code))
            {
                currency = code;
                first--;
                if (code == "USD" && first > from && t.TouchesNext(first - 1) && t.IsWord(first - 1) && UnitLexicon.TryDollarPrefix(t.Word(first - 1), out var prefixed))
                {
                    currency = prefixed;
                    first--;
                }
            }
            else if (t.IsWord(first - 1) && UnitLexicon.TryCodeBefore(t.Bare(first - 1), out var written))
            {
                currency = written;
                first--;
            }
        }

        // Letters glued to the figure: scales (2k, £1.6bn), pence (142.9p), units (15,300km, 40.3C).
        if (num.HasSuffix)
        {
            var suffix = t.Text.AsSpan(num.SuffixStart, num.SuffixLength);
            if (IsOrdinalDecadeOrClock(suffix)) return false;
            if (suffix is "k" or "K") factor = 1e3;
            else if (suffix is "bn" || (suffix is "b" && currency != null)) factor = 1e9;
            else if (suffix is "tn" or "trn" or "tr") factor = 1e12;
            else if (suffix is "mn" or "mln") factor = 1e6;
            else if (suffix is "m" && (currency != null || !IsPhysicalContext(t, num.End, to))) factor = 1e6; // UK copy: "70m euros", "5.45m viewers"
            else if (suffix is "p" && currency == null) { currency = "GBP"; factor = 0.01; }
            else if (suffix is "m") { unit = "metre"; kind = UnitKind.Measure; }                                 // "a 100m sprint", "40m tall"
            else if (UnitLexicon.TrySuffix(suffix, out var glued)) { unit = glued.Unit; kind = glued.Kind; }
            else return false; // "5G", "3D", "4x": names and codes, not quantities
        }

        if (IsPhoneOrCode(t, num, first, from, to, out int skipTo)) { next = skipTo; return false; }
        bool wholeFigure = !num.IsWords && !num.HasDecimal && !num.Scaled && currency == null && unit == null;
        if (wholeFigure && num.Value is >= 1 and <= 31 && (IsMonth(t, first - 1) || IsMonth(t, num.End) || (t.Is(num.End, "of") && IsMonth(t, num.End + 1))))
            return false; // "14 March", "March 3", "the 3 of May"
        if (first > from && (t.Word(first - 1) is "No" or "No." or "Nos" or "#" or "top" or "Top")) return false; // "No 10", "the top 10"
        if (IsAgeOrMultiplierOrClock(t, num, first, from, to)) return false;

        // "6.8-magnitude": a unit joined by a hyphen; "11-year", "three-day", "13-fold", "3-0" are not amounts.
        if (num.End + 1 < to && t.IsChar(num.End, '-') && t.TouchesNext(num.End - 1) && t.TouchesNext(num.End))
        {
            if (unit == null && UnitLexicon.TryMeasure(t.Word(num.End + 1), out var joined) && joined.Kind == UnitKind.Measure)
            {
                unit = joined.Unit;
                kind = joined.Kind;
                last = num.End + 2;
            }
            else return false;
        }
        // "a magnitude 7.8 quake"
        if (unit == null && currency == null && first > from && t.Is(first - 1, "magnitude"))
        {
            unit = "magnitude";
            kind = UnitKind.Measure;
            first--;
        }

        // Ranges: "between 10 and 15", "range from $50 to $250" ("rose from 2% to 3%" is a change, not a range).
        if (high == null && last == num.End)
        {
            bool between = first > from && t.Is(first - 1, "between") && t.Is(last, "and");
            bool ranging = first - 2 >= from && t.Is(first - 1, "from") && t.IsAny(first - 2, ["range", "ranges", "ranging", "ranged", "vary", "varies", "varying"])
                           && t.IsAny(last, ["to", "and"]);
            if (between || ranging)
            {
                int k = last + 1;
                if (currency != null && k < to && t.Kind(k) == TokenKind.Symbol && UnitLexicon.TrySymbol(t.Word(k), out _)) k++;
                if (NumeralReader.TryRead(t, k, to, out var upper) && upper.Shape == NumeralShape.Plain && upper.IsWords == num.IsWords
                    && (!upper.HasSuffix || t.Text.AsSpan(upper.SuffixStart, upper.SuffixLength).SequenceEqual(t.Text.AsSpan(num.SuffixStart, num.SuffixLength))))
                {
                    high = upper.Value;
                    last = upper.End;
                    if (between) first--;
                }
            }
        }

        // The unit, currency word or counted noun after the number.
        if (unit == null && currency == null && last < to)
        {
            var match = MatchUnitAfter(t, last, to, num.Scaled, num.Value);
            if (match.Relative) return false; // "two weeks ago", "five years old", "two years later"
            if (match.Entry is { } entry)
            {
                if (entry.Kind == UnitKind.Currency) { currency = entry.Unit; factor *= entry.Factor; }
                else { unit = entry.Unit; kind = entry.Kind; }
                noun = match.Noun;
                last = match.End;
            }
        }
        if (currency != null) { unit = currency; kind = UnitKind.Currency; }

        // A rate: "a day", "a barrel", "an hour", "per tonne".
        if (unit != null && MatchRate(t, last, to, out var rate, out int rateEnd))
        {
            per = rate;
            last = rateEnd;
        }
        // What a measure is of: "324 million barrels of oil", "40% of adults"; a rate may follow it.
        // What a measure is of is its object ("barrels of oil", "40% of adults"); a counted noun is its own object
        // ("2,000 new cases of the virus" counts cases).
        if (unit != null && kind != UnitKind.Time && noun < 0 && t.Is(last, "of") && ObjectOf(t, last + 1, to, out int head, out int ofEnd, out var phrase))
        {
            obj = phrase;
            if (per == null && MatchRate(t, ofEnd, to, out var laterRate, out _)) per = laterRate;
        }
        else if (noun >= 0) obj = t.Word(noun).ToString();

        // Not amounts after all: years, numbers in names, the pronoun "one", scores.
        // "in 2015", "between 2017 and 2020", "2005 sales": years; "2000 people" is a count.
        if (num.IsBareFourDigits && num.Value is >= 1000 and <= 2199 && (unit == null || (kind == UnitKind.Count && !UnitLexicon.TryCountNoun(t.Word(noun), allowUnlisted: false, out _))))
            return false;
        if (num.Shape == NumeralShape.Pair && unit == null) return false;
        if (unit == null && i - 1 >= from && t.IsAny(i - 1, ["last", "final", "top"])) return false; // "into the last 16", "the final eight"
        bool listedUnit = unit != null && (kind != UnitKind.Count || noun < 0 || UnitLexicon.TryCountNoun(t.Word(noun), allowUnlisted: false, out _));
        // "Boeing 737 Max", "Route 66", "Windows 11 was released": a capitalised word before a bare number names it,
        // unless that word only opens the sentence ("About 500", "Some 4,000").
        if (!listedUnit && currency == null && i - 1 >= from && t.IsWord(i - 1) && t.HasUpper(i - 1) && !IsMonth(t, i - 1)
            && (i - 1 > from || !IsLeadIn(t.Word(i - 1))))
            return false;
        if (num.IsWords && num.Value == 1 && num.End == i + 1 && (noun < 0 || t.Is(num.End, "of"))) return false;
        if (first > from && t.IsAny(first - 1, ["under", "over"]) && first - 2 >= from && UnitLexicon.IsPerson(t.Word(first - 2))) return false; // "children under five"

        // Sign and qualifier before the number.
        if (first > from && t.IsAny(first - 1, ["-", "−"]) && t.TouchesNext(first - 1) && (first - 1 == from || !t.TouchesNext(first - 2)))
        {
            negative = true;
            first--;
        }
        else if (first > from && t.Is(first - 1, "minus"))
        {
            negative = true;
            first--;
        }
        if (MatchQualifierBefore(t, first, from, out var q, out int qualifierStart))
        {
            qualifier = q;
            first = qualifierStart;
        }

        double value = Scale(negative ? -num.Value : num.Value, factor);
        amount = new Amount(t.SpanOf(first, last), value, unit)
        {
            Per = per,
            Object = obj,
            Qualifier = qualifier,
            High = high is { } h ? Scale(negative ? -h : h, factor) : null,
        };
        next = last;
        return true;
    }

    /// <summary>The written figure times its scale, in decimal so that 142.9p is 1.429, not 1.4290000000000003.</summary>
    private static double Scale(double figure, double factor)
    {
        if (factor == 1) return figure;
        try { return (double)((decimal)figure * (decimal)factor); }
        catch (OverflowException) { return figure * factor; }
    }

    private static bool IsOrdinalDecadeOrClock(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("s", StringComparison.Ordinal) || suffix.Equals("am", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("pm", StringComparison.OrdinalIgnoreCase);

    internal static bool IsMonth(ArticleTokens t, int i) =>
        t.IsWord(i) && t.StartsUpper(i) && NewsGraph.Core.Extractors.Dates.TemporalLexicon.Month(t.Word(i)) > 0;

    /// <summary>"0800 555 0199", "+44 20 7946": a leading zero, a plus sign, or runs of bare three-digit groups.</summary>
    private static bool IsPhoneOrCode(ArticleTokens t, in Numeral num, int first, int from, int to, out int skipTo)
    {
        skipTo = num.End;
        if (num.IsWords || num.HasDecimal || num.HasComma || num.Scaled) return false;
        bool leadingZero = num.LeadingZero;
        bool plus = first > from && t.IsChar(first - 1, '+') && t.TouchesNext(first - 1);
        bool groups = num.IntegerDigits >= 3 && !num.HasSuffix && IsBareDigits(t, num.End, to, 3);
        if (!leadingZero && !plus && !groups) return false;
        while (IsBareDigits(t, skipTo, to, 2)) skipTo++;
        return true;
    }

    private static bool IsBareDigits(ArticleTokens t, int i, int to, int minDigits)
    {
        if (i >= to || !t.IsNumber(i)) return false;
        var w = t.Word(i);
        if (w.Length < minDigits) return false;
        foreach (var c in w) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsAgeOrMultiplierOrClock(ArticleTokens t, in Numeral num, int first, int from, int to)
    {
        int e = num.End;
        // "a 34-year-old", "aged 71", "five years old"
        if (e + 1 < to && t.IsChar(e, '-') && t.TouchesNext(e - 1) && t.IsAny(e + 1, ["year-old", "years-old", "month-old", "week-old", "day-old"]))
            return true;
        if (first > from && t.IsAny(first - 1, ["aged", "age", "ages"])) return true;
        if (t.IsAny(e, ["years", "year", "months", "month"]) && t.Is(e + 1, "old")) return true;
        // "The driver, 52, survived"
        if (!num.IsWords && !num.HasDecimal && !num.HasComma && !num.HasSuffix && num.Value <= 120 && e == num.First + 1
            && first - 2 >= from && t.IsChar(first - 1, ',') && t.IsChar(e, ',') && t.IsWord(first - 2))
            return true;
        // "three times", "13-fold"
        if (t.IsAny(e, ["times", "fold"])) return true;
        // "9 a.m.", "10 GMT", "6 o'clock"
        if (t.IsAny(e, ["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "GMT", "BST", "UTC", "EST", "EDT", "CET", "o'clock"])) return true;
        return false;
    }

    private readonly record struct UnitMatch(UnitEntry? Entry, int End, int Noun, bool Relative);

    private static readonly string[][] Qualifiers3 =
    [
        ["as", "many", "as"], ["as", "much", "as"], ["no", "fewer", "than"], ["no", "less", "than"], ["no", "more", "than"], ["in", "excess", "of"],
    ];

    /// <summary>The unit after the number at token <paramref name="j"/>: %, per cent, a currency word, a measure, a time unit or a counted noun.</summary>
    private static UnitMatch MatchUnitAfter(ArticleTokens t, int j, int to, bool scaled, double value)
    {
        var none = new UnitMatch(null, j, -1, false);
        if (t.IsChar(j, '%')) return new(new("percent", UnitKind.Percent), j + 1, -1, false);
        if (!t.IsWord(j) && !(t.Kind(j) == TokenKind.Symbol && t.IsChar(j, '°'))) return none;
        if (t.Is(j, "per") && t.Is(j + 1, "cent")) return new(new("percent", UnitKind.Percent), j + 2, -1, false);
        if (t.IsAny(j, ["percentage", "basis"]) && t.IsAny(j + 1, ["point", "points"]))
            return new(new(t.Is(j, "basis") ? "basis point" : "percentage point", UnitKind.Measure), j + 2, -1, false);
        if (t.IsChar(j, '°') || t.IsAny(j, ["degrees", "degree"]))
        {
            int k = j + 1;
            if (t.IsAny(k, ["C", "Celsius", "centigrade"])) return new(new("celsius", UnitKind.Measure), k + 1, -1, false);
            if (t.IsAny(k, ["F", "Fahrenheit"])) return new(new("fahrenheit", UnitKind.Measure), k + 1, -1, false);
            return t.IsChar(j, '°') ? none : new(new("degree", UnitKind.Measure), j + 1, -1, false);
        }
        if (t.IsAny(j, ["square", "sq", "cubic"]) && j + 1 < to && UnitLexicon.TryMeasure(t.Word(j + 1), out var area) && area.Kind == UnitKind.Measure)
        {
            string dimension = t.Is(j, "cubic") ? "cubic " : "square ";
            return new(new(dimension + area.Unit, UnitKind.Measure), j + 2, -1, false);
        }
        var w = t.Word(j);
        if (UnitLexicon.TryCurrencyWord(w, out var money))
        {
            // "won" is a verb far more often than the Korean currency; take it only after a scale ("500 billion won").
            if (w.Equals("won", StringComparison.OrdinalIgnoreCase) && !scaled) return none;
            if (w.StartsWith("pound", StringComparison.OrdinalIgnoreCase) && t.Is(j + 1, "of")) return new(new("lb", UnitKind.Measure), j + 1, -1, false);
            return new(money, j + 1, -1, false);
        }
        int unitAt = j;
        if (t.IsAny(j, ["more", "extra", "further", "additional", "straight", "consecutive"]) && j + 1 < to) unitAt = j + 1;
        if (UnitLexicon.TryMeasure(t.Word(unitAt), out var measure) && (unitAt == j || measure.Kind == UnitKind.Time))
        {
            if (measure.Kind == UnitKind.Time && t.IsAny(unitAt + 1, ["ago", "earlier", "later", "before", "after", "old", "previously", "since"]))
                return new(null, j, -1, true);
            return new(measure, unitAt + 1, -1, false);
        }
        // A counted noun, perhaps after an adjective or two: "41 protesters", "2,000 new cases", "14 aid workers".
        bool compound = false;
        for (int k = j; k < Math.Min(to, j + 3); k++)
        {
            if (!t.IsWord(k) || IsFunctionWord(t.Word(k))) break;
            // After a number above one a singular noun is a modifier: "two new share sales", "three car bombs".
            bool modifier = value > 1 && UnitLexicon.IsSingularOfListed(t.Word(k));
            if (!modifier && UnitLexicon.TryCountNoun(t.Word(k), allowUnlisted: k <= j + 1 || compound, out var counted))
                return new(new(counted, UnitKind.Count), k + 1, k, false);
            compound |= modifier;
            if (!t.StartsLower(k)) break;
        }
        return none;
    }

    /// <summary>"a day", "an ounce", "per tonne", "a head": the denominator of a rate ("a week earlier" is a date, not a rate).</summary>
    private static bool MatchRate(ArticleTokens t, int j, int to, out string per, out int end)
    {
        per = "";
        end = j;
        if (j + 1 >= to || !(t.IsAny(j, ["a", "an", "per", "each", "every"]) || t.IsChar(j, '/'))) return false;
        var w = t.Word(j + 1);
        if (t.IsAny(j + 2, ["earlier", "later", "ago", "before", "after", "previously"])) return false;
        if (w.Equals("head", StringComparison.OrdinalIgnoreCase) || w.Equals("capita", StringComparison.OrdinalIgnoreCase)
            || w.Equals("person", StringComparison.OrdinalIgnoreCase)) per = "person";
        else if (w.Equals("share", StringComparison.OrdinalIgnoreCase)) per = "share";
        else if (w.Equals("night", StringComparison.OrdinalIgnoreCase)) per = "night";
        else if (UnitLexicon.TryMeasure(w, out var e) && e.Kind is UnitKind.Measure or UnitKind.Time && !w.EndsWith("s", StringComparison.OrdinalIgnoreCase)) per = e.Unit;
        else return false;
        end = j + 2;
        // "per megawatt hour": energy, not power.
        if (per is "MW" or "kW" or "GW" && t.Is(end, "hour")) { per = per[..2] + "h"; end++; }
        return true;
    }

    /// <summary>
    /// The head of an "of" phrase: "of oil", "of crude oil worth", "of the 5,200 respondents", "of its workforce";
    /// a name is kept whole ("of Circuit City").
    /// </summary>
    private static bool ObjectOf(ArticleTokens t, int k, int to, out int head, out int end, out string phrase)
    {
        head = -1;
        end = k;
        phrase = "";
        if (t.IsAny(k, ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "all"])) k++;
        if (k < to && NumeralReader.TryRead(t, k, to, out var inner) && inner.Shape == NumeralShape.Plain) k = inner.End;
        if (k < to && t.IsWord(k) && t.StartsUpper(k) && !IsFunctionWord(t.Word(k)))
        {
            int nameEnd = k;
            while (nameEnd < to && nameEnd - k < 4 && t.IsWord(nameEnd) && t.StartsUpper(nameEnd)) nameEnd++;
            head = nameEnd - 1;
            end = nameEnd;
            phrase = t.Text[t[k].Start..t[head].End];
            return true;
        }
        int words = 0;
        while (k < to && words < 3 && t.IsWord(k) && !IsFunctionWord(t.Word(k)) && !IsVerbLike(t.Word(k)) && (t.StartsLower(k) || words == 0))
        {
            head = k;
            words++;
            k++;
            // A plural or a listed noun closes the phrase: "of adults say" is "adults".
            if (UnitLexicon.TryCountNoun(t.Word(head), allowUnlisted: false, out _)) break;
        }
        end = k;
        if (head >= 0) phrase = t.Word(head).ToString();
        return head >= 0;
    }

    /// <summary>After "40m": words that make it metres ("tall", "sprint") rather than millions.</summary>
    private static bool IsPhysicalContext(ArticleTokens t, int j, int to) =>
        j < to && t.IsAny(j, ["tall", "high", "long", "deep", "wide", "away", "below", "above", "race", "sprint", "hurdles", "freestyle",
                              "relay", "butterfly", "breaststroke", "backstroke", "medley", "final", "dash", "metres", "-"]);

    private static bool MatchQualifierBefore(ArticleTokens t, int first, int from, out string qualifier, out int start)
    {
        qualifier = "";
        start = first;
        foreach (var phrase in Qualifiers3)
            if (first - 3 >= from && t.Is(first - 3, phrase[0]) && t.Is(first - 2, phrase[1]) && t.Is(first - 1, phrase[2]))
            {
                qualifier = phrase[0] == "as" || phrase[2] == "than" && phrase[1] == "more" ? "up to" : phrase[0] == "in" ? "more than" : "at least";
                start = first - 3;
                return true;
            }
        if (first - 2 >= from)
        {
            var a = t.Word(first - 2);
            var b = t.Word(first - 1);
            string? two = Pair(a, b);
            if (two != null) { qualifier = two; start = first - 2; return true; }
        }
        if (first - 1 >= from)
        {
            var w = t.Word(first - 1);
            string? one = w switch
            {
                _ when Eq(w, "about") || Eq(w, "around") || Eq(w, "approximately") || Eq(w, "roughly") || Eq(w, "some") || Eq(w, "estimated") || Eq(w, "approx.") => "about",
                _ when Eq(w, "nearly") || Eq(w, "almost") => "nearly",
                _ when Eq(w, "over") || Eq(w, "above") => "more than",
                _ when Eq(w, "under") || Eq(w, "below") => "less than",
                _ => null,
            };
            if (one != null) { qualifier = one; start = first - 1; return true; }
        }
        return false;

        static string? Pair(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (Eq(b, "than")) return Eq(a, "more") ? "more than" : Eq(a, "less") || Eq(a, "fewer") ? "less than" : null;
            if (Eq(a, "at") && Eq(b, "least")) return "at least";
            if (Eq(a, "at") && Eq(b, "most")) return "up to";
            if (Eq(a, "up") && Eq(b, "to")) return "up to";
            if (Eq(a, "close") && Eq(b, "to")) return "nearly";
            if (Eq(a, "just") && Eq(b, "under")) return "nearly";
            if (Eq(a, "just") && Eq(b, "over")) return "more than";
            if (Eq(a, "upwards") && Eq(b, "of")) return "more than";
            if (Eq(a, "an") && Eq(b, "estimated")) return "about";
            return null;
        }
    }

    private static bool Eq(ReadOnlySpan<char> a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "than", "as", "that", "which",
        "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can",
        "may", "might", "must", "should", "shall", "did", "do", "does", "said", "says", "per", "each", "every", "last", "this", "next",
        "since", "after", "before", "during", "over", "under", "about", "around", "into", "onto", "across", "against", "between",
        "among", "through", "until", "up", "down", "out", "off", "it", "its", "they", "their", "them", "he", "his", "she", "her",
        "we", "our", "you", "your", "i", "so", "if", "while", "when", "where", "not", "no", "also", "only", "just", "still", "all",
        "both", "either", "more", "less", "fewer", "most", "worth", "there", "here", "then", "now", "ago", "later", "earlier",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "cent",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static bool IsFunctionWord(ReadOnlySpan<char> w) => FunctionWords.Contains(w);

    /// <summary>Words that open a sentence before a number without naming it: "About", "Some", "Nearly", "In".</summary>
    private static bool IsLeadIn(ReadOnlySpan<char> w) =>
        FunctionWords.Contains(w) || Eq(w, "some") || Eq(w, "nearly") || Eq(w, "almost") || Eq(w, "roughly") || Eq(w, "approximately")
        || Eq(w, "another") || Eq(w, "only") || Eq(w, "just") || Eq(w, "police") || Eq(w, "officials");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbLike = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "say", "said", "says", "leave", "leaves", "left", "remain", "remains", "struggle", "went", "go", "goes", "came", "come",
        "rose", "fell", "rise", "fall", "make", "made", "take", "took", "reached", "were", "was", "had", "have", "are", "is",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsVerbLike(ReadOnlySpan<char> w) => VerbLike.Contains(w);
}
