namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// Says who a speaker phrase is: a name is looked up (or added) in the cast; "he" and "she" go to
/// the most recent person of that gender who was a subject or a speaker; a definite description
/// ("the minister", "the Chinese official", "the spokeswoman") goes to the person whose roles and
/// nationality fit it, the headline's speaker included; "a security source" brings in a new unnamed
/// member that a later "the official" can refer to. When nothing fits, the answer is null: a wrong
/// speaker is worse than none.
/// </summary>
internal sealed class SpeakerResolver
{
    /// <summary>How far back, in sentences, a pronoun or description may look for its person.</summary>
    private const int Reach = 14;

    private readonly ArticleCast _cast;

    public SpeakerResolver(ArticleCast cast) => _cast = cast;

    public CastMember? Resolve(SpeakerPhrase phrase, QuoteText t, int sentence)
    {
        var member = phrase.Kind switch
        {
            PhraseKind.Name => Named(phrase, t, sentence),
            PhraseKind.SpeaksFor => phrase.Principal is { } principal ? Resolve(principal, t, sentence) : null,
            PhraseKind.Pronoun => Pronoun(phrase, t, sentence),
            PhraseKind.Definite => Definite(phrase, t, sentence),
            PhraseKind.Indefinite => Indefinite(phrase, t),
            _ => null,
        };
        return member;
    }

    /// <summary>Records that <paramref name="member"/> spoke or was the subject in <paramref name="sentence"/>.</summary>
    public static void Note(CastMember member, int sentence, bool spoke)
    {
        member.AddMention(sentence, subject: true);
        if (spoke) member.LastSpoke = Math.Max(member.LastSpoke, sentence);
    }

    private CastMember Named(SpeakerPhrase phrase, QuoteText t, int sentence)
    {
        var kind = phrase.Organisation ? SpeakerKind.Organisation : SpeakerKind.Person;
        var member = _cast.Named(phrase.Name(t), kind, sentence);
        Learn(member, phrase);
        return member;
    }

    public static void Learn(CastMember member, SpeakerPhrase phrase)
    {
        foreach (var d in phrase.Descriptors) member.Descriptors.Add(d);
        member.Country ??= phrase.Country;
        if (member.Gender == '\0') member.Gender = phrase.Gender;
    }

