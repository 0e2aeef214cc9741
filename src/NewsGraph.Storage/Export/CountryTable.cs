using System.Globalization;
using System.Reflection;

namespace NewsGraph.Storage.Export;

/// <summary>A country as the GDELT exports need it: codes, name and one point for country-level geography.</summary>
public sealed record Country(string Iso3, string Iso2, string Fips, string Name, double? Latitude, double? Longitude);

/// <summary>
/// The countries table shipped with NewsGraph (Export/Data/countries.tsv, from GeoNames, CC BY 4.0),
/// loaded once: ISO alpha-3 (what the entity layer and CAMEO actor codes use) to FIPS 10-4 (what
/// GDELT's geography columns use), the English name and a point.
/// </summary>
public sealed class CountryTable
{
    private static readonly Lazy<CountryTable> Shared = new(Load);
    private readonly Dictionary<string, Country> _byIso3 = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Country> _byName = new(StringComparer.OrdinalIgnoreCase);

    public static CountryTable Default => Shared.Value;

    public int Count => _byIso3.Count;

    public Country? ByIso3(string? code) => code is { Length: 3 } && _byIso3.TryGetValue(code, out var c) ? c : null;

    public Country? ByName(string? name) => name is not null && _byName.TryGetValue(name, out var c) ? c : null;

    private static CountryTable Load()
    {
        var table = new CountryTable();
        const string resource = "NewsGraph.Export.countries.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded data {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 6) continue;
            var country = new Country(f[0], f[1], f[2], f[3].Trim(), Number(f[4]), Number(f[5]));
            table._byIso3[country.Iso3] = country;
            table._byName.TryAdd(country.Name, country);
        }
        return table;
    }

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
