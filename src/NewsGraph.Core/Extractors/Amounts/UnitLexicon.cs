using System.Collections.Frozen;

namespace NewsGraph.Core.Extractors.Amounts;

public enum UnitKind : byte
{
    Currency,
    Percent,
    Measure,
    Time,
    /// <summary>A counted noun: people, cases, doses, homes ...</summary>
    Count,
}

/// <summary>A normalised unit; <see cref="Factor"/> converts the written figure (pence to pounds, cents to dollars).</summary>
public sealed record UnitEntry(string Unit, UnitKind Kind, double Factor = 1);

/// <summary>
/// The words and symbols news copy writes after (or before) a number, each mapped to one normalised
/// unit: ISO 4217 codes for money, "percent", physical and time units, "person" for people, and the
/// singular noun for other counted things. Loaded once, read-only, shared across threads.
/// </summary>
public static class UnitLexicon
{
    private static FrozenDictionary<string, T> Freeze<T>(Dictionary<string, T> d) => d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Symbols written before the figure.</summary>
    private static readonly FrozenDictionary<string, string> Symbols = Freeze(new Dictionary<string, string>
    {
        ["$"] = "USD", ["£"] = "GBP", ["€"] = "EUR", ["¥"] = "JPY", ["₹"] = "INR", ["₦"] = "NGN", ["₺"] = "TRY",
        ["₽"] = "RUB", ["₩"] = "KRW", ["₪"] = "ILS", ["₱"] = "PHP", ["₴"] = "UAH",
    });

    /// <summary>Letters glued before "$": US$, A$, HK$ ...</summary>
    private static readonly FrozenDictionary<string, string> DollarPrefixes = Freeze(new Dictionary<string, string>
    {
        ["US"] = "USD", ["A"] = "AUD", ["AU"] = "AUD", ["C"] = "CAD", ["CA"] = "CAD", ["HK"] = "HKD", ["NZ"] = "NZD",
        ["S"] = "SGD", ["R"] = "BRL", ["NT"] = "TWD", ["Mex"] = "MXN",
    });

    /// <summary>Codes and abbreviations written before the figure: "USD 5m", "Rs 500", "Rp 2m".</summary>
    private static readonly FrozenDictionary<string, string> CodesBefore = Freeze(new Dictionary<string, string>
    {
        ["USD"] = "USD", ["EUR"] = "EUR", ["GBP"] = "GBP", ["JPY"] = "JPY", ["CNY"] = "CNY", ["RMB"] = "CNY",
        ["INR"] = "INR", ["CHF"] = "CHF", ["AUD"] = "AUD", ["CAD"] = "CAD", ["Rs"] = "INR", ["Rp"] = "IDR",
        ["NGN"] = "NGN", ["ZAR"] = "ZAR", ["KES"] = "KES", ["AED"] = "AED", ["SAR"] = "SAR", ["RUB"] = "RUB", ["TRY"] = "TRY",
    });

