using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Identity;

namespace NewsGraph.Core.Tests.Extractors.Entities;

public class CoreferenceStageTests
{
    private static Article Resolved(Article article)
    {
        new RoleStage().Run(article);
        new CoreferenceStage().Run(article);
        return article;
    }

    private static Article Fixture(string name) => Resolved(MarkedText.Fixture(name));

    private static void AllOne(Article a, string canonical, params string[] texts)
    {
        var ids = new HashSet<string?>();
        foreach (var text in texts)
            foreach (var m in a.Mentions(text))
            {
                Assert.Equal(canonical, m.Canonical);
                ids.Add(m.EntityId);
            }
        Assert.Single(ids);
        Assert.NotNull(ids.Single());
    }

    [Fact]
    public void Surname_only_mentions_join_the_full_name_before_them()
    {
        var a = Fixture("wire-moscow.txt");
        AllOne(a, "Dmitry Peskov", "Dmitry Peskov", "Peskov");
        AllOne(a, "Sergey Ryabkov", "Sergey Ryabkov", "Ryabkov");
        AllOne(a, "Wendy Sherman", "Wendy Sherman", "Sherman");
        Assert.Equal("person:dmitry-peskov", a.Mention("Peskov").EntityId);
    }

    [Fact]
    public void A_full_name_after_the_surname_takes_the_surname_in()
    {
        var a = Resolved(MarkedText.Parse("[[Price|PERSON]] said the talks were ongoing. State Department spokesman [[Ned Price|PERSON]] later added detail."));
        AllOne(a, "Ned Price", "Price", "Ned Price");
    }

    [Fact]
    public void Hyphen_spacing_and_one_slipped_letter_are_the_same_person()
    {
        var a = Fixture("iran-press.txt");
        AllOne(a, "Hossein Amir Abdollahian", "Hossein Amir Abdollahian", "Amir-Abdollahian", "Amir Abdollahian", "Amir Abdolalhian");
    }

    [Fact]
    public void A_dropped_letter_in_a_surname_is_the_same_person()
    {
        var a = Fixture("wire-moscow.txt");
        AllOne(a, "Maria Zakharova", "Maria Zakharova", "Zaharova");
    }

    [Fact]
    public void Forms_of_address_and_possessives_are_not_part_of_the_name()
    {
        var a = Fixture("iran-press.txt");
        AllOne(a, "Tamim bin Hamad Al Thani", "Sheikh Tamim bin Hamad Al Thani");
        // The possessive "Amir-Abdollahian's" is the same person as the other spellings.
        Assert.Equal(a.Mention("Hossein Amir Abdollahian").EntityId, a.Mentions("Amir-Abdollahian").Last().EntityId);

        var b = Fixture("westminster.txt");
        AllOne(b, "Keir Starmer", "Keir Starmer", "Mr Starmer");
        AllOne(b, "Kemi Badenoch", "Kemi Badenoch", "Mrs Badenoch");
        AllOne(b, "Rachel Reeves", "Rachel Reeves", "Ms Reeves");
    }

    [Fact]
    public void A_form_of_address_alone_before_a_given_name_is_still_dropped()
    {
        var a = Resolved(MarkedText.Parse("[[Mufti Khalid Balti|PERSON]] had no role, the group said. [[Balti|PERSON]]'s alias was widely used. [[Khalid Balti|PERSON]] was 47."));
        AllOne(a, "Khalid Balti", "Mufti Khalid Balti", "Balti", "Khalid Balti");
    }

    [Fact]
    public void An_acronym_defined_in_brackets_is_its_expansion()
    {
        var a = Fixture("westminster.txt");
        AllOne(a, "Office for Budget Responsibility", "Office for Budget Responsibility", "OBR");
        var m = Fixture("markets.txt");
        AllOne(m, "Committee to Protect Journalists", "Committee to Protect Journalists", "CPJ");
        var i = Fixture("iran-press.txt");
        AllOne(i, "Joint Comprehensive Plan of Action", "Joint Comprehensive Plan of Action", "JCPOA");
    }

