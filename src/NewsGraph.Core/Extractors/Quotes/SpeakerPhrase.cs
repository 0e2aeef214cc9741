using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Quotes;

internal enum PhraseKind
{
    /// <summary>he, she, they, it.</summary>
    Pronoun,
    /// <summary>A name: "Price", "Foreign Ministry Spokesman Wang Wenbin", "the European Commission".</summary>
    Name,
    /// <summary>Refers back to someone: "the minister", "the Chinese official", "France’s foreign minister".</summary>
    Definite,
    /// <summary>Brings in someone unnamed: "a security source", "officials", "one resident".</summary>
    Indefinite,
    /// <summary>Speaks for someone else: "a spokesman for the RSF", "Netanyahu’s office".</summary>
    SpeaksFor,
}

/// <summary>
/// The words in a sentence that say who is speaking, read into what a resolver needs: the name in
/// them, the roles and nationality they give, the gender they imply, and the head noun of a
/// description. Token indexes point into <see cref="QuoteText"/>.
/// </summary>
internal sealed class SpeakerPhrase
{
    public int First;
    public int Last;
    public PhraseKind Kind;
    public int NameFirst = -1;
    public int NameLast = -1;
    public int Head = -1;
    public bool Organisation;
    public bool Plural;
    public char Gender;
    public string? Country;
    /// <summary>Lower-case words that describe the speaker (canonical roles, titles, adjectives): "deputy", "foreign", "minister".</summary>
    public HashSet<string> Descriptors { get; } = new(StringComparer.Ordinal);
    /// <summary>The one spoken for, in <see cref="PhraseKind.SpeaksFor"/>.</summary>
    public SpeakerPhrase? Principal;
    /// <summary>The phrase belongs to someone named in it: "France’s foreign minister", "Cloudbase's chief technology officer".</summary>
    public bool HasOwner;

    public bool HasName => NameFirst >= 0;

    public Span Span(QuoteText t) => new(t.Start(First), t.End(Last));
    public Span NameSpan(QuoteText t) => new(t.Start(NameFirst), t.End(NameLast));

    /// <summary>The phrase as written, with a leading "A"/"The" lower-cased ("a security source").</summary>
    public string Describe(QuoteText t)
    {
        var text = t.Text.Substring(t.Start(First), t.End(Last) - t.Start(First));
        // "Analysts said" at a sentence's start is "analysts".
        if (t.Is(First, SpeakerWordClass.Indefinite | SpeakerWordClass.Definite | SpeakerWordClass.Possessive | SpeakerWordClass.Anonymous
                        | SpeakerWordClass.Description | SpeakerWordClass.Adjective | SpeakerWordClass.Organisation)
            && text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]))
            text = char.ToLowerInvariant(text[0]) + text[1..];
        return text;
    }

    public string Name(QuoteText t) => t.Text.Substring(t.Start(NameFirst), t.End(NameLast) - t.Start(NameFirst));

    /// <summary>
    /// Folds an appositive into this phrase: "A spokesman for the RSF, Osman Idris," takes the name;
    /// "Pat Cullen, the general secretary of the RCN," takes the role.
    /// </summary>
    public void Absorb(SpeakerPhrase appositive)
    {
        // "The largest farm union, the FNSEA," : an organisation described, then named.
        if (!HasName && Organisation && appositive.HasName && appositive.Kind == PhraseKind.Name && appositive.Organisation)
        {
            NameFirst = appositive.NameFirst;
            NameLast = appositive.NameLast;
            Kind = PhraseKind.Name;
            return;
        }
        if (!HasName && appositive.HasName && appositive.Kind == PhraseKind.Name && !appositive.Organisation)
        {
            NameFirst = appositive.NameFirst;
            NameLast = appositive.NameLast;
            Kind = PhraseKind.Name;
            Organisation = false;
            Principal = null;
        }
        Descriptors.UnionWith(appositive.Descriptors);
        Country ??= appositive.Country;
        if (Gender == '\0') Gender = appositive.Gender;
    }
}