    /// <summary>Currency words after the figure: "71.56bn rupees", "10 billion yuan", "45 lira".</summary>
    private static readonly FrozenDictionary<string, UnitEntry> CurrencyWords = Freeze(new Dictionary<string, UnitEntry>
    {
        ["dollar"] = new("USD", UnitKind.Currency), ["dollars"] = new("USD", UnitKind.Currency),
        ["euro"] = new("EUR", UnitKind.Currency), ["euros"] = new("EUR", UnitKind.Currency),
        ["pound"] = new("GBP", UnitKind.Currency), ["pounds"] = new("GBP", UnitKind.Currency), ["sterling"] = new("GBP", UnitKind.Currency),
        ["pence"] = new("GBP", UnitKind.Currency, 0.01), ["penny"] = new("GBP", UnitKind.Currency, 0.01),
        ["cent"] = new("USD", UnitKind.Currency, 0.01), ["cents"] = new("USD", UnitKind.Currency, 0.01),
        ["yen"] = new("JPY", UnitKind.Currency), ["yuan"] = new("CNY", UnitKind.Currency), ["renminbi"] = new("CNY", UnitKind.Currency),
        ["rupee"] = new("INR", UnitKind.Currency), ["rupees"] = new("INR", UnitKind.Currency),
        ["naira"] = new("NGN", UnitKind.Currency), ["rand"] = new("ZAR", UnitKind.Currency),
        ["lira"] = new("TRY", UnitKind.Currency), ["liras"] = new("TRY", UnitKind.Currency),
        ["rouble"] = new("RUB", UnitKind.Currency), ["roubles"] = new("RUB", UnitKind.Currency),
        ["ruble"] = new("RUB", UnitKind.Currency), ["rubles"] = new("RUB", UnitKind.Currency),
        ["franc"] = new("CHF", UnitKind.Currency), ["francs"] = new("CHF", UnitKind.Currency),
        ["shekel"] = new("ILS", UnitKind.Currency), ["shekels"] = new("ILS", UnitKind.Currency),
        ["dirham"] = new("AED", UnitKind.Currency), ["dirhams"] = new("AED", UnitKind.Currency),
        ["riyal"] = new("SAR", UnitKind.Currency), ["riyals"] = new("SAR", UnitKind.Currency),
        ["ringgit"] = new("MYR", UnitKind.Currency), ["baht"] = new("THB", UnitKind.Currency),
        ["rupiah"] = new("IDR", UnitKind.Currency), ["hryvnia"] = new("UAH", UnitKind.Currency), ["hryvnias"] = new("UAH", UnitKind.Currency),
        ["zloty"] = new("PLN", UnitKind.Currency), ["zlotys"] = new("PLN", UnitKind.Currency), ["forint"] = new("HUF", UnitKind.Currency),
        ["cedi"] = new("GHS", UnitKind.Currency), ["cedis"] = new("GHS", UnitKind.Currency),
        ["shilling"] = new("KES", UnitKind.Currency), ["shillings"] = new("KES", UnitKind.Currency),
        ["taka"] = new("BDT", UnitKind.Currency), ["peso"] = new("peso", UnitKind.Currency), ["pesos"] = new("peso", UnitKind.Currency),
        ["won"] = new("KRW", UnitKind.Currency),
    });

