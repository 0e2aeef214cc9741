namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>One coded actor of a group: its code, the noun phrase it came from, and whether it is a person.</summary>
internal sealed record ActorRef(string Code, int Start, int End, bool IsPerson, bool HasActor = true);

/// <summary>
/// The actors a stretch of a sentence names together: "Mordor, Rohan, Fornost and Bree",
/// "lawmakers in Fornost and Gondor" (the role goes to each country), "the Danish media and
/// government" (the country goes to each role). Tokens [Start, End) cover the whole stretch.
/// </summary>
internal sealed record ActorGroup(IReadOnlyList<ActorRef> Members, int Start, int End)
{
    public bool IsEmpty => Members.Count == 0;
}

/// <summary>Builds actor groups from a sentence's noun phrases and mentions.</summary>
internal sealed class ActorGroups(SentenceView s, ClauseWords words)
{
    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "AND", "OR", "NOR", "&" };
    // A role phrase followed by one of these and a country takes the country: "officials in Gondor".
    private static readonly HashSet<string> RolePrepositions = new(StringComparer.Ordinal) { "OF", "IN", "FROM", "AT", "FOR", "WITHIN" };

    private readonly Dictionary<(int, int, int), ActorGroup> _seen = new();

    /// <summary>The group starting at noun phrase <paramref name="np"/>, not reaching past token <paramref name="limit"/>.</summary>
    public ActorGroup At(int np, int limit, int depth = 0)
    {
        if (_seen.TryGetValue((np, limit, depth), out var known)) return known;
        var group = Build(np, limit, depth);
        _seen[(np, limit, depth)] = group;
        return group;
    }

    private ActorGroup Build(int np, int limit, int depth)
    {
        var conjuncts = new List<NounPhrase> { s.Phrases[np] };
        int i = s.Phrases[np].End;
        bool ended = false;
        while (i < limit && !ended)
        {
            i = SkipParenthesis(i, limit);
            if (i >= limit) break;
            int j = i;
            if (s.Upper[j] == ",")
            {
                j++;
                if (j < limit && Conjunctions.Contains(s.Upper[j])) { j++; ended = true; }
            }
            else if (Conjunctions.Contains(s.Upper[j])) { j++; ended = true; }
            else break;
            if (j >= limit || s.NpAt[j] < 0 || s.Phrases[s.NpAt[j]].Start != j || s.IsPronoun(j)) break;
            // A conjunct that is a role without a country of its own and a following verb is a new clause's subject, not ours.
            conjuncts.Add(s.Phrases[s.NpAt[j]]);
            i = s.Phrases[s.NpAt[j]].End;
        }
        // "Dr Richard Lewis, Welsh secretary of the BMA, ...": phrases joined by commas alone, with no "and" to
        // close the list, are a name and its apposition, one actor.
        if (!ended && conjuncts.Count > 1) conjuncts.RemoveRange(1, conjuncts.Count - 1);
        int end = conjuncts[^1].End;

        // "Lawmakers and officials in Fornost and Gondor": roles without a country take the countries after them.
        ActorGroup? attached = null;
        int k = SkipParenthesis(end, limit);
        bool lastIsBare = conjuncts.Count > 1 && !HasActor(conjuncts[^1]) && !HasAgent(conjuncts[^1]);
        if (depth < 2 && k + 1 < limit && RolePrepositions.Contains(s.Upper[k]) && s.NpAt[k + 1] >= 0 && s.Phrases[s.NpAt[k + 1]].Start == k + 1
            && (conjuncts.Any(c => !HasActor(c) && HasAgent(c)) || lastIsBare))
        {
            attached = At(s.NpAt[k + 1], limit, depth + 1);
            if (attached.IsEmpty || attached.Members.All(m => !IsCountryCoded(m))) attached = null;
            else end = attached.End;
        }

        var members = new List<ActorRef>();
        string[]? previousActor = null;
        bool previousPerson = false;
        foreach (var c in conjuncts)
        {
            // "stepped down from his Treasury post", "a Home Office job": a phrase naming an office is no actor,
            // whatever body it is of; its holder named as owner ("Blair's job") still is.
            if (words.Is("office-noun", s.Upper[c.End - 1]) && s.AgentAt[c.End - 1] < 0 && s.ActorAt[c.End - 1] < 0 && !NamesOwner(c)) continue;
            // "Ithilen's sheep and goats of Gondor": the last of a list takes the country after it.
            if (attached is not null && lastIsBare && c == conjuncts[^1])
            {
                foreach (var m in attached.Members) Add(members, m.Code, c, m.IsPerson);
                continue;
            }
            var (actor, isPerson, roleOnly) = FirstActor(c);
            var (before, after, former, silent) = Agents(c);
            if (actor is not null && roleOnly)
            {
                // A role without a country (the entity layer's "GOV" for "President Smith") is coded as a role word is.
                foreach (var code in actor)
                    Add(members, former ? Combine("", before, after, true) : Combine("", before, [code, .. after], false), c, isPerson, hasActor: false);
                previousActor = null;
            }
            else if (actor is not null)
            {
                // "Tony Blair's government" is the government of Blair's country, not Blair.
                bool owned = isPerson && after.Count > 0 && OwnsRole(c);
                // "Former minister Clare Short": a person's past roles give way to ELI; only her country stays.
                foreach (var code in actor)
                    Add(members, Combine((owned || former && isPerson) && code.Length >= 3 ? code[..3] : code, before, after, former), c, isPerson && !owned);
                previousActor = actor;
                previousPerson = isPerson;
            }
            else if (before.Count + after.Count > 0 || former || silent)
            {
                if (attached is not null)
                    foreach (var m in attached.Members) Add(members, Combine(m.Code, before, after, former), c, m.IsPerson);
                else if (previousActor is not null)
                    foreach (var code in previousActor) Add(members, Combine(code, before, after, former), c, previousPerson);
                else Add(members, Combine("", before, after, former), c, false, hasActor: false);
            }
        }
        return new ActorGroup(members, conjuncts[0].Start, end);
    }

    /// <summary>The first group with an actor or agent among the phrases starting in [from, to).</summary>
    public ActorGroup? First(int from, int to, Func<int, bool>? phraseFilter = null)
    {
        for (int i = Math.Max(0, from); i < to; i++)
        {
            int np = s.NpAt[i];
            if (np < 0 || s.Phrases[np].Start != i) continue;
            if (phraseFilter is not null && !phraseFilter(np)) continue;
            var g = At(np, to);
            if (!g.IsEmpty) return g;
            i = Math.Max(i, s.Phrases[np].End - 1);
        }
        return null;
    }

    /// <summary>The group whose last phrase ends at token <paramref name="end"/> (exclusive), searching back from there.</summary>
    public ActorGroup? EndingAt(int end, int floor)
    {
        for (int i = end - 1; i >= floor; i--)
        {
            int np = s.NpAt[i];
            if (np < 0) continue;
            // Walk back over the conjuncts of a list to its first phrase.
            int startNp = np;
            for (int j = s.Phrases[np].Start - 1; j >= floor; j--)
            {
                if (s.Upper[j] == "," || Conjunctions.Contains(s.Upper[j])) continue;
                if (s.NpAt[j] >= 0) { startNp = s.NpAt[j]; j = s.Phrases[startNp].Start; continue; }
                break;
            }
            for (int candidate = startNp; candidate <= np; candidate++)
            {
                var g = At(candidate, end);
                if (!g.IsEmpty) return g;
            }
            return null;
        }
        return null;
    }

    private static bool IsCountryCoded(ActorRef m) => m.Code.Length >= 3;

    private int SkipParenthesis(int i, int limit)
    {
        if (i < limit && s.Upper[i] == "(")
        {
            int j = i + 1;
            while (j < limit && j - i < 8 && s.Upper[j] != ")") j++;
            if (j < limit && s.Upper[j] == ")") return j + 1;
        }
        return i;
    }

    private bool HasActor(NounPhrase p)
    {
        for (int i = p.Start; i < p.End; i++) if (s.ActorAt[i] >= 0) return true;
        return false;
    }

    private bool HasAgent(NounPhrase p)
    {
        for (int i = p.Start; i < p.End; i++) if (s.AgentAt[i] >= 0) return true;
        return false;
    }

    /// <summary>A phrase's actor is its first: "Ithilen's minister Calimehtar" is Ithilen's.</summary>
    private (string[]? Codes, bool IsPerson, bool RoleOnly) FirstActor(NounPhrase p)
    {
        for (int i = p.Start; i < p.End; i++)
            if (s.ActorAt[i] >= 0)
            {
                var m = s.Actors[s.ActorAt[i]];
                return (m.Codes, m.IsPerson, m.RoleOnly);
            }
        return (null, false, false);
    }

    private (List<string> Before, List<string> After, bool Former, bool Silent) Agents(NounPhrase p)
    {
        var before = new List<string>();
        var after = new List<string>();
        bool former = false, silentRole = false;
        int last = -1;
        for (int i = p.Start; i < p.End; i++)
        {
            if (words.Is("former", s.Upper[i]) && s.ActorAt[i] < 0) former = true;
            int a = s.AgentAt[i];
            if (a < 0 || a == last) continue;
            last = a;
            var m = s.Agents[a];
            if (m.Code.Length > 0) (m.Before ? before : after).Add(m.Code);
            else silentRole = true;
        }
        return (before, after, former, silentRole);
    }

    /// <summary>
    /// Puts an actor's code and its roles together as PETRARCH does: NGO~ roles before, ~GOV after,
    /// three-letter parts already present not repeated (USAGOV and GOV is USAGOV); "former" makes the roles ELI.
    /// </summary>
    internal static string Combine(string actor, List<string> before, List<string> after, bool former)
    {
        var code = actor;
        foreach (var b in before) if (!ContainsPart(code, b)) code = b + code;
        if (former) code = ContainsPart(code, "ELI") ? code : code + "ELI";
        else foreach (var a in after) if (!ContainsPart(code, a)) code += a;
        return code;
    }

    private static bool ContainsPart(string code, string part)
    {
        for (int i = 0; i + part.Length <= code.Length; i += 3)
            if (string.CompareOrdinal(code, i, part, 0, part.Length) == 0) return true;
        return false;
    }

    private static void Add(List<ActorRef> members, string code, NounPhrase c, bool isPerson, bool hasActor = true)
    {
        if (code.Length == 0 || members.Any(m => m.Code == code)) return;
        members.Add(new ActorRef(code, c.Start, c.End, isPerson, hasActor));
    }

    /// <summary>Whether an actor in the phrase is a possessor ("Blair 's job").</summary>
    private bool NamesOwner(NounPhrase p)
    {
        for (int i = p.Start; i + 1 < p.End; i++)
            if (s.ActorAt[i] >= 0 && s.ActorAt[i + 1] != s.ActorAt[i] && s.Tag[i + 1] == "POS") return true;
        return false;
    }

    /// <summary>Whether the phrase's first actor is a possessor of a role after it ("Blair 's government").</summary>
    private bool OwnsRole(NounPhrase p)
    {
        for (int i = p.Start; i < p.End; i++)
            if (s.ActorAt[i] >= 0)
            {
                var m = s.Actors[s.ActorAt[i]];
                return m.End < p.End && s.Tag[m.End] == "POS";
            }
        return false;
    }
}
