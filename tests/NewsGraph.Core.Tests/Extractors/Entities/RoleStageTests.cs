using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Identity;

namespace NewsGraph.Core.Tests.Extractors.Entities;

public class RoleStageTests
{
    private static Article Roles(string marked)
    {
        var a = MarkedText.Parse(marked);
        new RoleStage().Run(a);
        return a;
    }

    private static void Is(EntityMention m, string? role, string? country, string? actor)
    {
        Assert.Equal(role, m.Role);
        Assert.Equal(country, m.Country);
        Assert.Equal(actor, m.Actor);
    }

    [Theory]
    [InlineData("But [[Jane Doyle|PERSON]], a prospective [[Labour|ORG]] MP, said she was confident.", "Jane Doyle")]
    [InlineData("Prospective MP [[Tom Archer|PERSON]] toured the market.", "Tom Archer")]
    public void A_role_sought_is_not_held(string marked, string name)
    {
        var m = Roles(marked).Mention(name);
        Assert.NotNull(m.Role);
        Assert.True(m.Actor is null || !m.Actor.EndsWith("LEG") && !m.Actor.EndsWith("GOV"), m.Actor);
    }

    [Fact]
    public void The_same_role_held_keeps_its_agent()
    {
        var m = Roles("MP [[Tom Archer|PERSON]] toured the market.").Mention("Tom Archer");
        Assert.EndsWith("LEG", m.Actor);
    }

    [Theory]
    [InlineData("[[Kremlin|ORG]] spokesman [[Dmitry Peskov|PERSON]] said on Tuesday.", "Dmitry Peskov", "spokesman", "RUS", "RUSGOV")]
    [InlineData("[[Russia|GPE]]'s Deputy Foreign Minister [[Sergey Ryabkov|PERSON]] warned of a response.", "Sergey Ryabkov", "deputy foreign minister", "RUS", "RUSGOV")]
    [InlineData("In a meeting with [[Cuba|GPE]]’s President [[Miguel Diaz-Canel|PERSON]], he spoke.", "Miguel Diaz-Canel", "president", "CUB", "CUBGOV")]
    [InlineData("[[Iranian|NORP]] Foreign Minister [[Hossein Amir Abdollahian|PERSON]] will visit.", "Hossein Amir Abdollahian", "foreign minister", "IRN", "IRNGOV")]
    [InlineData("[[Chinese|NORP]] State Councilor and Foreign Minister [[Wang Yi|PERSON]] said.", "Wang Yi", "state councilor and foreign minister", "CHN", "CHNGOV")]
    [InlineData("[[NATO|ORG]] Secretary General [[Jens Stoltenberg|PERSON]] said allies were ready.", "Jens Stoltenberg", "secretary general", null, "IGOWSTNAT")]
    [InlineData("[[EU|ORG]] foreign policy chief [[Josep Borrell|PERSON]] said the bloc was ready.", "Josep Borrell", "foreign policy chief", null, "IGOEUREEC")]
    [InlineData("[[White House|ORG]] Press Secretary [[Jen Psaki|PERSON]] took questions.", "Jen Psaki", "press secretary", "USA", "USAGOV")]
    [InlineData("[[US|GPE]] Deputy Secretary of State [[Wendy Sherman|PERSON]] told reporters.", "Wendy Sherman", "deputy secretary of state", "USA", "USAGOV")]
    [InlineData("Russian Foreign Ministry spokeswoman [[Maria Zakharova|PERSON]] said.", "Maria Zakharova", "foreign ministry spokeswoman", "RUS", "RUSGOV")]
    [InlineData("[[Iran|GPE]]'s top nuclear negotiator [[Ali Bagheri Kani|PERSON]] arrived.", "Ali Bagheri Kani", "top nuclear negotiator", "IRN", "IRNGOV")]
    [InlineData("Former President [[Donald Trump|PERSON]] spoke in Ohio.", "Donald Trump", "former president", null, "ELI")]
    public void A_title_before_the_name_gives_role_country_and_actor(string marked, string name, string role, string? country, string actor)
    {
        var a = Roles(marked);
        Is(a.Mention(name), role, country, actor);
    }