/// <summary>Reads speaker phrases out of the tokens around a speech verb.</summary>
internal static class SpeakerPhrases
{
    private const int MaxPhraseTokens = 14;

    /// <summary>The phrase that ends at token <paramref name="end"/>, reading leftwards no further than <paramref name="floor"/>.</summary>
    public static SpeakerPhrase? EndingAt(QuoteText t, int end, int floor)
    {
        if (end < floor || end < 0 || t.Quoted(end)) return null;
        if (t.Is(end, SpeakerWordClass.Pronoun)) return Analyse(t, end, end);
        int first = -1;
        int i = end;
        while (i >= floor && end - i < MaxPhraseTokens && !t.Quoted(i))
        {
            if (IsDeterminer(t, i))
            {
                first = i;
                // "a spokesman for the RSF": the determiner opens the object of a joining word.
                if (i - 2 >= floor && IsConnector(t, i - 1) && !t.Quoted(i - 2) && IsContent(t, i - 2, i - 1) && ConnectorFits(t, i - 2, i - 1, i))
                {
                    i -= 2;
                    continue;
                }
                break;
            }
            if (IsContent(t, i, first < 0 ? i + 1 : first))
            {
                first = i;
                i--;
                continue;
            }
            // "The largest farm union": unknown words between a determiner and the head.
            if (first >= 0 && t.IsLower(i) && !IsConnector(t, i))
            {
                int k = i;
                while (k > i - 3 && k - 1 >= floor && t.IsLower(k - 1) && !IsDeterminer(t, k - 1) && !IsConnector(t, k - 1) && !t.Quoted(k - 1)) k--;
                if (k - 1 >= floor && IsDeterminer(t, k - 1) && !t.Quoted(k - 1) && !HasVerbLike(t, k, i))
                {
                    first = k - 1;
                    break;
                }
            }
            // "a spokesman for the RSF", "head of policy", "Department for Work and Pensions": a joining word
            // stays inside when there is more of the phrase on its left.
            if (first >= 0 && IsConnector(t, i) && i - 1 >= floor && !t.Quoted(i - 1) && IsContent(t, i - 1, i)
                && ConnectorFits(t, i - 1, i, first))
            {
                i--;
                continue;
            }
            break;
        }
        if (first < 0) return null;
        // Sentence adverbs that happen to be capitalised are not part of a name: "Yesterday Smith said".
        while (first < end && t.IsCapitalised(first) && IsSentenceAdverb(t[first])) first++;
        while (first < end && IsConnector(t, first)) first++;
        if (first == end && t.IsCapitalised(first) && IsSentenceAdverb(t[first])) return null; // "When asked"
        return Analyse(t, first, end);
    }

    /// <summary>The phrase that starts at token <paramref name="start"/>, reading rightwards to <paramref name="ceiling"/> (exclusive).</summary>
    public static SpeakerPhrase? StartingAt(QuoteText t, int start, int ceiling)
    {
        if (start >= ceiling || start >= t.Count || t.Quoted(start)) return null;
        if (t.Is(start, SpeakerWordClass.Pronoun)) return Analyse(t, start, start);
        int i = start;
        bool determined = IsDeterminer(t, i);
        if (determined) i++;
        int last = -1;
        while (i < ceiling && i - start < MaxPhraseTokens && !t.Quoted(i))
        {
            // "a cattle farmer", "the largest farm union": unknown words after a determiner, up to a known head.
            if (determined && last < 0 && t.IsLower(i) && !IsContent(t, i, i + 1) && !IsConnector(t, i))
            {
                int k = i;
                while (k < ceiling && k - i < 3 && t.IsLower(k) && !IsContent(t, k, k + 1) && !IsConnector(t, k)) k++;
                if (k < ceiling && IsContent(t, k, k + 1) && !HasVerbLike(t, i, k - 1))
                {
                    i = k;
                    continue;
                }
            }
            if (IsContent(t, i, i + 1) || last >= 0 && t.IsPossessive(i) && i + 1 < ceiling && IsContent(t, i + 1, i + 2))
            {
                last = i;
                i++;
                continue;
            }
            if (last >= 0 && IsConnector(t, i) && i + 1 < ceiling && !t.Quoted(i + 1)
                && (t.IsCapitalised(i + 1) || IsDeterminer(t, i + 1) && i + 2 < ceiling && t.IsCapitalised(i + 2))
                && ConnectorFits(t, last, i, i + 1))
            {
                i++;
                if (IsDeterminer(t, i)) i++;
                continue;
            }
            break;
        }
        if (last < 0) return null;
        return Analyse(t, start, last);
    }

