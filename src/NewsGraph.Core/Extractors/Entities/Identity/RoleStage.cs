using NewsGraph.Core.Documents;
using NewsGraph.Core.Knowledge;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// Sets each mention's <see cref="EntityMention.Country"/>, <see cref="EntityMention.Role"/> and
/// <see cref="EntityMention.Actor"/> from what the mention is and what stands around it:
/// <list type="bullet">
/// <item>countries (Iran: IRN), demonyms (Iranian: IRN), cities and regions (their country);</item>
/// <item>seats of government and national bodies (the Kremlin: RUSGOV, the Pentagon: USAMIL), and
/// capitals used for their governments (Tehran said: IRNGOV; in Tehran: the place);</item>
/// <item>international bodies and named groups (NATO: IGOWSTNAT, Hamas: PSEREBHMS), companies by
/// their legal form (BUS), organisations by a country word in front ("Iran's Health Ministry");</item>
/// <item>people by their titles and appositions (see <see cref="RoleFinder"/>).</item>
/// </list>
/// Runs after the tagger ("entities"); the coreference stage then shares these across each entity's mentions.
/// </summary>
public sealed class RoleStage : IStage
{
    private readonly Lazy<(WorldKnowledge Knowledge, RoleFinder Roles)> _resources;

    /// <summary>With the shipped knowledge tables, loaded when the first article with entities arrives.</summary>
    public RoleStage() : this(() => WorldKnowledge.Shared) { }

    public RoleStage(WorldKnowledge knowledge) : this(() => knowledge) { }

    private RoleStage(Func<WorldKnowledge> knowledge) =>
        _resources = new(() => { var k = knowledge(); return (k, new RoleFinder(k)); }, LazyThreadSafetyMode.ExecutionAndPublication);

    private WorldKnowledge Knowledge => _resources.Value.Knowledge;
    private RoleFinder Roles => _resources.Value.Roles;

    public string Name => "roles";

    public void Run(Article article)
    {
        if (article.Entities.Count == 0) return;
        var index = new ArticleIndex(article);
        for (int i = 0; i < article.Entities.Count; i++)
        {
            var mention = article.Entities[i];
            var name = MentionName.Parse(article, mention, Knowledge);
            if (name.IsEmpty) continue;
            switch (mention.Type)
            {
                case EntityTypes.Person when Knowledge.Organisation(name.Key) is { Curated: true }:
                    // The tagger read a named group as a person ("Boko Haram", "Hezbollah"): the
                    // hand-written table of bodies knows better.
                    article.Entities[i] = mention = mention with { Type = EntityTypes.Organisation };
                    Organisation(index, i, mention, name);
                    break;
                case EntityTypes.Person:
                    if (Roles.ForPerson(index, i, name) is { } found)
                    {
                        mention.Role = found.Role;
                        mention.Country = found.Country?.Alpha3;
                        mention.Actor = found.Actor;
                    }
                    break;
                case EntityTypes.GeoPolitical or EntityTypes.Location:
                    Place(index, mention, name);
                    break;
                case EntityTypes.Group:
                    Group(mention, name);
                    break;
                default:
                    Organisation(index, i, mention, name);
                    break;
            }
        }
    }

    private void Place(ArticleIndex index, EntityMention mention, MentionName name)
    {
        var key = name.Key;
        if (Knowledge.CountryByName(key) is { } country)
        {
            Set(mention, country, null, country.Alpha3);
            return;
        }
        if (Knowledge.Institution(key) is { } inst)
        {
            var (first, last) = index.TokenRange(mention.Span);
            if (inst.Kind != InstitutionKind.Capital || (first >= 0 && Metonymy.StandsForGovernment(index, first, last)))
                Set(mention, inst.Country, AgentNames.Of(inst.Agent), inst.Actor);
            else Set(mention, inst.Country, null, null);
            return;
        }
        if (Knowledge.Organisation(key) is { Curated: true } org)
        {
            Set(mention, org.Country, null, org.Code);
            return;
        }
        if (Knowledge.CountryByDemonym(key) is { } people)
        {
            Set(mention, people, null, people.Alpha3);
            return;
        }
        if (Knowledge.Place(key) is { } place) Set(mention, place.Country, null, null);
    }