    [Theory]
    [InlineData("An [[Afghan|NORP]] army spokesman, Col [[Ahmad Khan|PERSON]], denied it.", "Ahmad Khan", "AFGMIL")]
    [InlineData("[[Pakistani|NORP]] police chief [[Imran Shah|PERSON]] said five were held.", "Imran Shah", "PAKCOP")]
    [InlineData("[[Syrian|NORP]] rebel commander [[Abu Omar|PERSON]] said.", "Abu Omar", "SYRREB")]
    [InlineData("[[Venezuelan|NORP]] opposition leader [[Maria Lopez|PERSON]] called for protests.", "Maria Lopez", "VENOPP")]
    [InlineData("[[Kenyan|NORP]] judge [[Grace Wanjiru|PERSON]] threw out the case.", "Grace Wanjiru", "KENJUD")]
    [InlineData("[[Japanese|NORP]] chief executive [[Kenji Sato|PERSON]] said profits fell.", "Kenji Sato", "JPNBUS")]
    [InlineData("[[Finnish|NORP]] union secretary [[Liisa Korhonen|PERSON]] called a strike.", "Liisa Korhonen", "FINLAB")]
    [InlineData("[[Polish|NORP]] council leader [[Tomasz Nowak|PERSON]] backed the plan.", "Tomasz Nowak", "POLGOV")]
    [InlineData("[[Takeshi Iwaya|PERSON]] met his [[South Korean|NORP]] counterpart [[Cho Tae-yul|PERSON]] in Seoul.", "Cho Tae-yul", "KORGOV")]
    public void The_role_word_decides_the_agent(string marked, string name, string actor) =>
        Assert.Equal(actor, Roles(marked).Mention(name).Actor);

    [Fact]
    public void An_apposition_after_the_name_gives_the_role_and_whom_it_serves()
    {
        var a = Roles("[[Mohsen Rezaei|PERSON]], secretary of the [[Expediency Council|ORG]], met the [[Cuban|NORP]] leader.");
        Is(a.Mention("Mohsen Rezaei"), "secretary", "IRN", "IRNGOV");
        var b = Roles("In a meeting with [[Ismail Haniyeh|PERSON]], head of the political bureau of [[Palestinian|NORP]] resistance movement [[Hamas|ORG]] in [[Qatar|GPE]], he spoke.");
        Is(b.Mention("Ismail Haniyeh"), "head", "PSE", "PSEREBHMS");
        var c = Roles("\"It was a surge,\" said [[Anoop Singh|PERSON]], head of tanker research at [[Braemar ACM Shipbroking Pte Ltd|ORG]].");
        Assert.Equal("BUS", c.Mention("Anoop Singh").Actor);
        var d = Roles("[[Yuntao Liu|PERSON]], an analyst at [[Energy Aspects|ORG]] in [[London|GPE]], said so.");
        // Where someone works is not whose they are: London gives no country.
        Is(d.Mention("Yuntao Liu"), "analyst", null, "BUS");
    }

    [Fact]
    public void A_fronted_apposition_with_its_determiner_gives_the_role()
    {
        var a = Roles("He met the [[Iranian|NORP]] foreign minister, [[Hossein Amir Abdollahian|PERSON]], in Doha.");
        Is(a.Mention("Hossein Amir Abdollahian"), "foreign minister", "IRN", "IRNGOV");
    }

    [Fact]
    public void A_country_joined_by_and_is_not_the_title_of_the_next_name()
    {
        var a = Roles("Talks between [[Iran|GPE]] and Foreign Minister [[Ahmed Saleh|PERSON]] continued.");
        Assert.Equal("foreign minister", a.Mention("Ahmed Saleh").Role);
        Assert.Null(a.Mention("Ahmed Saleh").Country);
    }

    [Fact]
    public void A_title_the_tagger_took_into_the_name_still_counts()
    {
        var a = Roles("[[Kremlin spokesman Dmitry Peskov|PERSON]] said. [[President Joe Biden|PERSON]] replied.");
        Is(a.Mention("Kremlin spokesman Dmitry Peskov"), "spokesman", "RUS", "RUSGOV");
        Assert.Equal("president", a.Mention("President Joe Biden").Role);
    }

