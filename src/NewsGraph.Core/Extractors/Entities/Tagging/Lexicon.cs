namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>The gazetteer lists a phrase can belong to (bits of <see cref="Lexicon.Gazetteer"/>).</summary>
internal enum GazetteerList
{
    /// <summary>GeoNames country names and Phoenix country headings.</summary>
    Country = 0,
    /// <summary>GeoNames cities of a million people or more.</summary>
    MetropolisCity = 1,
    /// <summary>GeoNames cities of 100,000 or more.</summary>
    LargeCity = 2,
    /// <summary>GeoNames cities of 15,000 or more.</summary>
    Town = 3,
    /// <summary>Capitals named by GeoNames country information.</summary>
    Capital = 4,
    /// <summary>Other names Phoenix files under a country (cities, regions, adjectives, old names).</summary>
    CountrySynonym = 5,
    /// <summary>People in the Phoenix country dictionary (leaders, ministers, officials).</summary>
    Person = 6,
    /// <summary>International bodies and their officials (Phoenix international dictionary).</summary>
    International = 7,
    /// <summary>Armed and non-state groups (Phoenix non-state dictionary).</summary>
    ArmedGroup = 8,
    /// <summary>Nationality adjectives and nouns (ODbL-licensed countries data, see models/ner/README.md).</summary>
    Nationality = 9,
    /// <summary>States, provinces and home nations (listed in <see cref="PlaceWords"/>).</summary>
    State = 10,
    /// <summary>Continents, regions, seas and other places that are not polities.</summary>
    Region = 11,
    /// <summary>GeoNames alternate (Latin-script) names of large cities.</summary>
    CityAlias = 12,
    /// <summary>Role and title words (Phoenix agents: "minister", "police", "rebels").</summary>
    Role = 13,
    /// <summary>First words of Phoenix person names.</summary>
    GivenName = 14,
    /// <summary>Last words of Phoenix person names.</summary>
    FamilyName = 15,
    /// <summary>Religious and political groups (listed in <see cref="PlaceWords"/>).</summary>
    Group = 16,
}

/// <summary>
/// Everything the tagger knows about words besides its weights: distributional word
/// clusters (three granularities), how often a word is written in lower case in running
/// text, and gazetteer phrases. All keyed by <see cref="FeatureHash"/> values, so the
/// shipped model holds hashes, not the source lists.
/// </summary>
internal sealed class Lexicon
{
    public const int MaxPhraseTokens = 6;

    /// <summary>
    /// Cased, digit-folded word hash (or lowered hash ^ <see cref="LoweredClusterSalt"/>, the cluster of the word's
    /// commonest spelling, for all-capitals headlines) → (fine | mid &lt;&lt; 10 | coarse &lt;&lt; 20) + 1.
    /// </summary>
    public HashIndex Clusters { get; } = new(1 << 15);
    /// <summary>Lowered word hash → case profile (1 mostly lower, 2 mixed, 3 mostly capitalised).</summary>
    public HashIndex CaseProfile { get; } = new(1 << 15);
    /// <summary>Phrase hash (token hashes joined by <see cref="FeatureHash.Extend"/>) → bit set of <see cref="GazetteerList"/>, plus <see cref="PrefixBit"/>.</summary>
    public HashIndex Gazetteer { get; } = new(1 << 16);

    public const ulong LoweredClusterSalt = 0x5555;

    /// <summary>Set on a gazetteer entry when some longer listed phrase starts with it, so matching can stop early.</summary>
    public const int PrefixBit = 1 << 30;

    public static ulong PhraseSeed => 0x8A5CD789635D2DFFUL;

    public void Write(BinaryWriter w)
    {
        WriteIndex(w, Clusters);
        WriteIndex(w, CaseProfile);
        WriteIndex(w, Gazetteer);
    }

    public static Lexicon Read(BinaryReader r)
    {
        var lexicon = new Lexicon();
        ReadIndex(r, lexicon.Clusters);
        ReadIndex(r, lexicon.CaseProfile);
        ReadIndex(r, lexicon.Gazetteer);
        return lexicon;
    }

    // Sorted by key so that the same lexicon always writes the same bytes.
    private static void WriteIndex(BinaryWriter w, HashIndex index)
    {
        var entries = index.Entries().OrderBy(e => e.Key).ToArray();
        w.Write(entries.Length);
        foreach (var (key, value) in entries)
        {
            w.Write(key);
            w.Write(value);
        }
    }

    private static void ReadIndex(BinaryReader r, HashIndex index)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 50_000_000) throw new InvalidDataException("lexicon table size out of range");
        for (int i = 0; i < n; i++)
        {
            ulong key = r.ReadUInt64();
            index.Set(key, r.ReadInt32());
        }
    }
}
