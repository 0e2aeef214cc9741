using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Knowledge;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// Groups an article's mentions into entities and gives each its canonical name and id
/// (<see cref="EntityMention.Canonical"/>, <see cref="EntityMention.EntityId"/>). Mentions are
/// read in text order; each joins the entity it can only be, or starts one:
/// <list type="bullet">
/// <item>known names join by what they are: "US", "U.S." and "United States" are one country;
/// "NATO" and "North Atlantic Treaty Organization" one body; "the Kremlin" one seat;</item>
/// <item>people by name: the same key (case, hyphens, stops, diacritics, possessives, forms of
/// address ignored: "Amir-Abdollahian" is "Amir Abdollahian", "Sheikh Tamim" is "Tamim"), a name
/// that ends a fuller one ("Price" after "Ned Price"), one letter slipped ("Abdolalhian"),
/// a family name written first ("Wang" after "Wang Yi"), middle initials;</item>
/// <item>organisations by key, legal form left out ("Vortexa Ltd", "Vortexa"), acronym and
/// expansion ("Islamic Revolutionary Guard Corps (IRGC)" defines IRGC), or the first word of
/// a longer name when that word is nothing else ("Braemar");</item>
/// <item>a one-word mention the tagger typed as an organisation or place that is the surname of
/// a person already named joins that person, and takes the person's type.</item>
/// </list>
/// A bare name that fits two people ("Biden" after "Joe Biden" and "Hunter Biden") is resolved
/// only if exactly one of them was named in full earlier in the same paragraph, or if the title
/// before it fits only one; otherwise it is left unresolved (no canonical name, no id): two people
/// are never merged for want of evidence. The role, country and actor found for any mention of an
/// entity then fill the others ("Peskov noted" is RUSGOV after "Kremlin spokesman Dmitry Peskov").
/// </summary>
public sealed class CoreferenceStage : IStage
{
    private readonly Lazy<WorldKnowledge> _resources;

    /// <summary>With the shipped knowledge tables, loaded when the first article with entities arrives.</summary>
    public CoreferenceStage() => _resources = new(() => WorldKnowledge.Shared);

    public CoreferenceStage(WorldKnowledge knowledge) => _resources = new(knowledge);

    private WorldKnowledge Knowledge => _resources.Value;

    public string Name => "coreference";

    /// <summary>
    /// Mentions beyond this many in one article are left unresolved: matching is linear in the
    /// entities already formed, and no news article names this many (a garbage page might).
    /// </summary>
    public const int MaxMentions = 5000;

    private sealed class Cluster(string type, string? identity, string? knownName)
    {
        public string Type = type;
        /// <summary>What knowledge says the entity is ("country:IRN"); null for names knowledge does not know.</summary>
        public readonly string? Identity = identity;
        public readonly string? KnownName = knownName;
        public readonly List<int> Mentions = new();
        public readonly List<MentionName> Names = new();
        public readonly HashSet<string> Keys = new(StringComparer.Ordinal);
        /// <summary>Acronyms defined for it in the text: "(IRGC)" after its name.</summary>
        public readonly HashSet<string> Aliases = new(StringComparer.Ordinal);
        public readonly List<int> FullNameParagraphs = new();

        public IEnumerable<string[]> MultiWordNames => Names.Where(n => n.Words.Length > 1).Select(n => n.Words);
        /// <summary>The first country any of its mentions has (filled as mentions join).</summary>
        public string? Country;
    }