    [Theory]
    [InlineData("The Trade and Industry Secretary [[Patricia Hewitt|PERSON]] announced it.", "Patricia Hewitt", "GOV")]
    [InlineData("Treasurer [[Peter Costello|PERSON]] said the economy was strong.", "Peter Costello", "GOV")]
    [InlineData("Shadow Home Secretary [[David Davis|PERSON]] objected.", "David Davis", "OPP")]
    [InlineData("The Shadow Secretary of State for the Family, [[Theresa May|PERSON]], said so.", "Theresa May", "OPP")]
    public void A_title_that_names_no_one_still_has_its_usual_agent(string marked, string name, string agent) =>
        Assert.Equal(agent, EntityNamesAgent(Roles(marked).Mention(name).Actor));

    private static string? EntityNamesAgent(string? actor) => EntityNames.AgentOf(actor);

    [Fact]
    public void A_title_opening_its_sentence_before_a_comma_is_the_name_s()
    {
        var a = Roles("[[Scottish|NORP]] Finance Minister, [[Tom McCabe|PERSON]] MSP, said councils must restrain rises.");
        Is(a.Mention("Tom McCabe"), "finance minister", "GBR", "GBRGOV");
    }

    [Fact]
    public void What_a_title_is_for_stays_in_the_role()
    {
        var a = Roles("[[Liberal Democrat|ORG]] spokeswoman for women [[Sandra Gidley|PERSON]] said so.");
        Assert.Equal("spokeswoman for women", a.Mention("Sandra Gidley").Role);
        Assert.Equal("GBRPTY", a.Mention("Sandra Gidley").Actor);
    }

    [Theory]
    [InlineData("Traders ignored the effects in [[Asia|LOC]].", "Asia")]
    [InlineData("Peace in the [[Middle East|LOC]] is the aim.", "Middle East")]
    public void Regions_of_several_countries_have_no_country(string marked, string text) =>
        Is(Roles(marked).Mention(text), null, null, null);

    [Fact]
    public void A_preposition_before_a_title_is_not_part_of_it()
    {
        var a = Roles("Under President [[Donald Trump|PERSON]], the US pulled out.");
        Assert.Equal("president", a.Mention("Donald Trump").Role);
    }

    [Fact]
    public void A_body_s_kind_is_read_from_the_end_of_its_name()
    {
        var a = Roles("They might revive the [[Intermediate Nuclear Forces Treaty|ORG]]. The [[Pakistani military|ORG]] denied it.");
        Is(a.Mention("Intermediate Nuclear Forces Treaty"), null, null, null);
        Assert.Equal("PAKMIL", a.Mention("Pakistani military").Actor);
    }

    [Fact]
    public void Words_that_are_not_titles_give_nothing()
    {
        var a = Roles("Officials said on Tuesday that [[Khalid Balti|PERSON]], also known by another name, was killed.");
        Is(a.Mention("Khalid Balti"), null, null, null);
    }

    [Theory]
    [InlineData("[[Iranian|NORP]] officials met.", "Iranian", "IRN")]
    [InlineData("[[Qatari|NORP]] mediators flew in.", "Qatari", "QAT")]
    [InlineData("[[Britons|NORP]] are worse off.", "Britons", "GBR")]
    [InlineData("[[Saudis|NORP]] welcomed it.", "Saudis", "SAU")]
    [InlineData("A [[Dutch|NORP]] court ruled.", "Dutch", "NLD")]
    [InlineData("The [[Iranian|MISC]] side agreed.", "Iranian", "IRN")]
    public void Demonyms_are_their_countries(string marked, string text, string country)
    {
        var m = Roles(marked).Mention(text);
        Is(m, null, country, country);
    }

