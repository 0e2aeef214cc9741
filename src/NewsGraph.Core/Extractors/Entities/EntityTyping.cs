using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Extractors.Entities;

/// <summary>
/// From the tagger's CoNLL types to NewsGraph's: PER → PERSON, ORG → ORG; LOC → GPE or LOC;
/// MISC → NORP or MISC. The split is deterministic and uses the gazetteers inside the model:
/// <list type="bullet">
/// <item>LOC is GPE when the whole name is a country, capital, city or state (GeoNames, Phoenix
/// country names, <see cref="PlaceWords.States"/>) and not a listed region; it is LOC when it is a
/// listed region (<see cref="PlaceWords.Regions"/>) or ends in a geographic head word ("Lake",
/// "Sea", "Airport", "Street" ...); any other place name is GPE, because unlisted place names in
/// news are mostly towns, districts and provinces.</item>
/// <item>MISC is NORP when the name, or every word of it ("Bosnian Serb"), is a nationality or a
/// religious, political or ethnic group; otherwise MISC (events, works, products, laws).</item>
/// </list>
/// Mapping back for CoNLL scoring: PERSON → PER, GPE and LOC → LOC, NORP and MISC → MISC.
/// </summary>
public static class EntityTyping
{
    public const string Person = "PERSON", Organisation = "ORG", PoliticalPlace = "GPE", Place = "LOC", Group = "NORP", Other = "MISC";

    private const int PolityLists = (1 << (int)GazetteerList.Country) | (1 << (int)GazetteerList.Capital) | (1 << (int)GazetteerList.MetropolisCity)
        | (1 << (int)GazetteerList.LargeCity) | (1 << (int)GazetteerList.Town) | (1 << (int)GazetteerList.State) | (1 << (int)GazetteerList.CityAlias)
        | (1 << (int)GazetteerList.CountrySynonym);
    private const int RegionLists = 1 << (int)GazetteerList.Region;
    private const int GroupLists = (1 << (int)GazetteerList.Nationality) | (1 << (int)GazetteerList.Group);

    private static readonly HashSet<ulong> GeographicHeads = PlaceWords.GeographicHeads.Select(w => FeatureHash.Lowered(w)).ToHashSet();

    /// <summary>The CoNLL type NewsGraph's <paramref name="type"/> is scored as.</summary>
    public static string ToConll(string type) => type switch
    {
        Person => "PER",
        PoliticalPlace or Place => "LOC",
        Group or Other => "MISC",
        _ => type,
    };

    /// <summary>NewsGraph's type for a name the tagger called <paramref name="conllType"/>; words are the name's tokens.</summary>
    internal static string FromConll(string conllType, Lexicon lexicon, ReadOnlySpan<ulong> loweredWords)
    {
        switch (conllType)
        {
            case "PER": return Person;
            case "LOC":
            {
                int bits = Lookup(lexicon, loweredWords);
                if ((bits & RegionLists) != 0) return Place;
                if ((bits & PolityLists) != 0) return PoliticalPlace;
                if (loweredWords.Length > 1 && (GeographicHeads.Contains(loweredWords[^1]) || GeographicHeads.Contains(loweredWords[0]))) return Place;
                return PoliticalPlace;
            }
            case "MISC":
            {
                if ((Lookup(lexicon, loweredWords) & GroupLists) != 0) return Group;
                bool all = loweredWords.Length > 1;
                foreach (var w in loweredWords)
                    if ((Lookup(lexicon, [w]) & GroupLists) == 0) { all = false; break; }
                return all ? Group : Other;
            }
            default: return conllType;
        }
    }

    private static int Lookup(Lexicon lexicon, ReadOnlySpan<ulong> words)
    {
        if (words.Length == 0 || words.Length > Lexicon.MaxPhraseTokens) return 0;
        ulong h = Lexicon.PhraseSeed;
        foreach (var w in words) h = FeatureHash.Extend(h, w);
        return lexicon.Gazetteer.GetOrDefault(h, 0) & ~Lexicon.PrefixBit;
    }
}
