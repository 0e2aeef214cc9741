using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// Gathers who an article mentions before its quotes are attributed: the entity stage's people and
/// organisations when it ran (with the names, roles and countries the identity stages gave them), or
/// else the names this stage can read itself (a title before them, a known first name, an age after
/// them); then the headline's speaker ("Iran FM: ...", "Scholz: ...") and the people in captions, who
/// are often the only place a speaker is named.
/// </summary>
internal static class CastBuilder
{
    public static ArticleCast Build(Article article, QuoteText t, IReadOnlyList<QuoteUnit> units, CueFinder finder)
    {
        var cast = new ArticleCast();
        var captionText = article.Captions.Select(c => Read(c)).ToList();
        var headline = article.Title.Length > 0 ? Read(article.Title) : null;

        foreach (var caption in captionText) ScanCaption(caption, cast);

        bool tagged = article.Entities.Any(e => e.Type is "PERSON" or "ORG");
        if (tagged) AddEntities(article, t, units, cast);
        else foreach (var u in units) ScanNames(t, finder.ContentStart(u), u.EndToken, cast, u.Index, u.FirstToken, requireEvidence: true);

        if (headline is not null) AddHeadlineSpeaker(headline, captionText, cast);
        return cast;
    }

    private static QuoteText Read(string line)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(line, tokens);
        return new QuoteText(line, tokens, Array.Empty<QuotedStretch>());
    }

    private static void AddEntities(Article article, QuoteText t, IReadOnlyList<QuoteUnit> units, ArticleCast cast)
    {
        foreach (var e in article.Entities)
        {
            if (e.Type is not ("PERSON" or "ORG" or "GPE" or "NORP")) continue;
            var kind = e.Type == "PERSON" ? SpeakerKind.Person : SpeakerKind.Organisation;
            int unitIndex = UnitAt(units, e.Span.Start);
            int unit = CastMember.At(unitIndex, t.TokenAtOrAfter(e.Span.Start) - units[unitIndex].FirstToken);
            var name = e.Canonical ?? article.Slice(e.Span);
            if (e.Type is "GPE" or "NORP" && cast.Find(name, true, unit) is null && e.Canonical is null) continue;
            var member = cast.Named(name, kind, unit);
            // The surface form too, so that "Price" finds "Ned Price" even when the canonical form differs.
            var surface = ArticleCast.NormaliseName(article.View(e.Span));
            if (surface.Length > 0 && !member.NameForms.Any(f => f.AsSpan().SequenceEqual(surface))) member.NameForms.Add(surface);
            member.AddMention(unit, subject: false);
            member.EntityId ??= e.EntityId;
            member.Country ??= e.Country is { } iso ? CountryOfCode(iso) ?? iso : null;
            if (e.Role is { } role)
                foreach (var word in role.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    member.Descriptors.Add(QuoteLexicon.Word(word).Canonical ?? word);
            // Titles written before the name still count when the identity stages did not give a role.
            int last = t.TokenAtOrAfter(e.Span.End) - 1;
            if (kind == SpeakerKind.Person && last >= 0)
            {
                var phrase = SpeakerPhrases.EndingAt(t, last, Math.Max(0, last - 10));
                if (phrase is not null && phrase.HasName) SpeakerResolver.Learn(member, phrase);
            }
        }
    }

    // The identity stages give ISO alpha-3 codes; the quote stage compares country names.
    private static string? CountryOfCode(string iso) => iso switch
    {
        "USA" => "United States", "GBR" => "Britain", "RUS" => "Russia", "CHN" => "China", "IRN" => "Iran", "FRA" => "France",
        "DEU" => "Germany", "TUR" => "Turkey", "QAT" => "Qatar", "OMN" => "Oman", "SAU" => "Saudi Arabia", "PAK" => "Pakistan",
        "AFG" => "Afghanistan", "UKR" => "Ukraine", "ISR" => "Israel", "PSE" => "Palestine", "EGY" => "Egypt", "IND" => "India",
        "JPN" => "Japan", "KOR" => "South Korea", "PRK" => "North Korea", "CUB" => "Cuba", "KAZ" => "Kazakhstan", "PHL" => "Philippines",
        "ESP" => "Spain", "ITA" => "Italy", "NGA" => "Nigeria", "SDN" => "Sudan", "MAR" => "Morocco", "KEN" => "Kenya",
        _ => null,
    };

    private static int UnitAt(IReadOnlyList<QuoteUnit> units, int offset)
    {
        int lo = 0, hi = units.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (units[mid].Span.Start <= offset) lo = mid;
            else hi = mid - 1;
        }
        return units.Count == 0 ? 0 : lo;
    }

    /// <summary>
    /// Names this stage can tell are people without a tagger: "Foreign Minister X", "Mohsen Rezaei" (a
    /// known first name), "Derek Fallon, 58,", "X, who ..."; and organisations by their last word. A
    /// lone capitalised word only counts when it is the surname of someone already met.
    /// </summary>
    /// <summary>
    /// People in a caption: names of two words or more, or a caption that is a name alone ("Amir-Abdollahian");
    /// not a tabloid label before a colon ("Steaming: Town boss Ray Dyche ...").
    /// </summary>
    private static void ScanCaption(QuoteText caption, ArticleCast cast)
    {
        int from = 0;
        for (int k = 0; k < caption.Count && k < 4; k++)
            if (caption.IsPunct(k, ':')) { from = k + 1; break; }
        int words = 0;
        for (int k = from; k < caption.Count; k++) if (caption.IsWord(k)) words++;
        ScanNames(caption, from, caption.Count, cast, -1, 0, requireEvidence: false, singleAllowed: words == 1);
    }

    private static void ScanNames(QuoteText t, int from, int end, ArticleCast cast, int sentenceIndex, int sentenceFirstToken, bool requireEvidence, bool singleAllowed = true)
    {
        for (int i = from; i < end; i++)
        {
            if (t.Quoted(i) || !t.IsCapitalised(i)) continue;
            int runEnd = i;
            while (runEnd + 1 < end && !t.Quoted(runEnd + 1)
                   && (t.IsCapitalised(runEnd + 1) || QuoteText.IsParticle(t[runEnd + 1]) && runEnd + 2 < end && t.IsCapitalised(runEnd + 2)))
                runEnd++;
            int runStart = i;
            i = runEnd;
            // Most capitalised words are no one's name: read a phrase only where there can be evidence of a
            // person (a title, a given name, an age or "who" after it) or a name already known.
            if (requireEvidence && !MayBeSomeone(t, runStart, runEnd, end, cast)) continue;
            var phrase = SpeakerPhrases.EndingAt(t, runEnd, Math.Max(from, runStart - 6));
            int sentence = CastMember.At(sentenceIndex, runStart - sentenceFirstToken);
            if (phrase is null || phrase.Kind != PhraseKind.Name || !phrase.HasName) continue;
            var name = phrase.Name(t);
            if (phrase.Organisation)
            {
                if (QuoteLexicon.Country(name) is not null) continue; // places are speakers only when they speak
                var org = cast.Named(name, SpeakerKind.Organisation, sentence);
                org.AddMention(sentence, subject: false);
                continue;
            }
            bool single = phrase.NameFirst == phrase.NameLast;
            if (single && !singleAllowed) continue;
            var known = cast.Find(name, false, sentence);
            bool evidence = phrase.Descriptors.Any(d => QuoteLexicon.Word(d).Is(SpeakerWordClass.Role | SpeakerWordClass.Title))
                            || phrase.Gender != '\0' && !single
                            || FollowedByAgeOrWho(t, runEnd, end);
            if (known is null && requireEvidence && !evidence) continue;
            if (single && QuoteText.IsWeekdayOrMonth(t[phrase.NameFirst])) continue;
            var member = known is not null && (single || phrase.NameLast - phrase.NameFirst + 1 <= known.NameLength)
                ? known
                : cast.Named(name, SpeakerKind.Person, sentence);
            SpeakerResolver.Learn(member, phrase);
            member.AddMention(sentence, subject: phrase.First == from);
        }
    }

    private static bool MayBeSomeone(QuoteText t, int first, int last, int end, ArticleCast cast)
    {
        for (int k = Math.Max(0, first - 3); k <= last; k++)
            if (t.Is(k, SpeakerWordClass.Title | SpeakerWordClass.Role | SpeakerWordClass.NameEnd)) return true;
        if (last > first && t.IsFirstName(first)) return true;
        if (FollowedByAgeOrWho(t, last, end)) return true;
        for (int k = first; k <= last; k++)
            if (cast.MightName(t[k])) return true;
        return false;
    }

    private static bool FollowedByAgeOrWho(QuoteText t, int last, int end) =>
        last + 2 < end && t.IsPunct(last + 1, ',') && (t.IsNumber(last + 2) && last + 3 < end && t.IsPunct(last + 3, ',') || t[last + 2] is "who");

    /// <summary>"Iran FM: ..." or "Scholz: ...": the headline says who speaks before the colon.</summary>
    private static void AddHeadlineSpeaker(QuoteText headline, List<QuoteText> captions, ArticleCast cast)
    {
        int colon = -1;
        for (int i = 0; i < headline.Count && i < 7; i++)
            if (headline.IsPunct(i, ':')) { colon = i; break; }
        if (colon <= 0) return;
        for (int i = 0; i < colon; i++)
            if (headline.IsWord(i) && IsTopicWord(headline[i])) return; // "Iran Covid: 25 killed"
        var phrase = SpeakerPhrases.Analyse(headline, 0, colon - 1);
        if (phrase is null) return;
        if (phrase.Kind == PhraseKind.Name)
        {
            var member = cast.Named(phrase.Name(headline), phrase.Organisation ? SpeakerKind.Organisation : SpeakerKind.Person, CastMember.Headline);
            SpeakerResolver.Learn(member, phrase);
            member.AddMention(CastMember.Headline, subject: true);
            // "The chancellor speaks at the Bundestag": a caption's role belongs to the headline's speaker.
            if (member.Kind == SpeakerKind.Person)
                foreach (var caption in captions)
                {
                    var subject = SpeakerPhrases.StartingAt(caption, 0, caption.Count);
                    if (subject is { Kind: PhraseKind.Definite } && !SpeakerResolver.Conflicts(subject.Descriptors, member))
                        SpeakerResolver.Learn(member, subject);
                }
            return;
        }
        if (phrase.Kind != PhraseKind.Definite || phrase.Head < 0 || !headline.Is(phrase.Head, SpeakerWordClass.Role)) return;
        // A role with no name ("Iran FM"): the person the captions show, or the first one in the body who fits.
        var head = (headline.Word(phrase.Head).Canonical ?? headline[phrase.Head].ToString().ToLowerInvariant()).Split(' ')[^1];
        CastMember? holder = cast.Members.FirstOrDefault(m => m.Kind == SpeakerKind.Person && m.Mentions.Any(x => CastMember.SentenceOf(x) == -1)
                                                             && !SpeakerResolver.Conflicts(phrase.Descriptors, m)
                                                             && (m.Country is null || phrase.Country is null || m.Country == phrase.Country));
        holder ??= cast.Members.Where(m => m.Kind == SpeakerKind.Person && SpeakerResolver.RoleFit(phrase, head, m) > 2)
            .OrderBy(m => m.Mentions.Count > 0 ? m.Mentions[0] : int.MaxValue).FirstOrDefault();
        holder ??= cast.Unnamed(ArticleCast.TidyName(headline.Text.Substring(0, headline.Start(colon)).Trim()), SpeakerKind.Description, head, false);
        SpeakerResolver.Learn(holder, phrase);
        holder.AddMention(CastMember.Headline, subject: true);
    }

    private static bool IsTopicWord(ReadOnlySpan<char> w) =>
        w.Equals("Covid", StringComparison.OrdinalIgnoreCase) || w.Equals("Coronavirus", StringComparison.OrdinalIgnoreCase)
        || w is "Brexit" or "Live" or "LIVE" or "Update" or "Updates" or "Watch" or "Analysis" or "Explainer" or "Opinion" or "Review"
            or "Exclusive" or "EXCLUSIVE" or "Breaking" or "BREAKING" or "Video" or "Photos" or "Quiz" or "Timeline" or "Factbox"
            or "Q&A" or "Interview" or "Obituary" or "Editorial" or "Comment" or "Letters" or "Weather" or "Sport" or "Football";
}