    [Fact]
    public void An_acronym_without_brackets_matches_the_initials_of_a_name_in_the_article()
    {
        var a = Resolved(MarkedText.Parse("The [[Kurdistan Regional Government|ORG]] rejected the budget. The [[KRG|ORG]] said it would appeal."));
        AllOne(a, "Kurdistan Regional Government", "Kurdistan Regional Government", "KRG");
    }

    [Fact]
    public void Known_bodies_and_countries_are_one_entity_under_any_of_their_names()
    {
        var a = Fixture("wire-moscow.txt");
        AllOne(a, "North Atlantic Treaty Organization", "NATO", "North Atlantic Treaty Organization");
        AllOne(a, "Organization for Security and Cooperation in Europe", "Organisation for Security and Cooperation in Europe", "OSCE");
        AllOne(a, "United States", "United States", "U.S.", "US");
        var i = Fixture("iran-press.txt");
        AllOne(i, "Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps", "IRGC");
    }

    [Fact]
    public void Companies_are_one_entity_with_or_without_their_legal_form_and_by_their_first_word()
    {
        var a = Fixture("markets.txt");
        AllOne(a, "Vortexa Ltd", "Vortexa Ltd", "Vortexa");
        AllOne(a, "Braemar ACM Shipbroking Pte Ltd", "Braemar ACM Shipbroking Pte Ltd", "Braemar");
        var b = Resolved(MarkedText.Parse("Food banks in the [[Trussell|ORG]] network gave out 3.1 million parcels, the [[Trussell Trust|ORG]] said."));
        AllOne(b, "Trussell Trust", "Trussell", "Trussell Trust");
    }

    [Fact]
    public void Two_people_who_share_a_surname_are_never_merged()
    {
        var a = Fixture("us-family.txt");
        var joe = a.Mention("Joe Biden");
        var hunter = a.Mention("Hunter Biden");
        Assert.NotEqual(joe.EntityId, hunter.EntityId);
        Assert.Equal("Joe Biden", joe.Canonical);
        Assert.Equal("Hunter Biden", hunter.Canonical);
        Assert.All(a.Mentions("Joe Biden"), m => Assert.Equal(joe.EntityId, m.EntityId));
        Assert.All(a.Mentions("Hunter Biden"), m => Assert.Equal(hunter.EntityId, m.EntityId));
        var bare = a.Mentions("Biden");
        // "Biden said in a statement" opens a paragraph in which neither has been named yet: unresolved.
        Assert.Null(bare[0].EntityId);
        Assert.Null(bare[0].Canonical);
        // "Critics said Biden ..." stands in a paragraph naming neither: unresolved, never guessed.
        Assert.Null(bare[1].EntityId);
    }

    [Fact]
    public void A_bare_surname_is_resolved_by_the_one_person_named_in_its_paragraph()
    {
        var a = Resolved(MarkedText.Parse(
            "[[Hunter Biden|PERSON]] will go on trial in June.\n\n[[Joe Biden|PERSON]] was in [[Ohio|GPE]] on Friday. [[Biden|PERSON]] told supporters the economy was growing."));
        Assert.Equal(a.Mention("Joe Biden").EntityId, a.Mention("Biden").EntityId);
        Assert.NotEqual(a.Mention("Hunter Biden").EntityId, a.Mention("Biden").EntityId);
    }

    [Fact]
    public void Names_that_differ_by_a_changed_letter_or_a_middle_name_are_different_people()
    {
        var a = Resolved(MarkedText.Parse(
            "[[Mohammad Khatami|PERSON]] and his brother [[Mohammad Reza Khatami|PERSON]] both spoke. [[Omar Hassan|PERSON]] met [[Omar Hossan|PERSON]]."));
        Assert.NotEqual(a.Mention("Mohammad Khatami").EntityId, a.Mention("Mohammad Reza Khatami").EntityId);
        Assert.NotEqual(a.Mention("Omar Hassan").EntityId, a.Mention("Omar Hossan").EntityId);
    }

    [Fact]
    public void A_family_name_written_first_is_the_one_a_bare_name_repeats()
    {
        var a = Resolved(MarkedText.Parse("[[Chinese|NORP]] Foreign Minister [[Wang Yi|PERSON]] will visit [[Tehran|GPE]]. [[Wang|PERSON]] said ties were strong."));
        AllOne(a, "Wang Yi", "Wang Yi", "Wang");
        Assert.Equal("CHNGOV", a.Mention("Wang").Actor);
    }