    /// <summary>Measures and times written as words (or abbreviations) after the figure.</summary>
    private static readonly FrozenDictionary<string, UnitEntry> Measures = Freeze(new Dictionary<string, UnitEntry>
    {
        ["percent"] = new("percent", UnitKind.Percent), ["pc"] = new("percent", UnitKind.Percent),
        ["bps"] = new("basis point", UnitKind.Measure), ["bp"] = new("basis point", UnitKind.Measure),
        ["point"] = new("point", UnitKind.Measure), ["points"] = new("point", UnitKind.Measure),
        ["km"] = new("km", UnitKind.Measure), ["kilometre"] = new("km", UnitKind.Measure), ["kilometres"] = new("km", UnitKind.Measure),
        ["kilometer"] = new("km", UnitKind.Measure), ["kilometers"] = new("km", UnitKind.Measure),
        ["mile"] = new("mile", UnitKind.Measure), ["miles"] = new("mile", UnitKind.Measure),
        ["metre"] = new("metre", UnitKind.Measure), ["metres"] = new("metre", UnitKind.Measure),
        ["meter"] = new("metre", UnitKind.Measure), ["meters"] = new("metre", UnitKind.Measure),
        ["cm"] = new("cm", UnitKind.Measure), ["centimetres"] = new("cm", UnitKind.Measure), ["centimeters"] = new("cm", UnitKind.Measure),
        ["mm"] = new("mm", UnitKind.Measure), ["millimetres"] = new("mm", UnitKind.Measure), ["millimeters"] = new("mm", UnitKind.Measure),
        ["inch"] = new("inch", UnitKind.Measure), ["inches"] = new("inch", UnitKind.Measure),
        ["foot"] = new("foot", UnitKind.Measure), ["feet"] = new("foot", UnitKind.Measure), ["ft"] = new("foot", UnitKind.Measure),
        ["yard"] = new("yard", UnitKind.Measure), ["yards"] = new("yard", UnitKind.Measure),
        ["kg"] = new("kg", UnitKind.Measure), ["kilogram"] = new("kg", UnitKind.Measure), ["kilograms"] = new("kg", UnitKind.Measure),
        ["kilo"] = new("kg", UnitKind.Measure), ["kilos"] = new("kg", UnitKind.Measure),
        ["gram"] = new("gram", UnitKind.Measure), ["grams"] = new("gram", UnitKind.Measure), ["grammes"] = new("gram", UnitKind.Measure),
        ["mg"] = new("mg", UnitKind.Measure), ["milligrams"] = new("mg", UnitKind.Measure),
        ["tonne"] = new("tonne", UnitKind.Measure), ["tonnes"] = new("tonne", UnitKind.Measure),
        ["ton"] = new("tonne", UnitKind.Measure), ["tons"] = new("tonne", UnitKind.Measure),
        ["lb"] = new("lb", UnitKind.Measure), ["lbs"] = new("lb", UnitKind.Measure),
        ["ounce"] = new("ounce", UnitKind.Measure), ["ounces"] = new("ounce", UnitKind.Measure), ["oz"] = new("ounce", UnitKind.Measure),
        ["barrel"] = new("barrel", UnitKind.Measure), ["barrels"] = new("barrel", UnitKind.Measure), ["bbl"] = new("barrel", UnitKind.Measure),
        ["litre"] = new("litre", UnitKind.Measure), ["litres"] = new("litre", UnitKind.Measure),
        ["liter"] = new("litre", UnitKind.Measure), ["liters"] = new("litre", UnitKind.Measure),
        ["gallon"] = new("gallon", UnitKind.Measure), ["gallons"] = new("gallon", UnitKind.Measure),
        ["hectare"] = new("hectare", UnitKind.Measure), ["hectares"] = new("hectare", UnitKind.Measure), ["ha"] = new("hectare", UnitKind.Measure),
        ["acre"] = new("acre", UnitKind.Measure), ["acres"] = new("acre", UnitKind.Measure),
        ["mw"] = new("MW", UnitKind.Measure), ["megawatt"] = new("MW", UnitKind.Measure), ["megawatts"] = new("MW", UnitKind.Measure),
        ["gw"] = new("GW", UnitKind.Measure), ["gigawatt"] = new("GW", UnitKind.Measure), ["gigawatts"] = new("GW", UnitKind.Measure),
        ["kw"] = new("kW", UnitKind.Measure), ["kilowatt"] = new("kW", UnitKind.Measure), ["kilowatts"] = new("kW", UnitKind.Measure),
        ["kwh"] = new("kWh", UnitKind.Measure), ["mwh"] = new("MWh", UnitKind.Measure), ["gwh"] = new("GWh", UnitKind.Measure), ["twh"] = new("TWh", UnitKind.Measure),
        ["mph"] = new("mph", UnitKind.Measure), ["kph"] = new("km/h", UnitKind.Measure),
        ["knot"] = new("knot", UnitKind.Measure), ["knots"] = new("knot", UnitKind.Measure),
        ["magnitude"] = new("magnitude", UnitKind.Measure),
        ["second"] = new("second", UnitKind.Time), ["seconds"] = new("second", UnitKind.Time),
        ["minute"] = new("minute", UnitKind.Time), ["minutes"] = new("minute", UnitKind.Time), ["mins"] = new("minute", UnitKind.Time),
        ["hour"] = new("hour", UnitKind.Time), ["hours"] = new("hour", UnitKind.Time), ["hrs"] = new("hour", UnitKind.Time),
        ["day"] = new("day", UnitKind.Time), ["days"] = new("day", UnitKind.Time),
        ["week"] = new("week", UnitKind.Time), ["weeks"] = new("week", UnitKind.Time),
        ["fortnight"] = new("fortnight", UnitKind.Time), ["fortnights"] = new("fortnight", UnitKind.Time),
        ["month"] = new("month", UnitKind.Time), ["months"] = new("month", UnitKind.Time),
        ["year"] = new("year", UnitKind.Time), ["years"] = new("year", UnitKind.Time),
        ["decade"] = new("decade", UnitKind.Time), ["decades"] = new("decade", UnitKind.Time),
        ["century"] = new("century", UnitKind.Time), ["centuries"] = new("century", UnitKind.Time),
    });

