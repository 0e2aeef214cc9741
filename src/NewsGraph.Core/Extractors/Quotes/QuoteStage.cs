using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// Fills <see cref="Article.Quotes"/>: direct quotes (the words between quotation marks, marks left
/// out) and reported speech (the clause said, "that" left out), each with its speaker, the speaker's
/// type (person, organisation, anonymous, description) and the speech verb's lemma.
/// <para>
/// Which quoted words are quotes: a quoted sentence (or more) always is, even when nobody is named
/// (then its speaker is null); a quote that runs on over paragraphs is one quote per paragraph; a
/// paragraph wholly in quote marks with no attribution continues the previous paragraph's speaker.
/// A short quoted phrase inside a sentence is a quote only when the sentence attributes it (a speech
/// verb with its speaker, "called it “...”", "according to"); otherwise it is a scare quote (the
/// so-called “teapots”), and a name or title ("a shop called “Cluck Norris”", the report “Kitchens
/// Without Tables”) is never one.
/// </para>
/// <para>
/// Precision first: a pronoun or description that fits nobody leaves the speaker null rather than
/// guessed. Runs after the entity stages, whose names, roles and countries it uses when present;
/// without them it reads names itself from titles, first names and the speaker's place in the sentence.
/// </para>
/// </summary>
public sealed class QuoteStage : IStage
{
    public string Name => "quotes";

    public void Run(Article article)
    {
        article.Quotes.Clear();
        var text = article.Text;
        if (string.IsNullOrWhiteSpace(text)) return;

        var paragraphs = article.Paragraphs.Count > 0 ? article.Paragraphs : ParagraphsOf(text);
        var sentences = article.Sentences;
        if (sentences.Count == 0)
        {
            sentences = new List<Span>();
            foreach (var p in paragraphs) SentenceSplitter.Split(article.View(p), p.Start, sentences);
        }
        var tokens = article.Tokens;
        if (tokens.Count == 0)
        {
            tokens = new List<Token>();
            foreach (var s in sentences) Tokenizer.Tokenize(article.View(s), s.Start, tokens);
        }

        var stretches = new List<QuotedStretch>(32);
        for (int p = 0; p < paragraphs.Count; p++) QuotationMarks.Find(text, paragraphs[p], p, stretches);
        var t = new QuoteText(text, tokens, stretches);
        var opens = new int[t.Count];
        var closes = new int[t.Count];
        Array.Fill(opens, -1);
        Array.Fill(closes, -1);
        for (int s = 0; s < stretches.Count; s++)
        {
            int o = t.TokenAtOrAfter(stretches[s].Open);
            if (o < t.Count && t.Start(o) == stretches[s].Open) opens[o] = s;
            if (stretches[s].Close >= 0)
            {
                int c = t.TokenAtOrAfter(stretches[s].Close);
                if (c < t.Count && t.Start(c) == stretches[s].Close) closes[c] = s;
            }
        }

        var units = Units(sentences, paragraphs, stretches, t);
        var finder = new CueFinder(t, stretches, opens, closes);
        var cast = CastBuilder.Build(article, t, units, finder);
        var resolver = new SpeakerResolver(cast);

        // Pass 1: every speech cue, in reading order, so that "he" can look back at who spoke before.
        var cues = new List<Cue>();
        foreach (var u in units)
        {
            int first = cues.Count;
            var subject = finder.MainSubject(u);
            CastMember? subjectMember = null;
            bool subjectResolved = false;
            finder.Find(u, cues);
            int subjectAt = subject is null ? 0 : CastMember.At(u.Index, subject.First - u.FirstToken);
            for (int c = first; c < cues.Count; c++)
            {
                var cue = cues[c];
                int at = CastMember.At(u.Index, (cue.Speaker?.First ?? cue.VerbToken) - u.FirstToken);
                if (cue.Speaker is not null)
                {
                    cue.Member = resolver.Resolve(cue.Speaker, t, at);
                    cue.SpeakerSpan = cue.Speaker.Span(t);
                }
                else if (cue.SharesSubject)
                {
                    var earlier = cues.Skip(first).Take(c - first).LastOrDefault(x => x.Member is not null);
                    if (earlier is not null)
                    {
                        cue.Member = earlier.Member;
                        cue.SpeakerSpan = earlier.SpeakerSpan;
                    }
                    else if (subject is not null)
                    {
                        subjectMember ??= resolver.Resolve(subject, t, subjectAt);
                        subjectResolved = true;
                        cue.Member = subjectMember;
                        cue.SpeakerSpan = subject.Span(t);
                    }
                }
                if (cue.Member is not null) SpeakerResolver.Note(cue.Member, at, spoke: true);
            }
            // The sentence's subject, when it is not one of the speakers, still makes a person salient:
            // "Qatar’s foreign minister also outlined ... He underlined that ...".
            // An unnamed source brought in as a subject can be referred back to: "A health official in Kaya,
            // who asked not to be named, disputed that account. “...,” the official said."
            if (subject is not null && !subjectResolved && !cues.Skip(first).Any(x => x.Speaker is not null && x.Speaker.First == subject.First))
            {
                CastMember? member = subject.Kind switch
                {
                    PhraseKind.Name => cast.Find(subject.Name(t), subject.Organisation, subjectAt),
                    PhraseKind.Definite or PhraseKind.Pronoun => subject.Organisation ? null : resolver.Resolve(subject, t, subjectAt),
                    PhraseKind.Indefinite when subject.Head >= 0 && !subject.Plural && t.Is(subject.Head, SpeakerWordClass.Anonymous | SpeakerWordClass.Description)
                        => resolver.Resolve(subject, t, subjectAt),
                    _ => null,
                };
                if (member is not null)
                {
                    if (subject.Kind == PhraseKind.Name) SpeakerResolver.Learn(member, subject);
                    SpeakerResolver.Note(member, subjectAt, spoke: false);
                }
            }
        }

        Emit(article, t, stretches, paragraphs, units, cues);
    }

