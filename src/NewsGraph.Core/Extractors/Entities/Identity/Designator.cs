using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// Whom a name or word stands for when it qualifies someone else ("Russia's", "Iranian",
/// "Kremlin", "NATO", "Foreign Ministry"): a country, an institution, an international body
/// or group, and the agent its own words carry ("ministry" is government, "army" military).
/// </summary>
internal sealed record Designator(Country? Country, Institution? Institution, Organisation? Organisation, string? Agent)
{
    /// <summary>Knowledge of a name by its key words; null when the name says nothing about anyone's country or body.</summary>
    public static Designator? Of(string key, string type, WorldKnowledge k)
    {
        if (key.Length == 0) return null;
        bool person = type == EntityTypes.Person;
        if (person) return null;
        // Hand-written bodies and institutions before the Phoenix table, whose synonym lists are broad.
        var org = k.Organisation(key);
        if (org is { Curated: true }) return new Designator(org.Country, null, org, null);
        if (k.Institution(key) is { } inst)
            return new Designator(inst.Country, inst, null, inst.Agent);
        if (org is not null && type is EntityTypes.Organisation or EntityTypes.Miscellaneous)
            return new Designator(org.Country, null, org, null);
        if (k.CountryByName(key) is { } country) return new Designator(country, null, null, null);
        if (k.CountryByDemonym(key) is { } people) return new Designator(people, null, null, null);
        if (EntityTypes.IsPlace(type) && k.Place(key) is { } place) return new Designator(place.Country, null, null, null);
        if (type is EntityTypes.Organisation or EntityTypes.Miscellaneous)
        {
            // "Russian Foreign Ministry", "Iran's Health Ministry", "Pakistani military": a country
            // word in front, and role words naming the kind of body.
            var words = NameKey.Words(key);
            Country? lead = null;
            int start = 0;
            for (int n = Math.Min(3, words.Length - 1); n >= 1 && lead is null; n--)
            {
                var head = string.Join(' ', words[..n]);
                lead = k.CountryByName(head) ?? k.CountryByDemonym(head);
                if (lead is not null) start = n;
            }
            var rest = words[start..];
            if (lead is not null && k.Organisation(string.Join(' ', rest)) is { } known)
                return new Designator(lead, null, known, null);
            // The kind of body is in its head words ("Foreign Ministry", "Pakistani military"), not anywhere
            // in its name (the Intermediate Nuclear Forces Treaty is no army).
            var agent = HeadAgent(rest, k) ?? CorporateAgent(words);
            if (lead is not null || agent is not null) return new Designator(lead, null, null, agent);
        }
        return null;
    }

    /// <summary>The agent of the longest role phrase among <paramref name="words"/> ("foreign ministry" → GOV); null for "*" roles.</summary>
    public static string? AgentOf(ReadOnlySpan<string> words, WorldKnowledge k)
    {
        for (int length = words.Length; length >= 1; length--)
            for (int start = words.Length - length; start >= 0; start--)
                if (k.Role(length == 1 ? words[start] : string.Join(' ', words.Slice(start, length))) is { TakesAgentOfEmployer: false } role)
                    return role.Agent;
        return null;
    }

    /// <summary>
    /// The agent of the longest role phrase that ends the name ("health ministry", "Pakistani
    /// military", "Chambers of Commerce"); null if none does. Phoenix's one-word sector words are
    /// left out: "Trade and Industry" names a portfolio, not a business.
    /// </summary>
    public static string? HeadAgent(ReadOnlySpan<string> words, WorldKnowledge k)
    {
        for (int start = 0; start < words.Length; start++)
        {
            int length = words.Length - start;
            // Phoenix phrases of two words or more are names of bodies too ("chambers of commerce": BUS).
            if (k.Role(length == 1 ? words[start] : string.Join(' ', words[start..])) is { TakesAgentOfEmployer: false } role && (role.HandWritten || length > 1))
                return role.Agent;
        }
        return null;
    }

    /// <summary>Company names end in a legal form: "Vortexa Ltd", "Braemar ACM Shipbroking Pte Ltd".</summary>
    public static string? CorporateAgent(ReadOnlySpan<string> words) =>
        words.Length >= 2 && words[^1] is "ltd" or "limited" or "inc" or "incorporated" or "corp" or "corporation" or "plc" or "llc"
            or "gmbh" or "ag" or "sa" or "nv" or "bv" or "spa" or "co" or "company" or "holdings" or "pte" or "llp" or "group"
            ? "BUS" : null;

    /// <summary>The actor code of the body itself: NATO's IGOWSTNAT, the Kremlin's RUSGOV, Iran's IRN.</summary>
    public string? Actor =>
        Organisation is { } o ? o.Code
        : Institution is { } i ? i.Actor
        : Country is { } c ? c.Alpha3 + (Agent ?? "")
        : Agent;
}
