namespace NewsGraph.Core.Extractors.Segmentation;

/// <summary>Abbreviations that end in a full stop, as news copy writes them (AP and Reuters style).</summary>
public static class Abbreviations
{
    /// <summary>Titles and other abbreviations that are never the last word of a sentence: "Dr. Smith", "Sen. Warren".</summary>
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "sgt", "capt", "cpt", "adm",
        "maj", "cmdr", "cdr", "brig", "cpl", "pvt", "st", "ste", "mt", "ft", "rev", "hon", "pres", "supt", "insp", "det",
        "atty", "amb", "sec", "cllr", "cllrs", "messrs", "mme", "mlle", "fr", "approx", "dept", "univ", "assn", "vs", "v", "cf",
    };

    /// <summary>Abbreviations that go before a number: "No. 10", "Jan. 14", "p. 5".</summary>
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "vol", "art", "ch", "fig", "p", "pp", "sec", "para", "ref", "ed",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Abbreviations that may end a sentence: "... in the U.S. The talks", "... Apple Inc. It said".</summary>
    private static readonly HashSet<string> MaybeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "co", "ltd", "llc", "plc", "etc", "bn", "mn", "m", "yr", "yrs", "hr", "hrs", "min", "mins", "km",
        "kg", "lb", "lbs", "oz", "ft", "mph", "a.m", "p.m", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "n.y",
        "l.a", "ph.d", "b.a", "m.a", "gmt", "utc", "est", "pst", "ave", "blvd", "rd", "sr", "jr", "bros", "al", "st", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup = BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeFinalLookup = MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="word">The word before the full stop, without it ("Dr", "U.S").</param>
    public static bool IsNeverFinal(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word);

    public static bool GoesBeforeNumber(ReadOnlySpan<char> word) => BeforeNumberLookup.Contains(word);

    public static bool IsMaybeFinal(ReadOnlySpan<char> word) => MaybeFinalLookup.Contains(word);

    public static bool IsKnown(ReadOnlySpan<char> word) =>
        NeverFinalLookup.Contains(word) || MaybeFinalLookup.Contains(word) || IsInitialism(word);

    /// <summary>"U.S", "e.g", "J": letters separated by full stops, or a single capital (an initial).</summary>
    public static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length == 1) return char.IsUpper(word[0]);
        if (word.Length < 3) return false;
        for (int i = 0; i < word.Length; i++)
        {
            bool letterSlot = i % 2 == 0;
            if (letterSlot ? !char.IsLetter(word[i]) : word[i] != '.') return false;
        }
        return true;
    }

    /// <summary>Words that start sentences; after an abbreviation that may end one, they mean it did.</summary>
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "It", "Its", "He", "She", "They", "We", "I", "You", "But", "And", "Or", "So",
        "This", "That", "These", "Those", "There", "Here", "His", "Her", "Their", "Our", "My", "If", "When", "While",
        "After", "Before", "As", "Since", "Although", "Though", "However", "Meanwhile", "Still", "Yet", "Also", "Last",
        "Earlier", "Later", "According", "Some", "Many", "Most", "Both", "Each", "Other", "Such", "What", "Why", "How",
        "Who", "Where", "Officials", "Asked", "For", "From", "With", "Without", "Under", "Over", "By", "To", "Not", "No",
        "One", "Two", "Three", "Several", "Despite", "During", "Following", "Now", "Then", "Today", "Yesterday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
