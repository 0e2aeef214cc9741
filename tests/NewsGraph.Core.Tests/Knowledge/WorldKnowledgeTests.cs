using NewsGraph.Core.Knowledge;
using NewsGraph.Core.Knowledge.Building;

namespace NewsGraph.Core.Tests.Knowledge;

public class WorldKnowledgeTests
{
    private static readonly WorldKnowledge K = WorldKnowledge.Shared;

    [Fact]
    public void Every_country_has_both_iso_codes_and_a_name()
    {
        Assert.True(K.CountryCount >= 249, $"only {K.CountryCount} countries loaded");
        var iran = K.CountryByCode("IRN")!;
        Assert.Equal("IR", iran.Alpha2);
        Assert.Equal("Iran", iran.Name);
        Assert.Same(iran, K.CountryByCode("ir"));
        // The GeoNames row for IL names the wrong country; the hand-written table corrects it.
        Assert.Equal("Israel", K.CountryByCode("ISR")!.Name);
    }

    [Theory]
    [InlineData("Iran", "IRN")]
    [InlineData("Islamic Republic of Iran", "IRN")]
    [InlineData("the US", "USA")]
    [InlineData("U.S.", "USA")]
    [InlineData("America", "USA")]
    [InlineData("Britain", "GBR")]
    [InlineData("Russian Federation", "RUS")]
    [InlineData("Ivory Coast", "CIV")]
    [InlineData("Burma", "MMR")]
    [InlineData("South Korea", "KOR")]
    [InlineData("North Korea", "PRK")]
    public void Countries_by_their_names(string name, string alpha3) => Assert.Equal(alpha3, K.CountryByName(NameKey.Of(name))?.Alpha3);

    [Theory]
    [InlineData("Iranian", "IRN")]
    [InlineData("Qatari", "QAT")]
    [InlineData("Qataris", "QAT")]
    [InlineData("British", "GBR")]
    [InlineData("Filipino", "PHL")]
    [InlineData("Dutch", "NLD")]          // not Bonaire, which also says Dutch: the more populous wins
    [InlineData("American", "USA")]       // not the Northern Mariana Islands
    [InlineData("Dominican", "DOM")]
    public void Demonyms_by_their_countries(string demonym, string alpha3) => Assert.Equal(alpha3, K.CountryByDemonym(NameKey.Of(demonym))?.Alpha3);

    [Theory]
    [InlineData("Kremlin", "RUS", "GOV", InstitutionKind.Seat)]
    [InlineData("the White House", "USA", "GOV", InstitutionKind.Seat)]
    [InlineData("Downing Street", "GBR", "GOV", InstitutionKind.Seat)]
    [InlineData("Pentagon", "USA", "MIL", InstitutionKind.Body)]
    [InlineData("Tehran", "IRN", "GOV", InstitutionKind.Capital)]
    [InlineData("Beijing", "CHN", "GOV", InstitutionKind.Capital)]
    [InlineData("Washington", "USA", "GOV", InstitutionKind.Capital)]
    [InlineData("Kiev", "UKR", "GOV", InstitutionKind.Capital)]
    public void Seats_of_government_bodies_and_capitals(string name, string alpha3, string agent, InstitutionKind kind)
    {
        var inst = K.Institution(NameKey.Of(name))!;
        Assert.Equal(alpha3, inst.Country.Alpha3);
        Assert.Equal(agent, inst.Agent);
        Assert.Equal(kind, inst.Kind);
    }

    [Fact]
    public void A_territory_capital_is_not_taken_for_a_government()
    {
        // Hamilton is Bermuda's capital, and far more often a person or a Canadian city.
        Assert.Null(K.Institution("hamilton"));
    }