    [Fact]
    public void The_name_before_a_compound_family_name_is_the_person_but_a_given_name_alone_is_not()
    {
        var a = Resolved(MarkedText.Parse(
            "[[Brazilian|NORP]] President [[Luiz Inacio Lula da Silva|PERSON]] met [[Ursula von der Leyen|PERSON]] in [[Brussels|GPE]]. " +
            "[[Lula|PERSON]] said the deal was close, and [[Ursula|PERSON]] agreed."));
        AllOne(a, "Luiz Inacio Lula da Silva", "Luiz Inacio Lula da Silva", "Lula");
        Assert.Equal("BRAGOV", a.Mention("Lula").Actor);
        Assert.NotEqual(a.Mention("Ursula von der Leyen").EntityId, a.Mention("Ursula").EntityId);
    }

    [Fact]
    public void A_named_group_the_tagger_called_a_person_is_the_group()
    {
        var a = Resolved(MarkedText.Parse("Troops killed 20 [[Boko Haram|PERSON]] militants near [[Maiduguri|GPE]]."));
        var group = a.Mention("Boko Haram");
        Assert.Equal("ORG", group.Type);
        Assert.Equal("NGAREB", group.Actor);
        Assert.Equal("NGA", group.Country);
    }

    [Fact]
    public void A_surname_the_tagger_called_an_organisation_joins_the_person()
    {
        var a = Resolved(MarkedText.Parse("[[Kremlin|ORG]] spokesman [[Dmitry Peskov|PERSON]] spoke on Tuesday. [[Peskov|ORG]] said talks would go on."));
        var slip = a.Entities[^1];
        Assert.Equal("PERSON", slip.Type);
        Assert.Equal("Dmitry Peskov", slip.Canonical);
        Assert.Equal("RUSGOV", slip.Actor);
    }

    [Fact]
    public void Each_entity_gets_one_id_and_different_entities_different_ids()
    {
        var a = Fixture("wire-moscow.txt");
        var byId = a.Entities.Where(e => e.EntityId is not null).GroupBy(e => e.EntityId!).ToDictionary(g => g.Key, g => g.Select(e => e.Canonical).Distinct().ToList());
        Assert.All(byId.Values, canonicals => Assert.Single(canonicals));
        var ids = a.Entities.Where(e => e.EntityId is not null).GroupBy(e => e.Canonical).ToDictionary(g => g.Key!, g => g.Select(e => e.EntityId).Distinct().Count());
        Assert.All(ids.Values, n => Assert.Equal(1, n));
        Assert.Contains("org:north-atlantic-treaty-organization", byId.Keys);
    }

    [Fact]
    public void Roles_found_once_are_shared_by_every_mention_of_the_person()
    {
        var a = Fixture("wire-moscow.txt");
        Assert.All(a.Mentions("Ryabkov"), m =>
        {
            Assert.Equal("deputy foreign minister", m.Role);
            Assert.Equal("RUS", m.Country);
            Assert.Equal("RUSGOV", m.Actor);
        });
    }

    [Fact]
    public void A_party_is_one_entity_under_its_nicknames_and_its_acronym()
    {
        var a = Resolved(MarkedText.Parse(
            "The [[Tories|ORG]] will back the bill, a [[Conservative Party|ORG]] source said. [[Tory|ORG]] leader [[Kemi Badenoch|PERSON]] said the [[Conservatives|ORG]] were united.\n\n" +
            "[[UKIP|ORG]] rejected it. The [[UK Independence Party|ORG]] has no MPs. The [[Liberal Democrats|ORG]] and the [[Lib Dem|ORG]] leader abstained."));
        AllOne(a, "Conservative Party", "Tories", "Conservative Party", "Tory", "Conservatives");
        AllOne(a, "UK Independence Party", "UKIP", "UK Independence Party");
        AllOne(a, "Liberal Democrats", "Liberal Democrats", "Lib Dem");
        Assert.Equal("GBRPTY", a.Mention("Kemi Badenoch").Actor);
    }

