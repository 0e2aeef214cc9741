namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// Says who a speaker phrase is: a name is looked up (or added) in the cast; "he" and "she" go to
/// the most recent person of that gender who was a subject or a speaker; a definite description
/// ("the minister", "the Chinese official", "the spokeswoman") goes to the person whose roles and
/// nationality fit it, the headline's speaker included; "a security source" brings in a new unnamed
/// member that a later "the official" can refer to. When nothing fits, the answer is null: a wrong
/// speaker is worse than none. Positions are <see cref="CastMember.At"/> values.
/// </summary>
internal sealed class SpeakerResolver
{
    /// <summary>How far back, in sentences, a pronoun or description may look for its person.</summary>
    private const int Reach = 14;

    private readonly ArticleCast _cast;

    public SpeakerResolver(ArticleCast cast) => _cast = cast;

    public CastMember? Resolve(SpeakerPhrase phrase, QuoteText t, int position) => phrase.Kind switch
    {
        PhraseKind.Name => Named(phrase, t, position),
        PhraseKind.SpeaksFor => phrase.Principal is { } principal ? Spoken(Principal(principal, t, position), phrase, t, position) : null,
        PhraseKind.Pronoun => Pronoun(phrase, t, position),
        PhraseKind.Definite => Definite(phrase, t, position),
        PhraseKind.Indefinite => Indefinite(phrase, t),
        _ => null,
    };

    /// <summary>Remembers that a body spoke through its spokesperson, for a later "the spokesperson said".</summary>
    private static CastMember? Spoken(CastMember? member, SpeakerPhrase phrase, QuoteText t, int position)
    {
        if (member is not null && phrase.Head >= 0 && SpeakerPhrases.IsSpokesWord(t[phrase.Head])) member.LastSpokesperson = position;
        return member;
    }

    /// <summary>
    /// Whom a spokesperson speaks for: a body unless the name is a person's ("a spokesman for the Duke",
    /// "Netanyahu’s office"); "a Conservative spokesperson" speaks for the party.
    /// </summary>
    private CastMember? Principal(SpeakerPhrase principal, QuoteText t, int position)
    {
        if (principal.Kind == PhraseKind.Name && !principal.Organisation)
        {
            var known = _cast.Find(principal.Name(t), false, position);
            bool personal = known is not null || principal.Gender != '\0' || principal.NameLast > principal.NameFirst
                            || principal.Descriptors.Any(d => QuoteLexicon.Word(d).Is(SpeakerWordClass.Role | SpeakerWordClass.Title));
            if (!personal) principal.Organisation = true;
        }
        return Resolve(principal, t, position);
    }

    /// <summary>Records that <paramref name="member"/> spoke or was the subject at <paramref name="position"/>.</summary>
    public static void Note(CastMember member, int position, bool spoke)
    {
        member.AddMention(position, subject: true);
        if (spoke) member.LastSpoke = Math.Max(member.LastSpoke, position);
    }

    private CastMember Named(SpeakerPhrase phrase, QuoteText t, int position)
    {
        var kind = phrase.Organisation ? SpeakerKind.Organisation : SpeakerKind.Person;
        var member = _cast.Named(phrase.Name(t), kind, position);
        Learn(member, phrase);
        return member;
    }

    public static void Learn(CastMember member, SpeakerPhrase phrase)
    {
        foreach (var d in phrase.Descriptors) member.Descriptors.Add(d);
        member.Country ??= phrase.Country;
        if (member.Gender == '\0') member.Gender = phrase.Gender;
    }

    private static int Distance(int position, int last) =>
        last == int.MinValue ? int.MaxValue : CastMember.SentenceOf(position) - CastMember.SentenceOf(last);

    private static int Active(CastMember m, int position) =>
        Math.Max(m.LastSubjectBefore(position), m.LastSpoke < position ? m.LastSpoke : int.MinValue);