    [Theory]
    [InlineData("NATO", "IGOWSTNAT", "North Atlantic Treaty Organization")]
    [InlineData("North Atlantic Treaty Organisation", "IGOWSTNAT", "North Atlantic Treaty Organization")]
    [InlineData("OSCE", "IGO", "Organization for Security and Cooperation in Europe")]
    [InlineData("U.N.", "IGOUNO", "United Nations")]
    [InlineData("IAEA", "IGOUNOIAE", "International Atomic Energy Agency")]
    [InlineData("OPEC", "IGOOPC", "Organization of the Petroleum Exporting Countries")]
    [InlineData("Daesh", "IMGMUSISI", "Islamic State")]
    public void International_bodies_by_name_and_acronym(string name, string code, string canonical)
    {
        var org = K.Organisation(NameKey.Of(name))!;
        Assert.Equal(code, org.Code);
        Assert.Equal(canonical, org.Name);
        Assert.True(org.Curated);
    }

    [Fact]
    public void Phoenix_organisations_fill_in_what_the_hand_written_table_lacks()
    {
        var boko = K.Organisation("boko haram")!;
        Assert.Equal("NGAREB", boko.Code);
        Assert.Equal("NGA", boko.Country?.Alpha3);
        var company = K.Organisation("cabot corporation");
        Assert.Equal("USA", company?.Country?.Alpha3);   // MNCUSA: a multinational's country follows MNC
    }

    [Theory]
    [InlineData("president", "GOV")]
    [InlineData("foreign minister", "GOV")]
    [InlineData("ministers", "GOV")]
    [InlineData("troops", "MIL")]
    [InlineData("general", "MIL")]
    [InlineData("police", "COP")]
    [InlineData("rebels", "REB")]
    [InlineData("opposition", "OPP")]
    [InlineData("judge", "JUD")]
    [InlineData("ceo", "BUS")]
    [InlineData("spokesman", "*")]
    [InlineData("spokespeople", "*")]
    [InlineData("herdsman", "AGR")]   // from Phoenix.agents.txt, not the hand-written titles
    public void Role_words_map_to_cameo_agents(string phrase, string agent) => Assert.Equal(agent, K.Role(phrase)?.Agent);

    [Fact]
    public void Forms_of_address_and_family_names_first()
    {
        Assert.True(K.IsHonorific("sheikh"));
        Assert.True(K.IsHonorific("mufti"));
        Assert.True(K.IsHonorific("dr"));
        Assert.False(K.IsHonorific("president"));
        Assert.True(K.IsFamilyNameFirst("wang"));
        Assert.False(K.IsFamilyNameFirst("biden"));
    }

    [Fact]
    public void Cities_and_regions_give_their_country_and_the_most_populous_wins()
    {
        Assert.Equal("CHE", K.Place("geneva")?.Country.Alpha3);   // not Geneva, Illinois
        Assert.Equal("DEU", K.Place("munich")?.Country.Alpha3);
        Assert.Equal("AFG", K.Place("helmand")?.Country.Alpha3);  // a province, from the Phoenix country entries
    }

    [Fact]
    public void A_table_missing_from_the_build_is_an_error_not_an_empty_world()
    {
        var e = Assert.Throws<InvalidOperationException>(() => WorldKnowledge.Load(_ => null));
        Assert.Contains("missing", e.Message);
        var empty = Assert.Throws<InvalidOperationException>(() => WorldKnowledge.Load(_ => new StringReader("# only a comment\n")));
        Assert.Contains("no rows", empty.Message);
    }

    [Fact]
    public void The_shipped_generated_tables_are_what_train_knowledge_builds_from_the_shared_data()
    {
        if (TestPaths.Shared is not { } shared) return;   // the data sets are not on this machine
        var output = TestPaths.TempDirectory();
        try
        {
            KnowledgeBuilder.Build(Path.Combine(shared, "data"), output);
            var shipped = Path.Combine(TestPaths.RepoRoot, "src", "NewsGraph.Core", "Knowledge", "Data");
            foreach (var table in new[] { "countries.tsv", "places.tsv", "organisations.tsv", "agents.tsv" })
                Assert.True(File.ReadAllText(Path.Combine(shipped, table)) == File.ReadAllText(Path.Combine(output, table)),
                    $"{table} differs from what 'newsgraph train knowledge' builds: rebuild it");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