    private static List<Span> ParagraphsOf(string text)
    {
        var list = new List<Span>();
        int i = 0;
        while (i < text.Length)
        {
            int end = text.IndexOf("\n\n", i, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > i) list.Add(new Span(i, end));
            i = end + 2;
        }
        return list;
    }

    /// <summary>Sentences joined where a quote runs across them, so a quote and its attribution are read together.</summary>
    private static List<QuoteUnit> Units(List<Span> sentences, List<Span> paragraphs, List<QuotedStretch> stretches, QuoteText t)
    {
        var units = new List<QuoteUnit>(sentences.Count);
        int si = 0, st = 0, para = 0;
        while (si < sentences.Count)
        {
            var span = sentences[si];
            int sj = si;
            bool grown = true;
            while (grown)
            {
                grown = false;
                while (st < stretches.Count && stretches[st].End <= span.Start) st++;
                for (int k = st; k < stretches.Count && stretches[k].Open < span.End; k++)
                {
                    while (stretches[k].End > span.End && sj + 1 < sentences.Count && sentences[sj + 1].Start < stretches[k].End)
                    {
                        span = new Span(span.Start, sentences[++sj].End);
                        grown = true;
                    }
                }
            }
            while (para + 1 < paragraphs.Count && paragraphs[para + 1].Start <= span.Start) para++;
            units.Add(new QuoteUnit(units.Count, para, span, t.TokenAtOrAfter(span.Start), t.TokenAtOrAfter(span.End)));
            si = sj + 1;
        }
        return units;
    }

    private sealed class Found
    {
        public Span Span;
        public bool Direct;
        public Cue? Cue;
        public int Paragraph;
        public int Stretch = -1;
        public bool Inherits;
        public CastMember? Member;
        public string? Verb;
        public Span? SpeakerSpan;
    }