    public void Run(Article article)
    {
        var entities = article.Entities;
        if (entities.Count == 0) return;
        var order = Enumerable.Range(0, entities.Count).OrderBy(i => entities[i].Span.Start).ThenBy(i => entities[i].Span.End).Take(MaxMentions).ToArray();
        var clusters = new List<Cluster>();
        var paragraphs = ParagraphEnds(article);

        foreach (int i in order)
        {
            var mention = entities[i];
            var name = MentionName.Parse(article, mention, Knowledge);
            if (name.IsEmpty) continue;
            var (identity, knownName, knownType) = Identify(mention.Type, name);
            Cluster? target;
            bool unresolved = false;
            if (identity is not null)
                target = clusters.FirstOrDefault(c => c.Identity == identity);
            else
            {
                target = mention.Type switch
                {
                    EntityTypes.Person => MatchPerson(article, paragraphs, clusters, mention, name, out unresolved),
                    EntityTypes.Organisation or EntityTypes.Miscellaneous => MatchOrganisation(article, clusters, mention, name),
                    _ => clusters.FirstOrDefault(c => c.Identity is null && SameFamily(c.Type, mention.Type) && (c.Keys.Contains(name.Key) || c.Keys.Contains(name.Compact))),
                };
                // A one-word "organisation" or "place" that is the surname of someone named: the tagger's slip.
                if (target is null && mention.Type != EntityTypes.Person && mention.Type != EntityTypes.Group && name.Words.Length == 1)
                {
                    var people = clusters.Where(c => c.Type == EntityTypes.Person && c.MultiWordNames.Any()
                        && c.MultiWordNames.All(w => NameMatching.SamePerson(w, name.Words, Knowledge))).Take(2).ToList();
                    if (people.Count == 1)
                    {
                        target = people[0];
                        // What the roles stage read for a place or body does not hold for a person.
                        entities[i] = mention = mention with { Type = EntityTypes.Person, Country = null, Role = null, Actor = null };
                    }
                }
            }
            if (unresolved) continue;
            if (target is null)
            {
                target = new Cluster(knownType ?? mention.Type, identity, knownName);
                clusters.Add(target);
            }
            Add(article, paragraphs, target, i, name);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var canonical = cluster.KnownName ?? Canonical(article, cluster);
            var id = Slug(cluster.Type, canonical);
            for (int n = 2; !ids.Add(id); n++) id = Slug(cluster.Type, canonical) + "-" + n;
            foreach (int i in cluster.Mentions)
            {
                entities[i].Canonical = canonical;
                entities[i].EntityId = id;
            }
            Share(entities, cluster);
        }
    }

    /// <summary>What knowledge says a name is, as an identity shared by all its spellings.</summary>
    private (string? Identity, string? Name, string? Type) Identify(string type, MentionName name)
    {
        var key = name.Key;
        switch (type)
        {
            case EntityTypes.Person:
                return (null, null, null);
            case EntityTypes.Group:
                if (Knowledge.CountryByDemonym(key) is { } people) return ("people:" + people.Alpha3, null, null);
                // A group the tagger called a nationality or a political group ("the Taliban", "the Tories") is still that body.
                if (Knowledge.Organisation(key) is { Curated: true } group) return ("body:" + group.Name, group.Name, EntityTypes.Organisation);
                return Knowledge.Institution(key) is { Kind: not InstitutionKind.Capital } party
                    ? ("institution:" + party.Name, party.Name, EntityTypes.Organisation) : (null, null, null);
        }
        if (Knowledge.Organisation(key) is { Curated: true } body) return ("body:" + body.Name, body.Name, EntityTypes.Organisation);
        if (Knowledge.Institution(key) is { } inst)
            return inst.Kind == InstitutionKind.Capital
                ? ("capital:" + inst.Country.Alpha3 + ":" + inst.Name, inst.Name, EntityTypes.GeoPolitical)
                : ("institution:" + inst.Name, inst.Name, EntityTypes.Organisation);
        if (type is EntityTypes.GeoPolitical or EntityTypes.Location || type == EntityTypes.Organisation)
            if (Knowledge.CountryByName(key) is { } country) return ("country:" + country.Alpha3, country.Name, EntityTypes.GeoPolitical);
        return (null, null, null);
    }

    private Cluster? MatchPerson(Article article, List<int> paragraphs, List<Cluster> clusters, EntityMention mention, MentionName name, out bool unresolved)
    {
        unresolved = false;
        var candidates = new List<Cluster>();
        foreach (var c in clusters)
        {
            if (c.Type != EntityTypes.Person) continue;
            if (mention.Country is not null && Country(article, c) is { } cc && cc != mention.Country) continue;
            if (c.Keys.Contains(name.Key) || c.Keys.Contains(name.Compact))
            {
                candidates.Clear();
                candidates.Add(c);
                break;
            }
            // Every full name it has must fit: "Hunter Biden" never joins the entity that holds "Joe Biden".
            bool fits = true, any = false;
            foreach (var n in c.Names)
            {
                if (!NameMatching.Compatible(n.Words, name.Words, Knowledge)) { fits = false; break; }
                any = true;
            }
            if (fits && any) candidates.Add(c);
        }
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        if (name.Words.Length > 1) return null;   // a fuller name fitting two entities starts its own

        // A bare name fitting several people: the one named in full in this paragraph, or the one whose title it repeats.
        int paragraph = ParagraphOf(paragraphs, mention.Span.Start);
        var here = candidates.Where(c => c.FullNameParagraphs.Contains(paragraph)).ToList();
        if (here.Count == 1) return here[0];
        if (mention.Role is { } role)
        {
            var titled = candidates.Where(c => c.Mentions.Any(m => article.Entities[m].Role == role)).ToList();
            if (titled.Count == 1) return titled[0];
        }
        unresolved = true;
        return null;
    }