    [Theory]
    [InlineData("[[Tehran|GPE]] said it would respond.", "Tehran", "IRN", "IRNGOV")]
    [InlineData("The [[Kremlin|ORG]] said it was not optimistic.", "Kremlin", "RUS", "RUSGOV")]
    [InlineData("The [[White House|ORG]] declined to comment.", "White House", "USA", "USAGOV")]
    [InlineData("[[Downing Street|LOC]] said the prime minister was confident.", "Downing Street", "GBR", "GBRGOV")]
    [InlineData("It criticised [[Washington|GPE]]'s withdrawal from the deal.", "Washington", "USA", "USAGOV")]
    [InlineData("[[Moscow|GPE]] and Washington gave no sign of progress.", "Moscow", "RUS", "RUSGOV")]
    [InlineData("[[Beijing|GPE]] has not commented.", "Beijing", "CHN", "CHNGOV")]
    [InlineData("The [[Pentagon|ORG]] sent more troops.", "Pentagon", "USA", "USAMIL")]
    [InlineData("[[Tehran|GPE]]-Havana cooperation grew.", "Tehran", "IRN", "IRNGOV")]
    [InlineData("Neighbours come first in [[Tehran|GPE]]'s foreign policy.", "Tehran", "IRN", "IRNGOV")]
    public void Capitals_and_seats_of_government_stand_for_their_governments(string marked, string text, string country, string actor)
    {
        var m = Roles(marked).Mention(text);
        Assert.Equal(country, m.Country);
        Assert.Equal(actor, m.Actor);
    }

    [Theory]
    [InlineData("Talks resumed in [[Vienna|GPE]] on Thursday.", "Vienna", "AUT")]
    [InlineData("He will visit [[Beijing|GPE]] next week.", "Beijing", "CHN")]
    [InlineData("They discussed the [[Vienna|GPE]] talks.", "Vienna", "AUT")]
    [InlineData("Protests spread across [[Tehran|GPE]] province.", "Tehran", "IRN")]
    [InlineData("Talks were held in [[Geneva|GPE]].", "Geneva", "CHE")]
    [InlineData("Fighting near [[Nangarhar|GPE]] continued.", "Nangarhar", "AFG")]
    [InlineData("[[DHAKA|GPE]], Nov 28 - Police arrested 45 activists.", "DHAKA", "BGD")]
    [InlineData("Weather warning.\n\n[[WASHINGTON|GPE]] (AP) — The Senate passed the bill.", "WASHINGTON", "USA")]
    public void A_capital_or_city_used_as_a_place_is_only_a_place(string marked, string text, string country)
    {
        var m = Roles(marked).Mention(text);
        Assert.Equal(country, m.Country);
        Assert.Null(m.Actor);
    }

    [Theory]
    [InlineData("The [[United States|GPE]] objected.", "United States", "USA")]
    [InlineData("The [[U.S.|GPE]] objected.", "U.S.", "USA")]
    [InlineData("[[Britain|GPE]] objected.", "Britain", "GBR")]
    [InlineData("[[Palestine|GPE]] objected.", "Palestine", "PSE")]
    [InlineData("The [[Islamic Republic of Iran|GPE]] objected.", "Islamic Republic of Iran", "IRN")]
    public void Countries_by_any_of_their_names(string marked, string text, string country)
    {
        var m = Roles(marked).Mention(text);
        Is(m, null, country, country);
    }

    [Theory]
    [InlineData("[[Iran|GPE]]'s [[Health Ministry|ORG]] logged 1,961 cases.", "Health Ministry", "IRN", "IRNGOV")]
    [InlineData("The [[Russian Foreign Ministry|ORG]] issued a note.", "Russian Foreign Ministry", "RUS", "RUSGOV")]
    [InlineData("[[Iran's Health Ministry|ORG]] logged 1,961 cases.", "Iran's Health Ministry", "IRN", "IRNGOV")]
    [InlineData("The [[United Nations Children's Fund|ORG]] appealed.", "United Nations Children's Fund", null, "IGOUNOKID")]
    [InlineData("[[Vortexa Ltd|ORG]] tracks tankers.", "Vortexa Ltd", null, "BUS")]
    [InlineData("The [[Pakistani|NORP]] [[Taliban|ORG]] announced an inquiry.", "Taliban", "PAK", "PAKREB")]
    [InlineData("[[Hamas|ORG]] rejected the offer.", "Hamas", "PSE", "PSEREBHMS")]
    [InlineData("The [[IAEA|ORG]] reported.", "IAEA", null, "IGOUNOIAE")]
    [InlineData("The [[OPEC|ORG]] meeting was delayed.", "OPEC", null, "IGOOPC")]
    public void Organisations_by_what_they_are_and_the_country_in_front(string marked, string text, string? country, string actor)
    {
        var m = Roles(marked).Mention(text);
        Assert.Equal(country, m.Country);
        Assert.Equal(actor, m.Actor);
    }
}