    /// <summary>Letters glued to a figure: "15,300km", "1.2GW", "120mph", "40.3C" (case matters for C and F).</summary>
    private static readonly FrozenDictionary<string, UnitEntry> Suffixes = new Dictionary<string, UnitEntry>(StringComparer.Ordinal)
    {
        ["km"] = new("km", UnitKind.Measure), ["cm"] = new("cm", UnitKind.Measure), ["mm"] = new("mm", UnitKind.Measure),
        ["kg"] = new("kg", UnitKind.Measure), ["mg"] = new("mg", UnitKind.Measure), ["g"] = new("gram", UnitKind.Measure),
        ["ft"] = new("foot", UnitKind.Measure), ["lb"] = new("lb", UnitKind.Measure), ["lbs"] = new("lb", UnitKind.Measure),
        ["oz"] = new("ounce", UnitKind.Measure), ["ha"] = new("hectare", UnitKind.Measure), ["mi"] = new("mile", UnitKind.Measure),
        ["mph"] = new("mph", UnitKind.Measure), ["kph"] = new("km/h", UnitKind.Measure), ["kmh"] = new("km/h", UnitKind.Measure),
        ["MW"] = new("MW", UnitKind.Measure), ["GW"] = new("GW", UnitKind.Measure), ["kW"] = new("kW", UnitKind.Measure),
        ["kWh"] = new("kWh", UnitKind.Measure), ["MWh"] = new("MWh", UnitKind.Measure), ["GWh"] = new("GWh", UnitKind.Measure),
        ["TWh"] = new("TWh", UnitKind.Measure), ["bp"] = new("basis point", UnitKind.Measure), ["bps"] = new("basis point", UnitKind.Measure),
        ["C"] = new("celsius", UnitKind.Measure), ["F"] = new("fahrenheit", UnitKind.Measure),
        ["hrs"] = new("hour", UnitKind.Time), ["mins"] = new("minute", UnitKind.Time),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Nouns for people, counted as "person" (the counted noun itself is kept as the object).</summary>
    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "people", "persons", "person", "men", "man", "women", "woman", "children", "child", "kids", "babies", "baby", "boys", "boy",
        "girls", "girl", "adults", "adult", "teenagers", "teenager", "youths", "civilians", "civilian", "soldiers", "soldier", "troops",
        "fighters", "fighter", "militants", "militant", "rebels", "rebel", "insurgents", "gunmen", "gunman", "jihadists", "police",
        "policemen", "policeman", "officers", "officer", "protesters", "protester", "protestors", "demonstrators", "demonstrator",
        "activists", "activist", "students", "student", "pupils", "teachers", "doctors", "doctor", "nurses", "nurse", "patients",
        "patient", "workers", "worker", "employees", "employee", "staff", "staffers", "miners", "miner", "farmers", "fishermen",
        "migrants", "migrant", "refugees", "refugee", "asylum-seekers", "passengers", "passenger", "crew", "pilots", "pilot",
        "residents", "resident", "citizens", "nationals", "voters", "delegates", "respondents", "volunteers", "volunteer", "fans",
        "spectators", "supporters", "members", "journalists", "journalist", "reporters", "prisoners", "prisoner", "inmates",
        "detainees", "suspects", "suspect", "hostages", "hostage", "survivors", "victims", "victim", "casualties", "tourists",
        "visitors", "pilgrims", "worshippers", "firefighters", "firefighter", "rescuers", "paramedics", "officials", "official",
        "lawmakers", "legislators", "mps", "senators", "judges", "lawyers", "ministers", "diplomats", "athletes", "players", "player",
        "others", "individuals", "pensioners", "mourners", "guards", "sailors", "marines", "peacekeepers", "commuters", "shoppers",
        "drivers", "driver", "motorists", "cyclists", "pedestrians", "climbers", "hikers", "divers", "seafarers", "crewmen",
        "britons", "americans", "israelis", "palestinians", "ukrainians", "russians", "afghans", "syrians", "iraqis", "iranians",
        "nigerians", "indians", "pakistanis", "chinese", "foreigners", "expatriates", "settlers", "villagers", "inhabitants",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other nouns news counts often, with their unit (the rest are recognised as plural nouns).</summary>
    private static readonly FrozenDictionary<string, string> CountNouns = Freeze(new Dictionary<string, string>
    {
        ["aircraft"] = "aircraft", ["cattle"] = "cattle", ["sheep"] = "sheep", ["livestock"] = "livestock", ["crew"] = "person",
        ["case"] = "case", ["death"] = "death", ["infection"] = "infection", ["dose"] = "dose", ["vaccination"] = "vaccination",
        ["test"] = "test", ["vote"] = "vote", ["seat"] = "seat", ["job"] = "job", ["home"] = "home", ["house"] = "house",
        ["household"] = "household", ["family"] = "family", ["building"] = "building", ["vehicle"] = "vehicle", ["car"] = "car",
        ["truck"] = "truck", ["lorry"] = "lorry", ["bus"] = "bus", ["buses"] = "bus", ["ship"] = "ship", ["vessel"] = "vessel",
        ["boat"] = "boat", ["plane"] = "plane", ["flight"] = "flight", ["train"] = "train", ["tank"] = "tank", ["missile"] = "missile",
        ["drone"] = "drone", ["rocket"] = "rocket", ["shell"] = "shell", ["weapon"] = "weapon", ["gun"] = "gun", ["bomb"] = "bomb",
        ["country"] = "country", ["state"] = "state", ["city"] = "city", ["town"] = "town", ["village"] = "village",
        ["school"] = "school", ["hospital"] = "hospital", ["bed"] = "bed", ["store"] = "store", ["shop"] = "shop",
        ["branch"] = "branch", ["company"] = "company", ["firm"] = "firm", ["business"] = "business", ["bank"] = "bank",
        ["customer"] = "customer", ["user"] = "user", ["subscriber"] = "subscriber", ["account"] = "account",
        ["goal"] = "goal", ["game"] = "game", ["match"] = "match", ["medal"] = "medal", ["unit"] = "unit", ["share"] = "share",
        ["arrest"] = "arrest", ["incident"] = "incident", ["attack"] = "attack", ["strike"] = "strike", ["complaint"] = "complaint",
        ["application"] = "application", ["signature"] = "signature", ["tree"] = "tree", ["animal"] = "animal",
        ["blaze"] = "blaze", ["fire"] = "fire", ["aftershock"] = "aftershock", ["earthquake"] = "earthquake",
        ["series"] = "series", ["species"] = "species", ["fish"] = "fish",
    });

    /// <summary>Words ending in s that are not plural nouns after a number ("Route 66 remains", "the 15 says").</summary>
    private static readonly FrozenSet<string> NotPlural = new[]
    {
        "is", "was", "has", "does", "says", "remains", "leaves", "takes", "costs", "means", "makes", "gets", "goes", "comes", "shows",
        "seems", "looks", "needs", "wants", "includes", "rises", "falls", "lies", "stands", "holds", "runs", "plans", "hopes",
        "faces", "sees", "tells", "asks", "calls", "uses", "adds", "pays", "wins", "loses", "claims", "expects", "owns", "contains",
        "covers", "employs", "lives", "works", "plays", "keeps", "puts", "sets", "gives", "brings", "turns", "starts", "ends",
        "opens", "closes", "meets", "sits", "thus", "plus", "minus", "versus", "as", "us", "this", "its", "his", "hers", "ours",
        "yours", "theirs", "whereas", "perhaps", "always", "sometimes", "afterwards", "towards", "besides", "less", "unless",
        "across", "times", "ways", "news", "series", "various", "previous", "famous", "serious", "nervous", "numerous", "obvious",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SymbolLookup = Symbols.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DollarPrefixLookup = DollarPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CodeLookup = CodesBefore.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, UnitEntry>.AlternateLookup<ReadOnlySpan<char>> CurrencyWordLookup = CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, UnitEntry>.AlternateLookup<ReadOnlySpan<char>> MeasureLookup = Measures.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, UnitEntry>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonLookup = PersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CountLookup = CountNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPluralLookup = NotPlural.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TrySymbol(ReadOnlySpan<char> token, out string code) => SymbolLookup.TryGetValue(token, out code!);

    public static bool TryDollarPrefix(ReadOnlySpan<char> word, out string code) => DollarPrefixLookup.TryGetValue(word, out code!);

    /// <summary>A currency code written before the figure ("USD", "Rs"); case-sensitive enough that "us" is not "US".</summary>
    public static bool TryCodeBefore(ReadOnlySpan<char> word, out string code)
    {
        code = "";
        return word.Length >= 2 && char.IsUpper(word[0]) && CodeLookup.TryGetValue(word, out code!);
    }

    public static bool TryCurrencyWord(ReadOnlySpan<char> word, out UnitEntry entry) => CurrencyWordLookup.TryGetValue(word, out entry!);

    public static bool TryMeasure(ReadOnlySpan<char> word, out UnitEntry entry) => MeasureLookup.TryGetValue(word, out entry!);

    public static bool TrySuffix(ReadOnlySpan<char> suffix, out UnitEntry entry) => SuffixLookup.TryGetValue(suffix, out entry!);

    public static bool IsPerson(ReadOnlySpan<char> word) => PersonLookup.Contains(word) || IsDemonymPlural(word);

    /// <summary>"Africans", "Texans", "Somalis", "Congolese": capitalised plurals of peoples.</summary>
    private static bool IsDemonymPlural(ReadOnlySpan<char> word) =>
        word.Length >= 5 && char.IsUpper(word[0]) && char.IsLower(word[1])
        && (word.EndsWith("ans", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
            || (word.EndsWith("is", StringComparison.Ordinal) && word.Length >= 6));

    /// <summary>The unit of a counted noun: "person" for people, the listed unit for known nouns, or the singular of a plural.</summary>
    public static bool TryCountNoun(ReadOnlySpan<char> word, bool allowUnlisted, out string unit)
    {
        unit = "";
        if (PersonLookup.Contains(word) || IsDemonymPlural(word)) { unit = "person"; return true; }
        if (CountLookup.TryGetValue(word, out var listed)) { unit = listed; return true; }
        bool plural = LooksPlural(word);
        if (plural && CountNouns.TryGetValue(Singular(word), out listed)) { unit = listed; return true; }
        if (!allowUnlisted || !plural) return false;
        unit = Singular(word);
        return true;
    }

    /// <summary>A listed noun in its singular form ("share", "car"), as opposed to its plural or a noun that is both ("aircraft", "crew").</summary>
    public static bool IsSingularOfListed(ReadOnlySpan<char> word) =>
        CountLookup.TryGetValue(word, out var unit) && word.Equals(unit, StringComparison.OrdinalIgnoreCase)
        && !(word.Equals("aircraft", StringComparison.OrdinalIgnoreCase) || word.Equals("cattle", StringComparison.OrdinalIgnoreCase)
             || word.Equals("sheep", StringComparison.OrdinalIgnoreCase) || word.Equals("fish", StringComparison.OrdinalIgnoreCase)
             || word.Equals("species", StringComparison.OrdinalIgnoreCase) || word.Equals("series", StringComparison.OrdinalIgnoreCase)
             || word.Equals("livestock", StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-case words of four or more letters ending in s that are not verbs or adverbs: "blazes", "goals".</summary>
    public static bool LooksPlural(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word[^1] != 's' || !char.IsLower(word[0])) return false;
        foreach (var c in word) if (!char.IsLetter(c) && c != '-') return false;
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)
            || word.EndsWith("'s", StringComparison.Ordinal)) return false;
        return !NotPluralLookup.Contains(word);
    }

    /// <summary>English singular of a regular plural: countries → country, blazes → blaze, boxes → box, homes → home.</summary>
    public static string Singular(ReadOnlySpan<char> plural)
    {
        var w = plural.ToString().ToLowerInvariant();
        if (w is "buses" or "series" or "species") return CountNouns[w];
        if (w.EndsWith("ies") && w.Length > 4) return w[..^3] + "y";
        if (w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("xes") || w.EndsWith("sses")) return w[..^2];
        if (w.EndsWith('s')) return w[..^1];
        return w;
    }
}