    /// <summary>Whether tokens [from, to] hold a word that reads as a verb (a speech verb or a past tense).</summary>
    private static bool HasVerbLike(QuoteText t, int from, int to)
    {
        for (int k = from; k <= to; k++)
        {
            var w = t[k];
            if (t.Verb(k) is not null || w is "is" or "was" or "were" or "are" or "has" or "had" or "have" || w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
                return true;
        }
        return false;
    }

    private static bool IsDeterminer(QuoteText t, int i) =>
        t.Is(i, SpeakerWordClass.Definite | SpeakerWordClass.Indefinite | SpeakerWordClass.Possessive)
        && !t.Is(i, SpeakerWordClass.Pronoun | SpeakerWordClass.Role);

    /// <summary>A word that can be inside a speaker phrase.</summary>
    private static bool IsContent(QuoteText t, int i, int right)
    {
        if (t.Quoted(i)) return false;
        if (t.IsPossessive(i)) return i > 0 && t.IsWord(i - 1);
        if (t.IsNumber(i) || t.IsWord(i) && t[i].EndsWith("year-old", StringComparison.OrdinalIgnoreCase))
            return true; // "the 21-year-old", "two officials", "Fallon, 58,"
        if (t[i] is "-" && i > 0 && t.IsNumber(i - 1) && i + 1 < t.Count && t[i + 1].StartsWith("year", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!t.IsWord(i)) return false;
        if (t.Is(i, SpeakerWordClass.Pronoun)) return false;
        if (t.IsCapitalised(i)) return true;
        if (t.Is(i, SpeakerWordClass.Role | SpeakerWordClass.Anonymous | SpeakerWordClass.Description
                   | SpeakerWordClass.Organisation | SpeakerWordClass.Adjective | SpeakerWordClass.Title))
            return true;
        // Particles inside names: Jean-Yves le Drian, Borja del Pozo Cruz, Mohammad bin Salman.
        return QuoteText.IsParticle(t[i]) && i > 0 && t.IsCapitalised(i - 1) && right < t.Count && t.IsCapitalised(right);
    }

    private static bool IsConnector(QuoteText t, int i) =>
        t.IsWord(i) && t[i] is "of" or "for" or "at" or "in" or "and" or "from" or "on";

    /// <summary>
    /// Whether "left CONNECTOR right" is one phrase: "spokesman for the RSF", "official in Kaya", "Department for
    /// Work and Pensions" yes; "officials in the capital said" too; but not "said in a statement".
    /// </summary>
    private static bool ConnectorFits(QuoteText t, int left, int connector, int right)
    {
        if (right >= t.Count) return false;
        bool leftNoun = t.IsCapitalised(left) || t.Is(left, SpeakerWordClass.Role | SpeakerWordClass.Anonymous
                                                        | SpeakerWordClass.Description | SpeakerWordClass.Organisation);
        if (!leftNoun) return false;
        if (t[connector] is "and") return t.IsCapitalised(left) && t.IsCapitalised(right); // names of bodies only
        if (t[connector] is "on") return false;
        // "head of policy": a role takes an of-phrase even in lower case.
        if (t[connector] is "of" && t.Is(left, SpeakerWordClass.Role)) return true;
        return t.IsCapitalised(right) || IsDeterminer(t, right) && right + 1 < t.Count && t.IsCapitalised(right + 1);
    }

    private static bool IsSentenceAdverb(ReadOnlySpan<char> w) =>
        w is "Yesterday" or "Today" or "Meanwhile" or "However" or "But" or "And" or "So" or "Also" or "Then" or "Now"
            or "Still" or "Later" or "Earlier" or "Separately" or "Instead" or "Afterwards" or "Asked" or "Speaking"
            or "Tonight" or "Overnight" or "Finally" or "Indeed" or "Yet" or "Again" or "Elsewhere" or "Outside"
            or "Inside" or "Previously" or "Last" or "On" or "In" or "At" or "For" or "After" or "Before" or "While"
            or "When" or "As" or "If" or "Since" or "Although" or "Though" or "Because";

    /// <summary>Reads tokens [first, last] as a speaker phrase, or null when they cannot name a speaker.</summary>
    public static SpeakerPhrase? Analyse(QuoteText t, int first, int last)
    {
        var p = new SpeakerPhrase { First = first, Last = last };
        if (first == last && t.Is(first, SpeakerWordClass.Pronoun))
        {
            p.Kind = PhraseKind.Pronoun;
            p.Gender = t.Word(first).Gender;
            var w = t[first];
            p.Plural = w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("we", StringComparison.OrdinalIgnoreCase);
            p.Organisation = w.Equals("it", StringComparison.OrdinalIgnoreCase);
            return p;
        }

        int body = first;
        bool definite = false, indefinite = false;
        if (IsDeterminer(t, first))
        {
            definite = t.Is(first, SpeakerWordClass.Definite | SpeakerWordClass.Possessive);
            indefinite = !definite;
            body = first + 1;
        }
        if (body > last) return null;

        // A possessive splits off who the rest belongs to: "Netanyahu’s office", "Russia’s Deputy Foreign
        // Minister Sergey Ryabkov", "Cloudbase's chief technology officer".
        // Only a possessive before any "for"/"of": in "a spokeswoman for the SEC's Boston office" it belongs to the object.
        int limit = last;
        for (int i = body + 1; i < last; i++)
            if (t.IsWord(i) && t[i] is "for" or "of" && !t.IsCapitalised(i - 1)) { limit = i; break; }
        int possessive = -1;
        for (int i = limit - 1; i > body; i--)
            if (t.IsPossessive(i)) { possessive = i; break; }
        // "the Referees’ Association", "Alzheimer’s Research UK", "Turkey’s Foreign Ministry": the name of a body.
        if (possessive > 0 && t.IsCapitalised(possessive + 1) && (t.Is(last, SpeakerWordClass.NameEnd) || IsAcronym(t[last]))
            && !t.Is(last, SpeakerWordClass.Role | SpeakerWordClass.Title))
            possessive = -1;
        SpeakerPhrase? owner = null;
        if (possessive > 0)
        {
            owner = Analyse(t, body, possessive - 1);
            body = possessive + 1;
            p.HasOwner = owner is not null;
            if (owner is not null)
            {
                p.Country = owner.Country ?? (owner.HasName ? QuoteLexicon.Country(owner.Name(t)) : null);
                if (owner.HasName) p.Descriptors.Add(owner.Name(t).ToLowerInvariant());
            }
        }

        // "the Duke of Arden", "the Archbishop of Canterbury": a title of a place is a name.
        if (body + 2 <= last && t.Is(body, SpeakerWordClass.Title) && t.IsCapitalised(body) && t.Equals(body + 1, "of") && t.IsCapitalised(body + 2)
            && t[body] is "Duke" or "Duchess" or "Prince" or "Princess" or "King" or "Queen" or "Archbishop" or "Bishop" or "Earl" or "Emir" or "Sultan" or "Countess" or "Count")
        {
            p.NameFirst = body;
            p.NameLast = last;
            p.Kind = PhraseKind.Name;
            p.Descriptors.Add(t.Lower(body));
            p.Gender = t.Word(body).Gender;
            return p;
        }
        // A "for"/"of"/"in" phrase after the head: "a spokesman for the RSF", "chief executive of the Trussell
        // Trust", "local media in Pakistan". Not inside a title ("Secretary of State Antony Blinken") or the
        // name of a body ("Department for Work and Pensions").
        int connector = -1;
        for (int i = body + 1; i < last; i++)
        {
            if (!t.IsWord(i) || t[i] is not ("for" or "of" or "in" or "at" or "from")) continue;
            if (t[i] is "of" or "for" && t.Is(i - 1, SpeakerWordClass.Title) && t.IsCapitalised(i - 1) && t.IsCapitalised(i + 1)) continue;
            if (t.IsCapitalised(i - 1) && t.IsCapitalised(i + 1) && !IsDeterminer(t, i + 1) && IsBodyName(t, i - 1, i + 1, last)) continue;
            connector = i;
            break;
        }
        int coreLast = connector > 0 ? connector - 1 : last;
        SpeakerPhrase? complement = connector > 0 ? Analyse(t, connector + 1, last) : null;

        FindName(t, body, coreLast, p);
        // The head of a description: its last lower-case noun ("the top Iranian diplomat", "a witness").
        if (!p.HasName)
            for (int i = coreLast; i >= body; i--)
                if (t.IsWord(i) && t.Is(i, SpeakerWordClass.Role | SpeakerWordClass.Anonymous | SpeakerWordClass.Description | SpeakerWordClass.Organisation | SpeakerWordClass.NameEnd))
                { p.Head = i; break; }

        for (int i = body; i <= coreLast; i++)
        {
            if (p.HasName && i >= p.NameFirst && i <= p.NameLast) continue;
            if (!t.IsWord(i) || !char.IsLetter(t[i][0]) || t[i].Contains("year", StringComparison.OrdinalIgnoreCase)) continue;
            var word = t.Word(i);
            var lower = t.Lower(i);
            p.Descriptors.Add(word.Canonical ?? lower);
            if (word.Canonical is { } canonical && canonical.Contains(' '))
                foreach (var part in canonical.Split(' ')) p.Descriptors.Add(part);
            if (word.Gender != '\0') p.Gender = word.Gender;
            if (t.Country(i) is { } country) p.Country ??= country;
        }
        if (p.HasName && !p.Organisation && p.Gender == '\0')
            p.Gender = QuoteLexicon.GenderOfFirstName(FirstNamePart(t, p.NameFirst));

        if (p.Head >= 0)
        {
            var head = t[p.Head];
            p.Plural = IsPlural(head);
            if (t.Is(p.Head, SpeakerWordClass.Organisation | SpeakerWordClass.NameEnd) && !t.Is(p.Head, SpeakerWordClass.Role | SpeakerWordClass.Anonymous | SpeakerWordClass.Description))
                p.Organisation = true;
        }

        bool speaksForHead = p.Head >= 0 && !p.HasName && (IsSpokesWord(t[p.Head]) || t[p.Head] is "office" or "Office" or "camp" or "team" or "lawyers" or "lawyer");
        // "his office said", "her spokesman said": whoever "his" is speaks.
        if (speaksForHead && owner is null && complement is null && first < body && t.Is(first, SpeakerWordClass.Possessive) && body == p.Head)
        {
            p.Kind = PhraseKind.SpeaksFor;
            p.Principal = new SpeakerPhrase { First = first, Last = first, Kind = PhraseKind.Pronoun, Gender = t.Word(first).Gender,
                                              Organisation = t[first] is "its" or "Its", Plural = t[first] is "their" or "Their" };
            return p;
        }
        // "a government spokesman", "a police spokeswoman": the body named by the word before.
        if (speaksForHead && IsSpokesWord(t[p.Head]) && owner is null && complement is null && body < p.Head
            && t.IsLower(p.Head - 1) && t.Is(p.Head - 1, SpeakerWordClass.Organisation) && !t.Is(p.Head - 1, SpeakerWordClass.Role))
        {
            p.Kind = PhraseKind.SpeaksFor;
            var body_ = new SpeakerPhrase { First = p.Head - 1, Last = p.Head - 1, Kind = PhraseKind.Definite, Head = p.Head - 1, Organisation = true };
            p.Principal = body_;
            return p;
        }
        if (speaksForHead && (complement is not null && connector > 0 && t[connector] is "for" || owner is not null && possessive > 0
                              || body < p.Head && t.IsCapitalised(p.Head - 1)))
        {
            p.Kind = PhraseKind.SpeaksFor;
            p.Principal = complement ?? owner ?? Analyse(t, body, p.Head - 1);
            if (p.Principal is null) return null;
            return p;
        }
        if (complement is not null)
        {
            p.Country ??= complement.Country;
            if (complement.HasName) p.Descriptors.Add(complement.Name(t).ToLowerInvariant());
        }

        if (p.HasName)
        {
            // "the Spaniard", "the Czech": a people's noun after "the" describes a person, it does not name one.
            if (definite && p.NameFirst == p.NameLast && t.IsNationality(p.NameFirst) && !p.Organisation)
            {
                p.Country = t.Country(p.NameFirst);
                p.Descriptors.Add(t.Lower(p.NameFirst));
                p.NameFirst = p.NameLast = -1;
                p.Head = last;
                p.Kind = PhraseKind.Definite;
                return p;
            }
            p.Kind = PhraseKind.Name;
            return p;
        }
        if (p.Head < 0) return null;
        if (definite || owner is not null) p.Kind = PhraseKind.Definite;
        else if (p.Organisation && !indefinite) p.Kind = PhraseKind.Definite; // "Local media in Pakistan", "Police"
        else if (indefinite || p.Plural) p.Kind = PhraseKind.Indefinite;
        else if (t.Is(p.Head, SpeakerWordClass.Organisation | SpeakerWordClass.NameEnd) && t.IsCapitalised(p.Head))
            p.Kind = PhraseKind.Definite; // "Police said"
        else if (body < p.Head && t.IsCapitalised(body))
            p.Kind = PhraseKind.Definite; // "Kremlin spokesman", "Station manager": a title with no name
        else if (t.Is(p.Head, SpeakerWordClass.Role))
            p.Kind = PhraseKind.Definite; // "chief executive of Dignity in Dying", as an appositive
        else
            return null;
        return p;
    }

    /// <summary>The name in tokens [from, to]: an organisation's whole capitalised run, or a person's run after the last title.</summary>
    private static void FindName(QuoteText t, int from, int to, SpeakerPhrase p)
    {
        int last = to;
        // Letters after a name are not the name: "Nicholas Grant KC", "Martin Luther King Jr".
        while (last > from && IsPostNominal(t[last]) && t.IsCapitalised(last - 1))
        {
            p.Descriptors.Add(t.Lower(last));
            last--;
        }
        to = last;
        while (last >= from && !t.IsCapitalised(last)) last--;
        // A name ends the phrase, or comes before an age: "Kevin, 55" is read without the age by the caller.
        if (last < from || last != to) return;
        // An acronym names a body ("RSF", "FNSEA"), but a tabloid writes names in capitals too ("RAY DYCHE").
        bool organisation = t.Is(last, SpeakerWordClass.NameEnd)
                            || IsAcronym(t[last]) && !t.Is(last, SpeakerWordClass.Role | SpeakerWordClass.Title) && !(last - 1 >= from && t.IsWord(last - 1) && IsAcronym(t[last - 1]));
        // "Iran FM", "Kremlin Spokesman", "US Secretary": a title with no name after it.
        if (!organisation && t.Is(last, SpeakerWordClass.Title | SpeakerWordClass.Role)) return;
        int first = last;
        // "Bank of England", "Department for Work and Pensions", "Mineworkers Union of Zambia": a body's word
        // anywhere in a run of capitals joined by of/for/and makes the whole run its name.
        if (!organisation)
        {
            int k = last;
            // Only where the body's word heads the rest ("Bank of England"), not in a title before a person's
            // name ("Foreign Ministry Spokesman Wang Wenbin").
            while (k - 1 >= from && (t.IsCapitalised(k - 1) || IsConnector(t, k - 1) && k - 2 >= from && t.IsCapitalised(k - 2)))
            {
                k--;
                if (t.IsCapitalised(k) && t.Is(k, SpeakerWordClass.NameEnd) && !t.Is(k, SpeakerWordClass.Role) && k + 1 <= last && IsConnector(t, k + 1))
                    organisation = true;
            }
        }
        if (organisation)
        {
            // "Crown Prosecution Service", "Department for Work and Pensions", "Royal College of Nursing".
            while (first - 1 >= from && (t.IsCapitalised(first - 1)
                                         || (IsConnector(t, first - 1) || t.IsPossessive(first - 1)) && first - 2 >= from && t.IsCapitalised(first - 2)))
                first--;
            p.NameFirst = first;
            p.NameLast = last;
            p.Organisation = true;
            return;
        }
        while (first - 1 >= from)
        {
            int k = first - 1;
            if (t.IsCapitalised(k) && !t.Is(k, SpeakerWordClass.Title) && !IsNationalityOnly(t, k)) { first = k; continue; }
            if (QuoteText.IsParticle(t[k]) && k - 1 >= from && t.IsCapitalised(k - 1) && !t.Is(k - 1, SpeakerWordClass.Title)) { first = k; continue; }
            break;
        }
        // A given name starts the name: "Harbour Master Colin Pryce" is Colin Pryce, whatever the words before.
        for (int k = first; k < last; k++)
            if (t.IsCapitalised(k) && QuoteLexicon.GenderOfFirstName(FirstNamePart(t, k)) != '\0' && !t.Is(k, SpeakerWordClass.Title))
            {
                first = k;
                break;
            }
        // A letter alone is not a name: the "P" of "S&P".
        if (first == last && t[last].Length == 1) return;
        // A lone title word is not a name ("the Minister"), nor a role word in capitals ("Analysts").
        if (first == last && t.Is(last, SpeakerWordClass.Title | SpeakerWordClass.Role | SpeakerWordClass.Anonymous | SpeakerWordClass.Description | SpeakerWordClass.Organisation))
            return;
        p.NameFirst = first;
        p.NameLast = last;
        // A country or capital speaking is its government: "Spain said", "Moscow has dismissed".
        if (first == last && t.Country(last) is not null && !t.IsNationality(last))
            p.Organisation = true;
        else if (QuoteLexicon.Country(t.Text.AsSpan(t.Start(first), t.End(last) - t.Start(first))) is not null && !QuoteLexicon.IsNationality(t[first]))
            p.Organisation = true;
    }

    private static bool IsBodyName(QuoteText t, int left, int right, int last)
    {
        // "Department for Work and Pensions", "Royal College of Nursing": capitals on both sides and an organisation word in it.
        for (int i = right; i <= last; i++) if (t.Is(i, SpeakerWordClass.NameEnd)) return true;
        return t.Is(left, SpeakerWordClass.NameEnd);
    }

    private static bool IsNationalityOnly(QuoteText t, int i) => t.IsNationality(i) && !t.Is(i, SpeakerWordClass.NameEnd);

    private static ReadOnlySpan<char> FirstNamePart(QuoteText t, int nameFirst)
    {
        var w = t[nameFirst];
        int dash = w.IndexOf('-');
        return dash > 0 ? w[..dash] : w; // Jean-Yves -> Jean
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 6) return false;
        foreach (var c in w) if (!char.IsUpper(c) && c != '.') return false;
        return true;
    }

    private static bool IsPostNominal(ReadOnlySpan<char> w) =>
        w is "KC" or "QC" or "MP" or "MEP" or "MSP" or "MBE" or "OBE" or "CBE" or "Jr" or "Jr." or "Sr" or "Sr." or "II" or "III" or "PhD";

    public static bool IsSpokesWord(ReadOnlySpan<char> w) =>
        w.StartsWith("spokes", StringComparison.OrdinalIgnoreCase);

    private static bool IsPlural(ReadOnlySpan<char> head) =>
        head is "people" or "men" or "women" or "police" or "staff" or "locals" or "authorities" or "media" or "youths" or "fishermen"
        || head.Length > 3 && head[^1] == 's' && head[^2] != 's' && !head.Equals("news", StringComparison.OrdinalIgnoreCase);
}