    private CastMember? Pronoun(SpeakerPhrase phrase, QuoteText t, int position)
    {
        var w = t[phrase.First];
        // "his office", "her spokesman": the possessive points to the person as "he" or "she" would.
        if (w.Equals("his", StringComparison.OrdinalIgnoreCase)) w = "he";
        else if (w.Equals("her", StringComparison.OrdinalIgnoreCase)) w = "she";
        else if (w.Equals("its", StringComparison.OrdinalIgnoreCase)) w = "it";
        else if (w.Equals("their", StringComparison.OrdinalIgnoreCase)) w = "they";
        if (w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase))
        {
            var person = MostSalientPerson(position, phrase.Gender, country: null, descriptors: null, exclude: null);
            // What the pronoun says is learned: the next "she" can rely on it.
            if (person is not null && person.Gender == '\0' && person.Kind == SpeakerKind.Person) person.Gender = phrase.Gender;
            return person;
        }
        if (w.Equals("it", StringComparison.OrdinalIgnoreCase))
            return MostRecent(position, m => m.Kind == SpeakerKind.Organisation, Reach / 2) ?? AnOrganisationAfterAll(position);
        if (w.Equals("they", StringComparison.OrdinalIgnoreCase))
            return MostRecent(position, m => m.Kind == SpeakerKind.Organisation || m.Plural, Reach / 3, speakersOnly: true);
        return null; // "we", "I": the quoted person's own words, not an attribution
    }

    /// <summary>
    /// The person most recently a subject or speaker, of a compatible gender, within reach. Unnamed single
    /// sources count ("a security source ... he stated"); a known gender that fits beats an unknown one close by.
    /// </summary>
    private CastMember? MostSalientPerson(int position, char gender, string? country, HashSet<string>? descriptors, CastMember? exclude)
    {
        CastMember? best = null;
        double bestScore = double.MinValue;
        foreach (var m in _cast.Members)
        {
            if (m == exclude) continue;
            if (m.Kind is SpeakerKind.Organisation || m.Plural) continue;
            if (gender != '\0' && m.Gender != '\0' && m.Gender != gender) continue;
            if (country is not null && m.Country is not null && m.Country != country) continue;
            if (descriptors is not null && Conflicts(descriptors, m)) continue;
            int active = Active(m, position);
            int any = m.LastMentionBefore(position);
            int last = Math.Max(active, any);
            if (last == int.MinValue || Distance(position, last) > Reach) continue;
            double score = active != int.MinValue && active >= any - (2 << 12) ? active / 4096.0 : any / 4096.0 - 2.5;
            // The one who has just spoken is the likeliest "he added"; a known gender that fits counts less.
            if (m.LastSpoke < position && Distance(position, m.LastSpoke) <= 1) score += 1;
            if (gender != '\0' && m.Gender == gender) score += 0.75;
            if (m.Kind != SpeakerKind.Person) score -= 0.5;
            if (score > bestScore)
            {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    private CastMember? MostRecent(int position, Func<CastMember, bool> fits, int reach, bool speakersOnly = false)
    {
        CastMember? best = null;
        int bestLast = int.MinValue;
        foreach (var m in _cast.Members)
        {
            if (!fits(m)) continue;
            int last = speakersOnly ? (m.LastSpoke < position ? m.LastSpoke : int.MinValue) : Math.Max(Active(m, position), m.LastMentionBefore(position));
            if (last == int.MinValue || Distance(position, last) > reach) continue;
            if (last > bestLast)
            {
                best = m;
                bestLast = last;
            }
        }
        return best;
    }

    /// <summary>
    /// "Cloudbase said ... the company said", "it said": a one-word name read as a person, with nothing
    /// personal known about it (no given name, no title, no gender), was an organisation.
    /// </summary>
    private CastMember? AnOrganisationAfterAll(int position)
    {
        var m = MostRecent(position, x => x.Kind == SpeakerKind.Person && x.Gender == '\0'
                                          && x.NameForms.All(f => f.All(w => QuoteLexicon.FactsOf(w) is not { FirstName: true }))
                                          && !x.Descriptors.Any(d => QuoteLexicon.Word(d).Is(SpeakerWordClass.Role | SpeakerWordClass.Title)),
                           Reach / 2, speakersOnly: true);
        if (m is not null) m.Kind = SpeakerKind.Organisation;
        return m;
    }

    private CastMember? Definite(SpeakerPhrase phrase, QuoteText t, int position)
    {
        if (phrase.Head < 0) return null;
        var headWord = t.Word(phrase.Head);
        var head = (headWord.Canonical ?? t[phrase.Head].ToString().ToLowerInvariant()).Split(' ')[^1];

        // "the ministry", "the company", "the statement": an organisation already in the article.
        if (phrase.Organisation) return DefiniteOrganisation(phrase, t, position, head);

        // "the official", "the source": an unnamed source met before.
        if (headWord.Is(SpeakerWordClass.Anonymous | SpeakerWordClass.Description))
        {
            var unnamed = MostRecent(position, m => m.Kind is SpeakerKind.Anonymous or SpeakerKind.Description && SameHead(m.Head, head) && m.Plural == phrase.Plural, Reach);
            if (unnamed is not null) return unnamed;
            // "their critics", "his supporters": a group met for the first time.
            if (phrase.Plural && !headWord.Is(SpeakerWordClass.Role)) return Indefinite(phrase, t);
        }

        // "his opponent", "her rival": the other one of the two the story is about.
        if (head is "opponent" or "rival" or "challenger" && t.Is(phrase.First, SpeakerWordClass.Possessive))
        {
            var owner = MostSalientPerson(position, t.Word(phrase.First).Gender, null, null, null);
            if (owner is not null) return MostSalientPerson(position, phrase.Gender, null, null, exclude: owner);
        }

        // A role: "the minister", "the Chinese official", "the spokeswoman", "the deputy FM".
        if (headWord.Is(SpeakerWordClass.Role) || phrase.Country is not null)
        {
            var holder = RoleHolder(phrase, head, position);
            if (holder is not null) return holder;
        }

        // "the 21-year-old", "the widow", "the former Rovers defender", "the spokesperson continued": the
        // person who was the subject or speaker a sentence or two ago, if nothing known about them
        // contradicts it. A government role needs them to have just been speaking, with no other role.
        if ((headWord.Is(SpeakerWordClass.Role | SpeakerWordClass.Description) || phrase.Country is not null) && !phrase.HasOwner)
        {
            var salient = MostSalientPerson(position, phrase.Gender, phrase.Country, phrase.Descriptors, null);
            if (salient is not null)
            {
                int distance = Distance(position, Active(salient, position));
                bool official = IsOfficialRole(head);
                if (!official && distance <= 3) return salient;
                if (official && Distance(position, salient.LastSpoke < position ? salient.LastSpoke : int.MinValue) <= 2
                    && !salient.Descriptors.Any(d => QuoteLexicon.Word(d).Is(SpeakerWordClass.Role)))
                    return salient;
            }
        }

        // "A DWP spokesperson said ... “...,” the spokesperson said": the body that spoke through one just before.
        if (head == "spokesperson")
        {
            var body = MostRecent(position, m => m.LastSpokesperson != int.MinValue && m.LastSpokesperson < position
                                                 && Distance(position, m.LastSpokesperson) <= 2, 2, speakersOnly: true);
            if (body is not null) return body;
        }

        // Nobody fits. A description that identifies someone by itself ("France’s foreign minister") is
        // kept as what it says; a bare "the minister" says nothing and stays unresolved.
        if (phrase.Country is not null && headWord.Is(SpeakerWordClass.Role))
            return _cast.Unnamed(phrase.Describe(t), SpeakerKind.Description, head, phrase.Plural);
        return null;
    }

    private CastMember? DefiniteOrganisation(SpeakerPhrase phrase, QuoteText t, int position, string head)
    {
        // "the statement added": whoever issued the statement last.
        if (head == "statement")
            return MostRecent(position, m => m.Kind == SpeakerKind.Organisation, Reach, speakersOnly: true)
                   ?? MostRecent(position, m => m.Kind == SpeakerKind.Organisation, Reach / 2);
        var named = MostRecent(position, m => m.Kind == SpeakerKind.Organisation && m.NameForms.Any(f => f.Contains(head)), Reach * 2);
        if (named is not null) return named;
        if (head is "company" or "firm" or "group" or "organisation" or "organization" or "charity" or "body" or "union"
            or "side" or "party" or "agency" or "club" or "team" or "network" or "movement" or "alliance" or "coalition" or "airline" or "bank")
        {
            var recent = MostRecent(position, m => m.Kind == SpeakerKind.Organisation && !IsCountry(m), Reach)
                         ?? AnOrganisationAfterAll(position);
            if (recent is not null) return recent;
            return null;
        }
        // "Police said", "the army said", "the prosecution said": the body itself, named as written.
        return _cast.Named(phrase.Describe(t), SpeakerKind.Organisation, position);
    }

    private static bool IsCountry(CastMember m) => QuoteLexicon.Country(m.Name) is not null;

    private CastMember? RoleHolder(SpeakerPhrase phrase, string head, int position)
    {
        CastMember? best = null;
        double bestScore = double.MinValue;
        foreach (var m in _cast.Members)
        {
            if (m.Kind is not (SpeakerKind.Person or SpeakerKind.Description)) continue;
            if (!m.MentionedBefore(position) && !(m.LastSpoke < position && m.LastSpoke != int.MinValue)) continue;
            if (phrase.Gender != '\0' && m.Gender != '\0' && phrase.Gender != m.Gender) continue;
            int fit = RoleFit(phrase, head, m);
            if (fit <= 0) continue;
            int last = Math.Max(m.LastMentionBefore(position), m.LastSpoke < position ? m.LastSpoke : int.MinValue);
            if (Distance(position, last) > Reach * 2) continue;
            // Fit first; but the one who has just been speaking or was just the subject wins a near tie:
            // "the Chinese official noted" after the spokesman's quotes means the spokesman.
            int active = Distance(position, Active(m, position));
            double score = fit * 3 + Math.Max(0, 8 - Math.Min(active, 8)) + last / 4096.0 * 0.001;
            if (score > bestScore)
            {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// How well a person fits a role description: 0 not at all, higher is better. The head must be one of
    /// their roles (a diplomat is a foreign minister, an envoy or an ambassador; an official holds any public
    /// role), or an affiliation must match ("the Conservative candidate" for the Conservative rival); a
    /// nationality or role word the person is known not to have rules them out.
    /// </summary>
    internal static int RoleFit(SpeakerPhrase phrase, string head, CastMember m)
    {
        var roles = m.Descriptors;
        bool headFits = roles.Contains(head) || Family(head).Overlaps(roles) || head switch
        {
            "diplomat" => roles.Contains("ambassador") || roles.Contains("envoy") || roles.Contains("diplomat")
                          || roles.Contains("foreign") || roles.Contains("negotiator")
                          || roles.Contains("secretary") && roles.Contains("state"),
            "official" => roles.Overlaps(OfficialRoles),
            "minister" => roles.Contains("minister") && !roles.Contains("prime"),
            "premier" => roles.Contains("premier"),
            "chief" => roles.Contains("chief") || roles.Contains("head") || roles.Contains("secretary-general"),
            "negotiator" => roles.Contains("negotiator") || roles.Contains("minister") && roles.Contains("deputy"),
            _ => false,
        };
        int fit = 2;
        bool affiliated = false;
        foreach (var d in phrase.Descriptors)
        {
            if (d == head || SoftModifiers.Contains(d)) continue;
            var country = QuoteLexicon.Country(d);
            if (country is not null)
            {
                if (m.Country is not null && m.Country != country && !roles.Contains(d)) return 0;
                if (m.Country == country || roles.Contains(d)) fit++;
                continue;
            }
            var word = QuoteLexicon.Word(d);
            if (word.Classes == SpeakerWordClass.None && d.Length > 1 && char.IsLetter(d[0]) && !d.Contains(' '))
            {
                // An affiliation: a party, a club, a company ("the Conservative candidate", "the Kremlin official").
                if (roles.Contains(d)) { fit += 2; affiliated = true; }
                else if (roles.Any(r => QuoteLexicon.Word(r).Classes == SpeakerWordClass.None && r.Length > 1 && QuoteLexicon.Country(r) is null && !r.Contains(' ')))
                    return 0;
                continue;
            }
            if (roles.Contains(d)) fit++;
            else if (RoleModifiers.Contains(d)) return 0; // "the deputy FM" is not the minister
        }
        if (phrase.Country is not null && m.Country is not null && m.Country != phrase.Country) return 0;
        if (!headFits && !affiliated) return 0;
        return fit;
    }

    /// <summary>Roles another role may be: a detective sergeant is "the officer", an ambassador "the envoy".</summary>
    private static HashSet<string> Family(string head) => head switch
    {
        "officer" or "policeman" or "policewoman" => PoliceRanks,
        "envoy" => Envoys,
        "manager" or "boss" or "coach" => Managers,
        "player" => Players,
        _ => NoRoles,
    };

    private static readonly HashSet<string> PoliceRanks = new(StringComparer.Ordinal) { "detective", "sergeant", "inspector", "constable", "superintendent", "commissioner", "officer" };
    private static readonly HashSet<string> Envoys = new(StringComparer.Ordinal) { "ambassador", "envoy", "diplomat", "representative" };
    private static readonly HashSet<string> Managers = new(StringComparer.Ordinal) { "manager", "boss", "coach" };
    private static readonly HashSet<string> Players = new(StringComparer.Ordinal) { "striker", "defender", "midfielder", "goalkeeper", "forward", "winger", "captain", "player" };
    private static readonly HashSet<string> NoRoles = new(StringComparer.Ordinal);

    /// <summary>Whether something the member is known as rules the description out (a striker is not "the defender").</summary>
    internal static bool Conflicts(HashSet<string> descriptors, CastMember m)
    {
        if (descriptors.Contains("former")) return false; // "the former Rovers defender" may be a manager now
        foreach (var d in descriptors)
        {
            var word = QuoteLexicon.Word(d);
            if (!word.Is(SpeakerWordClass.Role) || SoftModifiers.Contains(d)) continue;
            if (m.Descriptors.Contains(d) || Family(d).Overlaps(m.Descriptors)) continue;
            foreach (var r in m.Descriptors)
                if (QuoteLexicon.Word(r).Is(SpeakerWordClass.Role) && !SoftModifiers.Contains(r) && !descriptors.Contains(r))
                    return true;
        }
        return false;
    }

    private static bool SameHead(string? known, string head)
    {
        if (known is null) return false;
        static string Singular(string w) => w.EndsWith("ies") ? w[..^3] + "y" : w.EndsWith("es") && w.Length > 4 && w[^3] is 's' or 'x' or 'h' ? w[..^2] : w.EndsWith('s') ? w[..^1] : w;
        var a = Singular(known);
        var b = Singular(head);
        if (a == b) return true;
        // "a security source ... the official": sources and officials are the same unnamed person.
        return (a is "source" or "official" or "insider") && (b is "source" or "official" or "insider");
    }

    private static bool IsOfficialRole(string head) => head is "official" or "minister" or "spokesperson" or "diplomat" or "president";

    private static readonly HashSet<string> OfficialRoles = new(StringComparer.Ordinal)
    {
        "spokesperson", "minister", "secretary", "official", "officer", "ambassador", "envoy", "diplomat", "president",
        "premier", "chancellor", "governor", "mayor", "commissioner", "director", "adviser", "aide", "negotiator",
        "councillor", "chief", "head", "colonel", "general", "commander", "secretary-general", "representative",
    };

    // Words that describe but do not decide who is meant.
    private static readonly HashSet<string> SoftModifiers = new(StringComparer.Ordinal)
    {
        "top", "senior", "visiting", "former", "veteran", "new", "outgoing", "incoming", "leading", "prominent", "the",
        "chief", "local", "independent", "young", "elderly", "acting", "interim", "official", "of", "for", "in", "at", "and",
    };

    // Words that pick out one role among others: "the deputy minister" is not "the minister".
    private static readonly HashSet<string> RoleModifiers = new(StringComparer.Ordinal)
    {
        "deputy", "vice", "prime", "foreign", "interior", "defence", "defense", "finance", "health", "trade", "justice",
        "education", "energy", "economy", "home", "junior", "assistant", "associate",
    };

    private CastMember? Indefinite(SpeakerPhrase phrase, QuoteText t)
    {
        if (phrase.Head < 0) return null;
        var headWord = t.Word(phrase.Head);
        var head = t[phrase.Head].ToString();
        if (phrase.Organisation && !headWord.Is(SpeakerWordClass.Anonymous | SpeakerWordClass.Description)) return null;
        var kind = headWord.Is(SpeakerWordClass.Anonymous) ? SpeakerKind.Anonymous : SpeakerKind.Description;
        return _cast.Unnamed(phrase.Describe(t), kind, head, phrase.Plural);
    }
}
