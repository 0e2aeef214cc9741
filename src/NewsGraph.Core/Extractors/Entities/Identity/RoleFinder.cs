using NewsGraph.Core.Documents;
using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>What the words around a name say about its bearer: a title, a country, and the CAMEO actor they make.</summary>
internal sealed record RoleFinding(string? Role, Country? Country, string? Actor);

/// <summary>
/// Reads titles and affiliations from the words next to a person's name, the way news copy
/// writes them:
/// <list type="bullet">
/// <item>before it ("Kremlin spokesman Dmitry Peskov", "Russia's Deputy Foreign Minister Sergey
/// Ryabkov", "former President Donald Trump"), and as a fronted apposition ("the Iranian foreign
/// minister, Hossein Amir Abdollahian");</item>
/// <item>after it, as an apposition ("Mohsen Rezaei, secretary of the Expediency Council,",
/// "Ismail Haniyeh, head of the political bureau of Hamas").</item>
/// </list>
/// The role is the title's words; the country comes from a country, demonym, institution or body
/// in the phrase; the actor is the body's own code (NATO's IGOWSTNAT) or country plus agent
/// (RUS + GOV), where a role such as "spokesman" takes the agent of whom it serves.
/// </summary>
internal sealed class RoleFinder(WorldKnowledge knowledge)
{
    private const int MaxChain = 14;
    private const int MaxApposition = 18;

    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "former", "ex", "then", "acting", "interim", "outgoing", "incoming", "new", "late", "top", "senior", "veteran",
        "current", "caretaker", "deputy", "assistant", "chief", "principal", "longtime", "long time", "leading", "powerful",
        "prospective", "would-be", "aspiring", "wannabe",
    };

    private static readonly HashSet<string> Former = new(StringComparer.Ordinal) { "former", "ex", "late" };

    // "a prospective Labour MP", "the would-be mayor": a role sought, not held; the party or country stays.
    private static readonly HashSet<string> Aspiring = new(StringComparer.Ordinal) { "prospective", "would-be", "aspiring", "wannabe" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "its", "his", "her", "their", "our" };

    // Words that end a title phrase whatever comes next: verbs of saying, prepositions, pronouns.
    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "with", "by", "to", "in", "on", "at", "from", "as", "that", "this", "these", "those", "said", "says",
        "told", "tells", "met", "meets", "and", "or", "but", "when", "while", "after", "before", "his", "her", "its", "their",
        "our", "who", "whom", "which", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "also",
        "not", "than", "into", "over", "under", "about", "against", "between", "among", "during", "since", "until", "via",
        "per", "like", "because", "if", "whether", "where", "what", "how", "why", "he", "she", "they", "we", "you", "it",
        "there", "here", "then", "so", "such", "both", "all", "any", "some", "each", "every", "no", "nor", "only", "even",
        "just", "still", "yet", "very", "more", "most", "much", "many", "other", "another", "same", "own", "can", "could",
        "may", "might", "must", "shall", "should", "do", "does", "did", "being", "having", "of", "for", "off", "out", "up",
        "down", "around", "through", "across", "toward", "towards", "upon", "within", "without", "near", "visiting",
    };

    private static readonly HashSet<string> Locatives = new(StringComparer.Ordinal) { "in", "at", "near", "based", "outside", "inside", "from" };

    public RoleFinding? ForPerson(ArticleIndex index, int mentionIndex, MentionName name)
    {
        var mention = index.Article.Entities[mentionIndex];
        // The walk starts outside the mention: titles the tagger took in are in name.Titles already.
        var (first, last) = index.TokenRange(mention.Span);
        if (first < 0) return null;
        var chain = Premodifier(index, mentionIndex, first);
        int before = chain?.Start ?? first;
        Chain? fronted = null;
        if (before >= 2 && index.Text(before - 1) is "," && chain?.Designators.Count is null or 0)
        {
            // A fronted apposition needs its determiner: "the Iranian foreign minister, Hossein ...",
            // "an Afghan army spokesman, Col Ahmad Khan".
            // ... or to open its sentence: "Scottish Finance Minister, Tom McCabe MSP, said".
            var f = Premodifier(index, mentionIndex, before - 1);
            if (f is { HasRole: true } && (f.Start == 0 || !index.SameSentence(f.Start - 1, f.Start) || Determiners.Contains(index.Key(f.Start - 1))))
                fronted = f;
        }
        // Titles the tagger took into the name ("President Joe Biden") come last, next to the name.
        if (name.Titles.Length > 0 || name.Designators.Count > 0)
        {
            chain ??= new Chain(first);
            chain.Words.AddRange(name.Titles);
            chain.Designators.InsertRange(0, name.Designators);
            chain.HasRole |= name.Titles.Any(w => !Modifiers.Contains(w));
        }
        // The title right before the name is the usual one; appositions fill in what it leaves out.
        var finding = Merge(Merge(Compose(chain), Compose(fronted)), Compose(Apposition(index, mentionIndex, last)));
        if (finding is { Actor.Length: 3, Country: { } home } && finding.Actor != home.Alpha3 && knowledge.CountryByCode(finding.Actor) is null)
            finding = finding with { Actor = home.Alpha3 + finding.Actor };   // "Col" (MIL) of an Afghan army spokesman: AFGMIL
        return finding;
    }

    private static RoleFinding? Merge(RoleFinding? first, RoleFinding? second)
    {
        if (first is null) return second;
        if (second is null) return first;
        var actor = first.Actor is { Length: > 3 } || second.Actor is null ? first.Actor
            : second.Actor.Length > 3 || first.Actor is null ? second.Actor : first.Actor;
        return new RoleFinding(first.Role ?? second.Role, first.Country ?? second.Country, actor);
    }

    /// <summary>
    /// Designators right before an organisation or other non-person name ("Iran's Health
    /// Ministry", "the Pakistani Taliban"): the country they give.
    /// </summary>
    public Country? CountryBefore(ArticleIndex index, int mentionIndex)
    {
        var (first, _) = index.TokenRange(index.Article.Entities[mentionIndex].Span);
        if (first <= 0) return null;
        int t = first - 1;
        if (index.IsPossessive(t)) t--;
        if (t < 0 || !index.SameSentence(t, first)) return null;
        int m = index.MentionEndingAt(t);
        Designator? d;
        if (m >= 0 && m != mentionIndex)
        {
            var other = index.Article.Entities[m];
            d = Designator.Of(MentionName.Parse(index.Article, other, knowledge).Key, other.Type, knowledge);
        }
        else d = char.IsUpper(index.Text(t)[0]) ? Designator.Of(index.Key(t), EntityTypes.GeoPolitical, knowledge) : null;
        return d is { Organisation: null, Institution: null } ? d.Country : null;
    }

    private sealed class Chain(int start)
    {
        public int Start = start;
        /// <summary>The title's words, left to right.</summary>
        public readonly List<string> Words = new();
        public readonly List<Designator> Designators = new();
        public bool HasRole;
        /// <summary>How many of the last words are what the title is for ("for the family"), not the title.</summary>
        public int Complement;
    }

    private Chain? Premodifier(ArticleIndex index, int mentionIndex, int first)
    {
        var entities = index.Article.Entities;
        var words = new List<(int Token, string Key)>();   // right to left while walking
        var chain = new Chain(first);
        int t = first - 1;
        int steps = 0, unknown = 0;
        bool complement = false;
        while (t >= 0 && index.SameSentence(t, first) && steps++ < MaxChain)
        {
            int m = index.MentionEndingAt(t);
            if (m >= 0 && m != mentionIndex)
            {
                var other = entities[m];
                if (other.Type == EntityTypes.Person || chain.Designators.Count == 2) break;
                var d = Designator.Of(MentionName.Parse(index.Article, other, knowledge).Key, other.Type, knowledge);
                if (d is null) break;
                chain.Designators.Add(d);
                t = index.TokenRange(other.Span).First - 1;
                chain.Start = t + 1;
                continue;
            }
            if (index.IsPossessive(t))
            {
                // "Russia's", "Cuba’s": only a designator may own the title.
                if (chain.Designators.Count == 2) break;
                int owner = index.MentionEndingAt(t - 1);
                Designator? d = null;
                int next;
                if (owner >= 0 && owner != mentionIndex)
                {
                    if (entities[owner].Type != EntityTypes.Person)
                        d = Designator.Of(MentionName.Parse(index.Article, entities[owner], knowledge).Key, entities[owner].Type, knowledge);
                    next = index.TokenRange(entities[owner].Span).First - 1;
                }
                else
                {
                    if (t >= 1 && char.IsUpper(index.Text(t - 1)[0]))
                        d = Designator.Of(index.Key(t - 1), EntityTypes.GeoPolitical, knowledge);
                    next = t - 2;
                }
                if (d is null) break;
                chain.Designators.Add(d);
                t = next;
                chain.Start = t + 1;
                continue;
            }
            var key = index.Key(t);
            if (key.Length == 0) break;
            if (key.StartsWith("ex ", StringComparison.Ordinal) && knowledge.IsRoleWord(key[3..]))
            {
                words.Add((t, key[3..]));
                words.Add((t, "ex"));
                chain.HasRole = true;
                chain.Start = t--;
                continue;
            }
            // What a title is for, between it and the name: "Secretary of State for the Family, Theresa May",
            // "spokeswoman for women Sandra Gidley" (once, at most three words, none of them a name).
            if (!complement && words.Count == 0 && Complement(index, t, first) is { } at)
            {
                for (int k = t; k > at; k--) words.Add((k, index.Key(k)));
                words.Add((at, index.Key(at)));
                chain.Complement = t - at + 1;
                complement = true;
                t = at - 1;
                continue;
            }
            if (key is "and" or "of" or "for")
            {
                // Only inside a title: "State Councilor and Foreign Minister", "Secretary of State".
                if (words.Count > 0 && knowledge.IsRoleWord(words[^1].Key) && t > 0 && knowledge.IsRoleWord(index.Key(t - 1))
                    && index.MentionEndingAt(t - 1) < 0)
                {
                    words.Add((t, key));
                    t--;
                    continue;
                }
                break;
            }
            if (knowledge.IsRoleWord(key) || Modifiers.Contains(key))
            {
                words.Add((t, key));
                if (!Modifiers.Contains(key)) chain.HasRole = true;
                chain.Start = t--;
                continue;
            }
            var text = index.Text(t);
            if (char.IsUpper(text[0]) && chain.Designators.Count < 2 && Designator.Of(key, EntityTypes.GeoPolitical, knowledge) is { } word)
            {
                chain.Designators.Add(word);
                chain.Start = t--;
                continue;
            }
            // An adjective inside a title ("top nuclear negotiator"), kept only if more of the title is further left.
            if (chain.HasRole && unknown < 2 && IsPlainAdjective(key, text))
            {
                words.Add((t, key));
                unknown++;
                t--;
                continue;
            }
            break;
        }
        // Words left of where the chain was last confirmed (a dangling adjective or "and") are not the title's.
        for (int w = words.Count - 1; w >= 0; w--)
            if (words[w].Token >= chain.Start) chain.Words.Add(words[w].Key);
        while (chain.Words.Count > 0 && chain.Words[0] is "and" or "of" or "for") chain.Words.RemoveAt(0);
        return chain.HasRole || chain.Designators.Count > 0 ? chain : null;
    }

    /// <summary>The index of "for" or "of" opening a complement that ends at <paramref name="end"/>, right after a role word; or null.</summary>
    private int? Complement(ArticleIndex index, int end, int first)
    {
        for (int at = end - 1; at >= Math.Max(1, end - 4); at--)
        {
            if (!index.SameSentence(at, first) || index.IsPunctuation(at) || index.MentionEndingAt(at) >= 0) return null;
            var key = index.Key(at);
            if (key is not ("for" or "of")) continue;
            if (!knowledge.IsRoleWord(index.Key(at - 1))) return null;
            bool allTitle = true;
            for (int k = at + 1; k <= end; k++)
            {
                var word = index.Key(k);
                if (index.IsPunctuation(k) || index.MentionEndingAt(k) >= 0 || index.MentionStartingAt(k) >= 0 || Stops.Contains(word) && word != "the")
                    return null;
                allTitle &= word == "the" || knowledge.IsTitleWord(word);
            }
            // "Secretary of State" is a title, not a secretary for the state.
            if (allTitle) return null;
            return at;
        }
        return null;
    }

    private Chain? Apposition(ArticleIndex index, int mentionIndex, int last)
    {
        int t = last + 1;
        if (t >= index.Count || index.Text(t) is not ",") return null;
        t++;
        if (t < index.Count && Determiners.Contains(index.Key(t))) t++;
        var chain = new Chain(t);
        var entities = index.Article.Entities;
        int start = t, unknown = 0;
        // The title: within the first few words, made of modifiers, designators and role words.
        while (t < index.Count && t - start < 8 && index.SameSentence(t, last))
        {
            int m = index.MentionStartingAt(t);
            if (m >= 0 && m != mentionIndex)
            {
                var other = entities[m];
                if (other.Type == EntityTypes.Person) break;
                var d = Designator.Of(MentionName.Parse(index.Article, other, knowledge).Key, other.Type, knowledge);
                if (d is null && chain.HasRole) break;
                if (d is not null) chain.Designators.Add(d);
                t = index.TokenRange(other.Span).Last + 1;
                if (t < index.Count && index.IsPossessive(t)) t++;
                continue;
            }
            var key = index.Key(t);
            if (key.Length == 0) break;
            if (knowledge.IsRoleWord(key) || Modifiers.Contains(key))
            {
                chain.Words.Add(key);
                if (!Modifiers.Contains(key)) chain.HasRole = true;
                t++;
                continue;
            }
            if (key is "of" or "and" && chain.HasRole && t + 1 < index.Count && knowledge.IsRoleWord(index.Key(t + 1)) && index.MentionStartingAt(t + 1) < 0)
            {
                chain.Words.Add(key);
                t++;
                continue;
            }
            // "a Singapore-based analyst": where someone works from, not part of the title.
            if (!chain.HasRole && unknown < 2 && key.EndsWith(" based", StringComparison.Ordinal))
            {
                unknown++;
                t++;
                continue;
            }
            if (!chain.HasRole && unknown < 2 && IsPlainAdjective(key, index.Text(t)))
            {
                chain.Words.Add(key);
                unknown++;
                t++;
                continue;
            }
            break;
        }
        if (!chain.HasRole) return null;
        // Unknown words before the first role word are adjectives of the title; after the last, not the title's.
        while (chain.Words.Count > 0 && !knowledge.IsRoleWord(chain.Words[^1])) chain.Words.RemoveAt(chain.Words.Count - 1);
        // The rest of the apposition names whom the title serves: "of the Expediency Council", "at Vortexa Ltd".
        int end = Math.Min(index.Count, last + MaxApposition);
        for (; t < end && index.SameSentence(t, last); t++)
        {
            var text = index.Text(t);
            if (text is "," or ";" or ":" or "(" or ")" or "\"" or "“" or "”" or "–" or "—" || index.Key(t) is "who" or "which" or "said" or "says") break;
            int m = index.MentionStartingAt(t);
            if (m < 0 || m == mentionIndex) continue;
            var other = entities[m];
            if (other.Type == EntityTypes.Person) break;
            bool located = t > 0 && Locatives.Contains(index.Key(t - 1));
            var d = Designator.Of(MentionName.Parse(index.Article, other, knowledge).Key, other.Type, knowledge);
            t = index.TokenRange(other.Span).Last;
            // "an analyst at Energy Aspects in London": where someone works is not whose they are.
            bool place = d is not null && d.Organisation is null && (d.Institution is null ? d.Agent is null : d.Institution.Kind == InstitutionKind.Capital);
            if (d is null || (located && place)) continue;
            chain.Designators.Add(d);
        }
        return chain;
    }

    private RoleFinding? Compose(Chain? chain)
    {
        if (chain is null) return null;
        string? role = null, agent = null;
        RoleWord? head = null;
        bool takesEmployer = false;
        bool former = false, aspiring = false;
        var title = new List<string>(chain.Words.Count);
        for (int w = 0; w < chain.Words.Count; w++)
        {
            if (Former.Contains(chain.Words[w])) former = true;
            else if (Aspiring.Contains(chain.Words[w])) aspiring = true;
            else if (w < chain.Words.Count - chain.Complement) title.Add(chain.Words[w]);
        }
        if (chain.HasRole && title.Count > 0)
        {
            role = string.Join(' ', chain.Words);
            // The head is the longest role phrase ending at the last word ("deputy foreign minister");
            // a head that serves someone ("spokesman") takes the agent of a role word before it ("army").
            var words = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(title);
            int end = title.Count;
            while (end > 0 && agent is null)
            {
                RoleWord? found = null;
                int s = 0;
                for (; s < end && found is null; s++) found = knowledge.Role(end - s == 1 ? words[s] : string.Join(' ', words[s..end]));
                if (found is null) { end--; continue; }
                if (head is null)
                {
                    head = found;
                    if (!found.TakesAgentOfEmployer) agent = found.Agent;
                    else takesEmployer = true;
                }
                // Before the head, only bodies give it their agent ("army spokesman"); a sector word
                // does not ("Trade and Industry Secretary" is a minister, not business).
                else if (found.HandWritten && !found.TakesAgentOfEmployer) agent = found.Agent;
                end = s - 1;
            }
            if (chain.Words.Contains("shadow")) agent = "OPP";
            if (aspiring) agent = null;
        }
        var body = chain.Designators.FirstOrDefault(d => d.Organisation is not null || d.Institution is not null)
                   ?? chain.Designators.FirstOrDefault(d => d.Agent is not null);
        var nation = chain.Designators.FirstOrDefault(d => d.Organisation is null && d.Institution is null && d.Country is not null)?.Country;
        var country = body?.Country ?? nation;
        string? actor;
        if (body?.Organisation is { } org)
        {
            // A named body codes its people: NATO's secretary general is IGOWSTNAT, a Hamas leader PSEREBHMS;
            // a country word in front moves a national group ("the Pakistani Taliban": PAK, not AFG).
            if (nation is not null && org.Country is not null && org.Country != nation)
            {
                country = nation;
                actor = nation.Alpha3 + org.Code[3..];
            }
            else actor = org.Code;
            if (former) actor = (country?.Alpha3 ?? "") + "ELI";
        }
        else
        {
            if (former) agent = "ELI";
            else if (agent is null)
            {
                if (body?.Agent is { } own) agent = own;
                else if (takesEmployer && country is not null) agent = "GOV";
                else if (takesEmployer) agent = head?.Fallback;
            }
            actor = country is null ? agent : country.Alpha3 + (agent ?? "");
        }
        if (role is null && country is null && actor is null) return null;
        return new RoleFinding(role, country, actor);
    }

    /// <summary>A lower-case word that may sit inside a title ("nuclear", "political"), not a verb or a function word.</summary>
    private static bool IsPlainAdjective(string key, ReadOnlySpan<char> text) =>
        key.Length >= 4 && char.IsLower(text[0]) && !key.Contains(' ') && !Stops.Contains(key)
        && !key.EndsWith("ed", StringComparison.Ordinal) && !key.EndsWith("ing", StringComparison.Ordinal) && !key.EndsWith("ly", StringComparison.Ordinal);
}
