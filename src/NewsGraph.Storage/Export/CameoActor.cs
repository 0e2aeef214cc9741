namespace NewsGraph.Storage.Export;

/// <summary>
/// A CAMEO actor code read into the parts GDELT's event columns list separately: country,
/// known group, religions and up to three role types. "IRNGOV" is Iran + GOV; "NGOUSAHRI" is
/// NGO + USA + HRI; "IGOUNO" is IGO + known group UNO. Codes are runs of three letters.
/// </summary>
public sealed record CameoActor(string Code, string? Country, string? KnownGroup, string? Religion1, string? Religion2, string? Type1, string? Type2, string? Type3)
{
    // CAMEO's role and sector codes (the GDELT Type codes).
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
        "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "NGO", "IMG", "INT",
        "MNC", "NGM", "PTY", "SET", "UIS", "PPL", "REL",
    };

    // CAMEO's religion codes.
    private static readonly HashSet<string> Religions = new(StringComparer.Ordinal)
    {
        "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "HSD", "ITR", "JAI", "JEW",
        "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
    };

    // CAMEO's regional "country" codes, used where no single country is meant.
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "AFR", "ASA", "BLK", "BAL", "CAU", "CFR", "CAS", "CEU", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
        "MDT", "NAF", "NAM", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
    };

    /// <summary>Reads <paramref name="code"/>; null for an empty code. Unknown chunks after the first become the known group.</summary>
    public static CameoActor? Parse(string? code, CountryTable countries)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim().ToUpperInvariant();
        string? country = null, group = null, religion1 = null, religion2 = null;
        var types = new List<string>(3);
        for (int i = 0; i + 3 <= code.Length; i += 3)
        {
            var chunk = code.Substring(i, 3);
            if (Types.Contains(chunk)) { if (types.Count < 3) types.Add(chunk); }
            else if (Religions.Contains(chunk)) { if (religion1 is null) religion1 = chunk; else religion2 ??= chunk; }
            else if (country is null && (countries.ByIso3(chunk) is not null || Regions.Contains(chunk))) country = chunk;
            else group ??= chunk;
        }
        return new CameoActor(code, country, group, religion1, religion2,
            types.ElementAtOrDefault(0), types.ElementAtOrDefault(1), types.ElementAtOrDefault(2));
    }
}