    private CastMember? Pronoun(SpeakerPhrase phrase, QuoteText t, int sentence)
    {
        var w = t[phrase.First];
        if (w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase))
        {
            var person = MostSalientPerson(sentence, phrase.Gender, country: null, descriptors: null);
            // What the pronoun says is learned: the next "she" can rely on it.
            if (person is not null && person.Gender == '\0') person.Gender = phrase.Gender;
            return person;
        }
        if (w.Equals("it", StringComparison.OrdinalIgnoreCase))
            return MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation, Reach / 2);
        if (w.Equals("they", StringComparison.OrdinalIgnoreCase))
            return MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation || m.Plural, Reach / 3, speakersOnly: true);
        return null; // "we", "I": the quoted person's own words, not an attribution
    }

    /// <summary>The person most recently a subject or speaker, of a compatible gender, within reach.</summary>
    private CastMember? MostSalientPerson(int sentence, char gender, string? country, HashSet<string>? descriptors)
    {
        CastMember? best = null;
        double bestScore = double.MinValue;
        foreach (var m in _cast.Members)
        {
            if (m.Kind != SpeakerKind.Person) continue;
            if (gender != '\0' && m.Gender != '\0' && m.Gender != gender) continue;
            if (country is not null && m.Country is not null && m.Country != country) continue;
            if (descriptors is not null && Conflicts(descriptors, m)) continue;
            int subject = Math.Max(m.LastSubjectBefore(sentence), m.LastSpoke < sentence ? m.LastSpoke : int.MinValue);
            int any = m.LastMentionBefore(sentence);
            if (any == int.MinValue && subject == int.MinValue) continue;
            int last = Math.Max(subject, any);
            if (sentence - last > Reach) continue;
            // A subject or a speaker is more salient than a name in passing; a known gender that fits
            // beats an unknown one close by.
            double score = (subject != int.MinValue ? subject : any - 2.5);
            if (gender != '\0' && m.Gender == gender) score += 1.5;
            if (score > bestScore)
            {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    private CastMember? MostRecent(int sentence, Func<CastMember, bool> fits, int reach, bool speakersOnly = false)
    {
        CastMember? best = null;
        int bestLast = int.MinValue;
        foreach (var m in _cast.Members)
        {
            if (!fits(m)) continue;
            int last = speakersOnly ? (m.LastSpoke < sentence ? m.LastSpoke : int.MinValue) : Math.Max(m.LastSubjectBefore(sentence), m.LastMentionBefore(sentence));
            if (last == int.MinValue || sentence - last > reach) continue;
            if (last > bestLast)
            {
                best = m;
                bestLast = last;
            }
        }
        return best;
    }

    private CastMember? Definite(SpeakerPhrase phrase, QuoteText t, int sentence)
    {
        if (phrase.Head < 0) return null;
        var headWord = t.Word(phrase.Head);
        var head = (headWord.Canonical ?? t[phrase.Head].ToString().ToLowerInvariant()).Split(' ')[^1];

        // "the ministry", "the company", "the statement": an organisation already in the article.
        if (phrase.Organisation) return DefiniteOrganisation(phrase, t, sentence, head);

        // "the official", "the source": an unnamed source met before.
        if (headWord.Is(SpeakerWordClass.Anonymous | SpeakerWordClass.Description))
        {
            var unnamed = MostRecent(sentence, m => m.Kind is SpeakerKind.Anonymous or SpeakerKind.Description && SameHead(m.Head, head), Reach);
            if (unnamed is not null) return unnamed;
        }

        // A role: "the minister", "the Chinese official", "the spokeswoman", "the deputy FM".
        if (headWord.Is(SpeakerWordClass.Role) || phrase.Country is not null)
        {
            var holder = RoleHolder(phrase, head, sentence);
            if (holder is not null) return holder;
        }

        // "the 21-year-old", "the widow", "the former Rovers defender": the person the story is about,
        // if they were the subject a sentence or two ago and nothing they are known as contradicts it.
        if (headWord.Is(SpeakerWordClass.Role | SpeakerWordClass.Description) || phrase.Country is not null)
        {
            var salient = MostSalientPerson(sentence, phrase.Gender, phrase.Country, phrase.Descriptors);
            if (salient is not null && sentence - Math.Max(salient.LastSubjectBefore(sentence), salient.LastSpoke < sentence ? salient.LastSpoke : int.MinValue) <= 3
                && !IsOfficialRole(head))
                return salient;
        }

        // Nobody fits. A description that identifies someone by itself ("France’s foreign minister") is
        // kept as what it says; a bare "the minister" says nothing and stays unresolved.
        if (phrase.Country is not null && headWord.Is(SpeakerWordClass.Role))
            return _cast.Unnamed(phrase.Describe(t), SpeakerKind.Description, head, phrase.Plural);
        return null;
    }

    private CastMember? DefiniteOrganisation(SpeakerPhrase phrase, QuoteText t, int sentence, string head)
    {
        // "the statement added": whoever issued the statement last.
        if (head == "statement")
            return MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation, Reach, speakersOnly: true)
                   ?? MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation, Reach / 2);
        var named = MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation && m.NameForms.Any(f => f.Contains(head)), Reach * 2);
        if (named is not null) return named;
        if (head is "company" or "firm" or "group" or "organisation" or "organization" or "charity" or "body" or "union"
            or "side" or "party" or "agency" or "club" or "team" or "network" or "movement" or "alliance" or "coalition")
        {
            var recent = MostRecent(sentence, m => m.Kind == SpeakerKind.Organisation && !IsCountry(m), Reach);
            if (recent is not null) return recent;
        }
        // "Police said", "the army said", "the prosecution said": the body itself, named as written.
        if (head is "company" or "firm" or "group" or "organisation" or "organization" or "charity" or "body" or "side" or "statement")
            return null;
        var name = phrase.Describe(t);
        return _cast.Named(name, SpeakerKind.Organisation, sentence);
    }

    private static bool IsCountry(CastMember m) => QuoteLexicon.Country(m.Name) is not null;

    private CastMember? RoleHolder(SpeakerPhrase phrase, string head, int sentence)
    {
        CastMember? best = null;
        double bestScore = double.MinValue;
        foreach (var m in _cast.Members)
        {
            if (m.Kind is not (SpeakerKind.Person or SpeakerKind.Description)) continue;
            if (!m.MentionedBefore(sentence) && m.LastSpoke == int.MinValue) continue;
            if (phrase.Gender != '\0' && m.Gender != '\0' && phrase.Gender != m.Gender) continue;
            int fit = RoleFit(phrase, head, m);
            if (fit <= 0) continue;
            int last = Math.Max(m.LastMentionBefore(sentence), m.LastSpoke < sentence ? m.LastSpoke : int.MinValue);
            if (sentence - last > Reach * 2) continue;
            // Fit first; but the one who has just been speaking or was just the subject wins a near tie:
            // "the Chinese official noted" after the spokesman's quotes means the spokesman.
            int active = Math.Max(m.LastSubjectBefore(sentence), m.LastSpoke < sentence ? m.LastSpoke : int.MinValue);
            double score = fit * 3 + Math.Max(0, 8 - (sentence - active)) + last * 0.001;
            if (score > bestScore)
            {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>How well a person fits a role description: 0 not at all, higher is better.</summary>
    internal static int RoleFit(SpeakerPhrase phrase, string head, CastMember m)
    {
        var roles = m.Descriptors;
        bool headFits = roles.Contains(head) || head switch
        {
            "diplomat" => roles.Contains("ambassador") || roles.Contains("envoy") || roles.Contains("diplomat")
                          || roles.Contains("foreign") || roles.Contains("negotiator")
                          || roles.Contains("secretary") && roles.Contains("state"),
            "official" => roles.Overlaps(OfficialRoles),
            "minister" => roles.Contains("minister") && !roles.Contains("prime"),
            "spokesperson" => roles.Contains("spokesperson"),
            "premier" => roles.Contains("premier"),
            "chief" => roles.Contains("chief") || roles.Contains("head") || roles.Contains("secretary-general"),
            "negotiator" => roles.Contains("negotiator") || roles.Contains("minister") && roles.Contains("deputy"),
            _ => false,
        };
        if (!headFits) return 0;
        int fit = 2;
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
            if (roles.Contains(d)) fit++;
            else if (RoleModifiers.Contains(d)) return 0; // "the deputy FM" is not the minister
        }
        if (phrase.Country is not null && m.Country is not null && m.Country != phrase.Country) return 0;
        return fit;
    }

    /// <summary>Whether something the member is known as rules the description out (a striker is not "the defender").</summary>
    internal static bool Conflicts(HashSet<string> descriptors, CastMember m)
    {
        foreach (var d in descriptors)
        {
            var word = QuoteLexicon.Word(d);
            if (!word.Is(SpeakerWordClass.Role) || SoftModifiers.Contains(d)) continue;
            if (m.Descriptors.Contains(d)) continue;
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
        "chief", "local", "independent", "young", "elderly", "acting", "interim", "official",
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