    private Cluster? MatchOrganisation(Article article, List<Cluster> clusters, EntityMention mention, MentionName name)
    {
        var bare = NameMatching.WithoutLegalForm(name.Key);
        var words = name.WrittenWords(article);
        var written = words.Length == 1 ? words[0] : string.Join(' ', words);
        bool acronym = NameMatching.LooksLikeAcronym(written);
        Cluster? firstWord = null;
        int firstWordMatches = 0;
        bool distinctive = name.Words.Length == 1 && !acronym && IsDistinctive(name.Key, written);
        // A body named for what it is ("Foreign Ministry", "the army") is one per country: China's and Turkey's
        // foreign ministries are two, and one with no country named is neither.
        bool generic = Designator.HeadAgent(name.Words, Knowledge) is not null && Knowledge.Organisation(name.Key) is null;
        foreach (var c in clusters)
        {
            if (c.Identity is not null || !SameFamily(c.Type, mention.Type)) continue;
            var theirs = Country(article, c);
            if (generic ? theirs != mention.Country : theirs is not null && mention.Country is not null && theirs != mention.Country) continue;
            if (c.Keys.Contains(name.Key) || c.Keys.Contains(name.Compact) || c.Keys.Contains(bare) || c.Aliases.Contains(name.Compact)) return c;
            foreach (var n in c.Names)
            {
                var other = n.WrittenWords(article);
                if (acronym && other.Length > 1 && NameMatching.Abbreviates(written, other)) return c;
                if (other.Length == 1 && words.Length > 1 && NameMatching.LooksLikeAcronym(other[0]) && NameMatching.Abbreviates(other[0], words)) return c;
            }
            // "Reserve Bank" after "Reserve Bank of Australia": the name without where it is.
            if (!acronym && name.Words.Length >= 2 && c.Names.Any(n => IsNameOfPlace(n.Words, name.Words))) return c;
            // "Braemar" after "Braemar ACM Shipbroking", or "Trussell Trust" after "Trussell": a first word that is nothing else.
            if ((distinctive && c.Names.Any(n => n.Words.Length > 1 && n.Words[0] == name.Key))
                || (name.Words.Length > 1 && !acronym && c.Names.Any(n => n.Words.Length == 1 && n.Words[0] == name.Words[0])
                    && IsDistinctive(name.Words[0], words[0])))
            {
                firstWord = c;
                firstWordMatches++;
            }
        }
        return firstWordMatches == 1 ? firstWord : null;
    }

    /// <summary>Whether <paramref name="full"/> is <paramref name="bare"/> followed by "of" or "in" and a place ("Reserve Bank of Australia").</summary>
    private bool IsNameOfPlace(string[] full, string[] bare)
    {
        if (full.Length < bare.Length + 2 || !full.AsSpan(0, bare.Length).SequenceEqual(bare) || full[bare.Length] is not ("of" or "in")) return false;
        var rest = string.Join(' ', full[(bare.Length + 1)..]);
        return Knowledge.CountryOfPlace(rest) is not null || Knowledge.CountryOfPlace(rest.StartsWith("the ", StringComparison.Ordinal) ? rest[4..] : rest) is not null;
    }

    private bool IsDistinctive(string key, string written) =>
        key.Length >= 4 && char.IsUpper(written[0]) && !Knowledge.IsRoleWord(key) && Knowledge.CountryOfPlace(key) is null
        && Knowledge.CountryByDemonym(key) is null && key is not ("national" or "international" or "united" or "royal" or "federal"
            or "central" or "new" or "general" or "global" or "world" or "first" or "islamic" or "democratic" or "people" or "peoples");

    private static void Add(Article article, List<int> paragraphs, Cluster cluster, int i, MentionName name)
    {
        cluster.Mentions.Add(i);
        cluster.Names.Add(name);
        cluster.Keys.Add(name.Key);
        cluster.Keys.Add(name.Compact);
        if (cluster.Type is EntityTypes.Organisation or EntityTypes.Miscellaneous)
        {
            cluster.Keys.Add(NameMatching.WithoutLegalForm(name.Key));
            if (Parenthetical(article, article.Entities[i].Span.End) is { } acronym) cluster.Aliases.Add(acronym);
        }
        if (name.Words.Length > 1)
        {
            cluster.FullNameParagraphs.Add(ParagraphOf(paragraphs, name.Span.Start));
        }
    }