    private void Group(EntityMention mention, MentionName name)
    {
        var key = name.Key;
        var country = Knowledge.CountryByDemonym(key) ?? Knowledge.CountryByName(key);
        if (country is not null)
        {
            Set(mention, country, null, country.Alpha3);
            return;
        }
        // Religions and political groups: "Shia", "Muslims", "Islamists" have agent codes of their own;
        // parties and named groups the tagger called NORP ("the Tories", "the Taliban") are their bodies.
        if (Knowledge.Institution(key) is { Kind: not InstitutionKind.Capital } party) Set(mention, party.Country, AgentNames.Of(party.Agent), party.Actor);
        else if (Knowledge.Organisation(key) is { Curated: true } group) Set(mention, group.Country, null, group.Code);
        else if (Knowledge.Role(key) is { TakesAgentOfEmployer: false } role) mention.Actor = role.Agent;
        else if (Knowledge.Organisation(key) is { } org) Set(mention, org.Country, null, org.Code);
    }

    private void Organisation(ArticleIndex index, int mentionIndex, EntityMention mention, MentionName name)
    {
        var key = name.Key;
        var nation = Roles.CountryBefore(index, mentionIndex) ?? name.Designators.FirstOrDefault(d => d.Organisation is null)?.Country;
        if (mention.Type == EntityTypes.Miscellaneous)
        {
            // CoNLL-style taggers call demonyms MISC ("Iranian"); other MISC names are no actors.
            if (Knowledge.CountryByDemonym(key) is { } people) Set(mention, people, null, people.Alpha3);
            return;
        }
        var designator = Designator.Of(key, EntityTypes.Organisation, Knowledge);
        if (designator is null)
        {
            if (Knowledge.CountryByName(key) is { } country) Set(mention, country, null, country.Alpha3);
            else if (nation is not null) Set(mention, nation, null, nation.Alpha3);
            return;
        }
        if (designator.Organisation is { } org)
        {
            // A country word in front moves a national group: "the Pakistani Taliban" is PAK + REB.
            if (nation is not null && org.Country is not null && org.Country != nation)
                Set(mention, nation, null, nation.Alpha3 + org.Code[3..]);
            else Set(mention, org.Country, null, org.Code);
            return;
        }
        if (designator.Institution is { } inst)
        {
            Set(mention, inst.Country, AgentNames.Of(inst.Agent), inst.Actor);
            return;
        }
        var home = designator.Country ?? nation;
        var agent = designator.Agent;
        Set(mention, home, agent is null ? null : AgentNames.Of(agent), home is null ? agent : home.Alpha3 + (agent ?? ""));
    }

    private static void Set(EntityMention mention, Country? country, string? role, string? actor)
    {
        mention.Country = country?.Alpha3;
        mention.Role = role;
        mention.Actor = actor;
    }
}

/// <summary>Plain words for CAMEO agent codes, for the role of a body or a capital standing for its government.</summary>
public static class AgentNames
{
    public static string? Of(string agent) => (agent.Length >= 3 ? agent[..3] : agent) switch
    {
        "GOV" => "government",
        "MIL" => "military",
        "LEG" => "legislature",
        "JUD" => "judiciary",
        "COP" => "police",
        "SPY" => "intelligence",
        "REB" => "rebels",
        "OPP" => "opposition",
        "BUS" => "business",
        "MED" => "media",
        "EDU" => "education",
        "HLH" => "health",
        "REL" => "religious",
        "PTY" => "party",
        "ELI" => "elite",
        "CVL" => "civilians",
        "LAB" => "labour",
        "REF" => "refugees",
        "AGR" => "agriculture",
        "ENV" => "environment",
        "HRI" => "human rights",
        "DEV" => "development",
        _ => null,
    };
}