    private static void Emit(Article article, QuoteText t, List<QuotedStretch> stretches, List<Span> paragraphs, List<QuoteUnit> units, List<Cue> cues)
    {
        var found = new List<Found>();
        foreach (var cue in cues)
            if (cue.Kind == CueKind.Reported && !cue.Clause.IsEmpty)
                found.Add(new Found { Span = cue.Clause, Direct = false, Cue = cue, Paragraph = units[cue.Unit].Paragraph });

        // Each stretch's own cue, then the cue of the quote it runs on from or into.
        var own = new Cue?[stretches.Count];
        foreach (var cue in cues)
            if (cue.Kind is CueKind.AfterQuote or CueKind.BeforeQuote)
                foreach (var s in cue.Stretches) own[s] ??= cue;
        var next = new int[stretches.Count];
        Array.Fill(next, -1);
        for (int s = 0; s + 1 < stretches.Count; s++)
        {
            var a = stretches[s];
            var b = stretches[s + 1];
            if (a.OpenEnded && b.Paragraph == a.Paragraph + 1 && b.Open == paragraphs[b.Paragraph].Start) next[s] = s + 1;
        }
        var chained = new bool[stretches.Count];
        for (int s = 0; s < stretches.Count; s++)
        {
            if (chained[s]) continue;
            var chain = new List<int> { s };
            while (next[chain[^1]] >= 0) chain.Add(next[chain[^1]]);
            if (chain.Count == 1) continue;
            var cue = chain.Select(c => own[c]).FirstOrDefault(c => c is not null);
            foreach (var c in chain)
            {
                chained[c] = true;
                own[c] ??= cue;
            }
        }

        int unitIndex = 0;
        for (int s = 0; s < stretches.Count; s++)
        {
            var stretch = stretches[s];
            while (unitIndex + 1 < units.Count && units[unitIndex].Span.End <= stretch.Open) unitIndex++;
            var unit = units[unitIndex];
            var item = new Found { Span = stretch.Words, Direct = true, Paragraph = stretch.Paragraph, Stretch = s };
            if (own[s] is { } cue)
            {
                item.Cue = cue;
                found.Add(item);
                continue;
            }
            bool sentential = chained[s] || IsSentential(t, stretch, unit);
            if (!sentential)
            {
                if (IsNameOrTitle(t, stretch)) continue;
                var attributing = Attributing(cues, stretch, unit, t);
                if (attributing is null) continue; // a scare quote: nobody is said to have said it
                item.Cue = attributing;
                found.Add(item);
                continue;
            }
            item.Inherits = true;
            found.Add(item);
        }

        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));

        // Speakers in reading order; a quote with no cue of its own continues the last quote before it,
        // in its paragraph or, when it opens its paragraph, in the paragraph before.
        Found? last = null;
        foreach (var f in found)
        {
            if (f.Cue is { } cue)
            {
                f.Member = cue.Member;
                f.Verb = cue.Verb.Lemma;
                f.SpeakerSpan = cue.SpeakerSpan;
            }
            else if (f.Inherits && last is not null && last.Member is not null
                     && (last.Paragraph == f.Paragraph || last.Paragraph == f.Paragraph - 1 && stretches[f.Stretch].Open == paragraphs[f.Paragraph].Start))
            {
                f.Member = last.Member;
                f.Verb = last.Verb;
                f.SpeakerSpan = last.SpeakerSpan;
            }
            last = f;
        }

        var seen = new HashSet<(int, int, bool)>();
        foreach (var f in found)
        {
            if (f.Span.IsEmpty || !seen.Add((f.Span.Start, f.Span.End, f.Direct))) continue;
            var quote = new Quote(f.Span, f.Direct, f.Verb);
            if (f.Member is { } m)
            {
                quote.Speaker = m.Name;
                quote.SpeakerType = m.Kind switch
                {
                    SpeakerKind.Person => "person",
                    SpeakerKind.Organisation => "organisation",
                    SpeakerKind.Anonymous => "anonymous",
                    _ => "description",
                };
                quote.SpeakerEntity = m.EntityId;
                quote.SpeakerSpan = f.SpeakerSpan;
            }
            article.Quotes.Add(quote);
        }
    }

    /// <summary>A quote that is a sentence of its own: nothing but its attribution around it.</summary>
    private static bool IsSentential(QuoteText t, QuotedStretch s, QuoteUnit u)
    {
        int open = t.TokenAtOrAfter(s.Open);
        bool starts = true;
        for (int k = u.FirstToken; k < open; k++)
            if (t.IsWord(k) || t.IsNumber(k)) { starts = false; break; }
        if (!starts) return false;
        if (s.OpenEnded) return true;
        bool ends = true;
        for (int k = t.TokenAtOrAfter(s.End); k < u.EndToken; k++)
            if (t.IsWord(k) || t.IsNumber(k)) { ends = false; break; }
        if (ends) return true;
        // Opening its sentence and more than a phrase: a quote even when its attribution cannot be read.
        int words = 0;
        for (int k = open + 1; k < t.Count && t.Start(k) < s.Words.End; k++) if (t.IsWord(k)) words++;
        return words >= 4;
    }

    /// <summary>The cue that attributes a quoted phrase inside a sentence: the reported clause around it, or the nearest speech verb.</summary>
    private static Cue? Attributing(List<Cue> cues, QuotedStretch s, QuoteUnit u, QuoteText t)
    {
        Cue? before = null, after = null;
        foreach (var c in cues)
        {
            if (c.Unit != u.Index || c.Member is null && c.Speaker is null && !c.SharesSubject) continue;
            if (c.Kind == CueKind.Reported && c.Clause.Contains(s.Words)) return c;
            if (t.Start(c.VerbToken) < s.Open) before = c;
            else after ??= c;
        }
        return before ?? after;
    }

    /// <summary>Names and titles in quote marks: a shop called “Cluck Norris”, the report “Kitchens Without Tables”, the so-called “teapots”.</summary>
    private static bool IsNameOrTitle(QuoteText t, QuotedStretch s)
    {
        int open = t.TokenAtOrAfter(s.Open);
        for (int k = open - 1; k >= 0 && open - k <= 3; k--)
        {
            if (!t.IsWord(k)) continue;
            var w = t[k];
            if (w.Equals("so-called", StringComparison.OrdinalIgnoreCase) || w is "dubbed" or "nicknamed" or "titled" or "entitled" or "headlined"
                or "named" or "film" or "movie" or "book" or "novel" or "song" or "album" or "single" or "series" or "show" or "programme"
                or "program" or "documentary" or "report" or "play" or "opera" or "poem" or "operation" or "Operation" or "campaign"
                or "exercise" or "slogan" or "hashtag" or "word" or "term" or "phrase" or "motto" or "banner" or "headline")
                return true;
            if (k == open - 1 && w is "called" or "known" or "as" && k - 1 >= 0 && t.Equals(k - 1, "known")) return true;
            if (k == open - 1 && w is "called" && char.IsUpper(t.Text[s.Words.Start])) return true;
        }
        // Title Case and no full stop: the name of something, not words someone said.
        var words = t.Text.AsSpan(s.Words.Start, s.Words.Length);
        if (words.Length == 0 || !char.IsUpper(words[0]) || words[^1] is '.' or '!' or '?') return false;
        int count = 0;
        foreach (var range in words.Split(' '))
        {
            var word = words[range];
            count++;
            if (word.Length >= 4 && !char.IsUpper(word[0])) return false;
        }
        return count >= 2 && count <= 7;
    }
}