    /// <summary>An acronym defined in brackets right after a name: "Joint Comprehensive Plan of Action (JCPOA)".</summary>
    private static string? Parenthetical(Article article, int end)
    {
        var text = article.Text;
        int i = end;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length || text[i] != '(') return null;
        int close = text.IndexOf(')', i + 1, Math.Min(14, text.Length - i - 1));
        if (close < 0) return null;
        var inside = text.AsSpan(i + 1, close - i - 1).Trim();
        return NameMatching.LooksLikeAcronym(inside) ? NameKey.Compact(NameKey.Of(inside)) : null;
    }

    /// <summary>
    /// The name shown for an entity: a person's fullest name (most words; among those the most
    /// frequent, then the first written in mixed case); an organisation's or place's longest.
    /// </summary>
    private static string Canonical(Article article, Cluster cluster)
    {
        // Most words first, then the most frequent spelling, then mixed case over capitals, then the first written.
        MentionName? best = null;
        int bestCount = 0;
        foreach (var name in cluster.Names)
        {
            if (best is not null && best.Key == name.Key)
            {
                if (IsAllCaps(article.View(best.Span)) && !IsAllCaps(article.View(name.Span))) best = name;
                continue;
            }
            int count = 0;
            foreach (var other in cluster.Names) if (other.Key == name.Key) count++;
            if (best is null || Better(name, count, best, bestCount)) (best, bestCount) = (name, count);
        }
        return OneLine(article.Slice(best!.Span));

        bool Better(MentionName a, int aCount, MentionName b, int bCount)
        {
            if (a.Words.Length != b.Words.Length) return a.Words.Length > b.Words.Length;
            if (aCount != bCount) return aCount > bCount;
            bool aCaps = IsAllCaps(article.View(a.Span)), bCaps = IsAllCaps(article.View(b.Span));
            if (aCaps != bCaps) return !aCaps;
            return false;   // names are read in text order: the first written stays
        }
    }

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        bool letters = false;
        foreach (var c in text)
        {
            if (char.IsLower(c)) return false;
            letters |= char.IsLetter(c);
        }
        return letters;
    }

    private static string OneLine(string s) => s.Contains('\n') || s.Contains("  ") ? string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : s;

    /// <summary>Shares what any mention says about its entity's role, country and actor with the mentions that say nothing.</summary>
    private static void Share(List<EntityMention> entities, Cluster cluster)
    {
        // Places and groups keep their own: a capital is the government in one mention and the city in the next.
        if (cluster.Type is not (EntityTypes.Person or EntityTypes.Organisation)) return;
        string? role = null, country = null, actor = null, agentOnly = null;
        foreach (int i in cluster.Mentions)
        {
            var m = entities[i];
            role ??= m.Role;
            country ??= m.Country;
            if (m.Actor is { Length: > 3 } full) actor ??= full;
            else if (m.Actor is { Length: 3 } a && a != m.Country) agentOnly ??= a;
        }
        actor ??= agentOnly is not null ? (country ?? "") + agentOnly : country;
        foreach (int i in cluster.Mentions)
        {
            var m = entities[i];
            m.Role ??= role;
            m.Country ??= country;
            if (m.Actor is null || (m.Actor.Length == 3 && actor is { Length: > 3 } && (m.Actor == m.Country || actor.EndsWith(m.Actor, StringComparison.Ordinal))))
                m.Actor = actor;
        }
    }

    private static string? Country(Article article, Cluster c)
    {
        if (c.Country is not null) return c.Country;
        foreach (int i in c.Mentions)
            if (article.Entities[i].Country is { } country) return c.Country = country;
        return null;
    }

    private static bool SameFamily(string a, string b) =>
        a == b || (EntityTypes.IsPlace(a) && EntityTypes.IsPlace(b))
        || (a is EntityTypes.Organisation or EntityTypes.Miscellaneous && b is EntityTypes.Organisation or EntityTypes.Miscellaneous);

    /// <summary>Where each paragraph ends: the article's paragraph spans, or else its blank lines.</summary>
    private static List<int> ParagraphEnds(Article article)
    {
        var ends = new List<int>();
        if (article.Paragraphs.Count > 0)
            foreach (var p in article.Paragraphs) ends.Add(p.End);
        else
            for (int at = 0; (at = article.Text.IndexOf("\n\n", at, StringComparison.Ordinal)) >= 0; at += 2) ends.Add(at);
        ends.Add(int.MaxValue);
        return ends;
    }

    private static int ParagraphOf(List<int> ends, int offset)
    {
        int i = ends.BinarySearch(offset);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>"person:hossein-amir-abdollahian": the entity's id within the article, the same for the same name in any article.</summary>
    public static string Slug(string type, string canonical)
    {
        var sb = new StringBuilder(type.ToLowerInvariant()).Append(':');
        var key = NameKey.Of(canonical);
        foreach (var c in key) sb.Append(c == ' ' ? '-' : c);
        return sb.ToString();
    }
}