    [Fact]
    public void An_acronym_spelled_with_an_acronym_inside_matches_its_name()
    {
        var a = Resolved(MarkedText.Parse("The [[US Agency for International Development|ORG]] cut staff. [[USAID|ORG]] said programmes would continue."));
        AllOne(a, "US Agency for International Development", "US Agency for International Development", "USAID");
    }

    [Fact]
    public void A_name_without_its_place_and_a_plural_are_the_same_organisation()
    {
        var a = Resolved(MarkedText.Parse(
            "The [[Central Bank of Nigeria|ORG]] held rates. The [[Central Bank|ORG]] said inflation was easing. [[Houthi|ORG]] fighters and the [[Houthis|ORG]] both claimed it."));
        AllOne(a, "Central Bank of Nigeria", "Central Bank of Nigeria", "Central Bank");
        AllOne(a, "Houthis", "Houthi", "Houthis");
    }

    [Fact]
    public void Nations_within_a_country_are_not_the_country()
    {
        var a = Resolved(MarkedText.Parse("Waiting lists in [[Wales|GPE]] are longer than in [[England|GPE]], and the [[UK|GPE]] average hides it."));
        var ids = new[] { "Wales", "England", "UK" }.Select(n => a.Mention(n).EntityId).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(new[] { "Wales", "England", "UK" }, n => Assert.Equal("GBR", a.Mention(n).Country));
    }

    [Fact]
    public void The_bodies_of_the_union_are_not_the_union()
    {
        var a = Resolved(MarkedText.Parse("The [[European Council|ORG]] agreed that the [[EU|ORG]] would open talks; the [[European Commission|ORG]] will lead them."));
        Assert.Equal(3, new[] { "European Council", "EU", "European Commission" }.Select(n => a.Mention(n).EntityId).Distinct().Count());
        Assert.All(new[] { "European Council", "EU", "European Commission" }, n => Assert.Equal("IGOEUREEC", a.Mention(n).Actor));
    }

    [Fact]
    public void A_page_with_more_mentions_than_the_bound_resolves_the_first_ones_and_leaves_the_rest()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < CoreferenceStage.MaxMentions + 50; i++) sb.Append("[[Karim Benali").Append(i % 7 == 0 ? "" : " Jr").Append("|PERSON]] spoke. ");
        var a = Resolved(MarkedText.Parse(sb.ToString()));
        var ordered = a.Entities.OrderBy(e => e.Span.Start).ToList();
        Assert.All(ordered.Take(CoreferenceStage.MaxMentions), e => Assert.Equal("person:karim-benali", e.EntityId));
        Assert.All(ordered.Skip(CoreferenceStage.MaxMentions), e => Assert.Null(e.EntityId));
    }

    [Fact]
    public void Bodies_named_for_what_they_are_are_one_per_country()
    {
        var a = Resolved(MarkedText.Parse(
            "[[Foreign Ministry|ORG]] Spokesman [[Wang Wenbin|PERSON]] spoke. [[Turkey|GPE]]'s [[Foreign Ministry|ORG]] said [[Mevlut Cavusoglu|PERSON]] would visit. The [[Foreign Ministry|ORG]] in [[Ankara|GPE]] gave no date."));
        var ministries = a.Mentions("Foreign Ministry");
        Assert.NotEqual(ministries[0].EntityId, ministries[1].EntityId);
        Assert.Null(ministries[0].Country);
        Assert.Equal("TUR", ministries[1].Country);
        Assert.Equal("TURGOV", ministries[1].Actor);
    }

    [Fact]
    public void A_group_the_tagger_called_a_nationality_is_the_group()
    {
        var a = Resolved(MarkedText.Parse("The [[Taliban|NORP]] took [[Kabul|GPE]] in August. A [[Taliban|ORG]] spokesman denied it."));
        AllOne(a, "Taliban", "Taliban");
        Assert.All(a.Mentions("Taliban"), m => Assert.Equal("AFGREB", m.Actor));
    }

    [Fact]
    public void An_article_without_mentions_or_with_empty_ones_is_left_alone()
    {
        var empty = Resolved(MarkedText.Parse("No names here at all."));
        Assert.Empty(empty.Entities);
        var odd = Resolved(MarkedText.Parse("A stray [['s|PERSON]] and [[–|ORG]] from a bad tagger."));
        Assert.All(odd.Entities, e => Assert.Null(e.EntityId));
    }
}
