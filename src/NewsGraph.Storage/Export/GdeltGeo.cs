using System.Globalization;

namespace NewsGraph.Storage.Export;

/// <summary>
/// One GDELT geography block (Type, Fullname, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID). Type is GDELT's: 1 country, 3 US city, 4 world city (a place with coordinates).
/// Country codes are FIPS 10-4, as GDELT's are.
/// </summary>
public sealed record GdeltGeo(int Type, string FullName, string CountryCode, string Adm1, string Adm2, double? Latitude, double? Longitude, string FeatureId)
{
    /// <summary>The eight event-file columns, in order.</summary>
    public IEnumerable<string> EventColumns()
    {
        yield return Type.ToString(CultureInfo.InvariantCulture);
        yield return FullName;
        yield return CountryCode;
        yield return Adm1;
        yield return Adm2;
        yield return Coordinate(Latitude);
        yield return Coordinate(Longitude);
        yield return FeatureId;
    }

    public static readonly string[] EmptyColumns = ["", "", "", "", "", "", "", ""];

    public static string Coordinate(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Country-level geography from an ISO alpha-3 code; null when the code is unknown.</summary>
    public static GdeltGeo? ForCountry(string? iso3, CountryTable countries)
    {
        if (countries.ByIso3(iso3) is not { } c || c.Fips.Length == 0) return null;
        return new GdeltGeo(1, c.Name, c.Fips, c.Fips, "", c.Latitude, c.Longitude, c.Fips);
    }

    /// <summary>
    /// Geography of a place the entity layer knows: a city-level point when it gave coordinates,
    /// else the place's country (a country named by itself, or the country a city is in).
    /// </summary>
    public static GdeltGeo? ForPlace(StoredEntity place, CountryTable countries)
    {
        var country = countries.ByIso3(place.Country) ?? countries.ByName(place.Name);
        if (place.Latitude is { } lat && place.Longitude is { } lon && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
        {
            bool isCountry = country is not null && place.Name.Equals(country.Name, StringComparison.OrdinalIgnoreCase);
            if (isCountry) return new GdeltGeo(1, country!.Name, country.Fips, country.Fips, "", lat, lon, country.Fips);
            var fips = country?.Fips ?? "";
            var fullName = country is null ? place.Name : place.Name + ", " + country.Name;
            var adm1 = place.Adm1 is { Length: > 0 } a ? (a.StartsWith(fips, StringComparison.Ordinal) ? a : fips + a) : fips;
            return new GdeltGeo(fips == "US" ? 3 : 4, fullName, fips, adm1, "", lat, lon, place.FeatureId ?? "");
        }
        return country is null ? null : ForCountry(country.Iso3, countries);
    }
}
