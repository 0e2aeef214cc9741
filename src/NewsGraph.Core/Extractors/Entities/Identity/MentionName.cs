using NewsGraph.Core.Documents;
using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// The name inside a mention, without what is not part of it: a possessive ("Balti's"), a
/// form of address ("Sheikh Tamim", "Mr. Price"), a title the tagger took in ("President Joe
/// Biden") and a leading "the" ("the Kremlin"). <see cref="Span"/> is the name as written;
/// <see cref="Words"/> are its <see cref="NameKey"/> words ("Amir-Abdollahian" is amir, abdollahian).
/// </summary>
internal sealed class MentionName
{
    private static readonly HashSet<string> Generational = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };

    private MentionName(Span span, string[] words, string[] titles)
    {
        Span = span;
        Words = words;
        Titles = titles;
        Key = string.Join(' ', words);
    }

    public Span Span { get; }
    /// <summary>The name's key words, generational suffixes (Jr, III) left out.</summary>
    public string[] Words { get; }
    /// <summary>Title words the mention began with ("president"), as keys, in order.</summary>
    public string[] Titles { get; }
    /// <summary>Whose title it is, when the mention began with that too ("Kremlin" in "Kremlin spokesman Dmitry Peskov").</summary>
    public IReadOnlyList<Designator> Designators { get; private init; } = [];
    public string Key { get; }
    /// <summary>The key without spaces: "Amir Abdollahian" and "AmirAbdollahian" agree here.</summary>
    public string Compact => _compact ??= NameKey.Compact(Key);
    private string? _compact;
    public bool IsEmpty => Words.Length == 0;

    private string[]? _written;

    /// <summary>The name's words as written ("UK", "Independence", "Party"): acronyms are read from these.</summary>
    public string[] WrittenWords(Article article) =>
        _written ??= article.Text.Substring(Span.Start, Span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The word a bare mention of this person would be: the surname (last word).</summary>
    public string Surname => Words[^1];

    [ThreadStatic] private static List<(int Start, int End)>? _pieces;

    public static MentionName Parse(Article article, EntityMention mention, WorldKnowledge knowledge)
    {
        var text = article.Text;
        // Parsed for every mention by every entity stage: one reused buffer per thread, no closures.
        var pieces = _pieces ??= new List<(int Start, int End)>(8);
        pieces.Clear();
        int i = mention.Span.Start;
        int end = Math.Min(mention.Span.End, text.Length);
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            int s = i;
            while (i < end && !char.IsWhiteSpace(text[i])) i++;
            if (i > s) pieces.Add((s, i));
        }
        // A possessive is never part of the name: "Balti's", "Hezbollahs'", or a split-off "'s".
        if (pieces.Count > 0)
        {
            var (ls, le) = pieces[^1];
            var last = text.AsSpan(ls, le - ls);
            if (IsClitic(last)) pieces.RemoveAt(pieces.Count - 1);
            else if (last.Length > 2 && last[^2] is '\'' or '’' && last[^1] is 's' or 'S') pieces[^1] = (ls, le - 2);
            else if (last.Length > 1 && last[^1] is '\'' or '’') pieces[^1] = (ls, le - 1);
        }
        // Trailing punctuation the tagger took in ("Ltd." keeps its stop: NameKey drops stops anyway).
        while (pieces.Count > 0 && !HasLetterOrDigit(text.AsSpan(pieces[^1].Start, pieces[^1].End - pieces[^1].Start)))
            pieces.RemoveAt(pieces.Count - 1);

        List<string>? titles = null;
        List<Designator>? designators = null;
        int first = 0;
        bool person = mention.Type == EntityTypes.Person;
        // An owner inside a body's name is not the body ("Iran's Health Ministry" is the ministry), when the
        // owner is a country or body knowledge knows; "McDonald's Corporation" and "Children's Fund" keep theirs.
        if (!person)
            for (int p = pieces.Count - 2; p >= 0; p--)
            {
                var piece = Piece(text, pieces, p);
                if (piece.Length <= 2 || piece[^2] is not ('\'' or '’') || piece[^1] is not ('s' or 'S')) continue;
                var owner = NameKey.Of(text.AsSpan(pieces[0].Start, pieces[p].End - 2 - pieces[0].Start));
                if (Designator.Of(owner, EntityTypes.GeoPolitical, knowledge) is { } d && (d.Country is not null || d.Organisation is not null))
                {
                    first = p + 1;
                    designators = [d];
                }
                break;
            }
        while (first < pieces.Count - 1)
        {
            var key = NameKey.Of(Piece(text, pieces, first));
            if (person && knowledge.IsHonorific(key)) { first++; continue; }
            // A title before the name ("President Joe Biden"), never the last word ("John Major").
            if (person && knowledge.IsTitleWord(key) && !IsNameParticle(key)
                && (char.IsUpper(text[pieces[first].Start]) || titles is not null || designators is not null))
            {
                (titles ??= new List<string>(2)).Add(key);
                first++;
                continue;
            }
            // Whose title it is, when the tagger took that in too: "Kremlin spokesman Dmitry Peskov",
            // "Russia's Deputy Foreign Minister Sergey Ryabkov".
            if (person && titles is null && designators is null && Owner(text, pieces, first, knowledge) is { } owner)
            {
                designators = [owner.Designator];
                first += owner.Pieces;
                continue;
            }
            if (!person && key == "the") { first++; continue; }
            break;
        }
        var titleArray = titles?.ToArray() ?? [];
        if (first >= pieces.Count) return new MentionName(mention.Span, [], titleArray);

        var span = new Span(pieces[first].Start, pieces[^1].End);
        var words = NameKey.Words(NameKey.Of(text.AsSpan(span.Start, span.Length)));
        int count = words.Length;
        while (person && count > 1 && Generational.Contains(words[count - 1])) count--;
        if (count < words.Length) words = words[..count];
        return new MentionName(span, words, titleArray) { Designators = (IReadOnlyList<Designator>?)designators ?? [] };
    }

    private static ReadOnlySpan<char> Piece(string text, List<(int Start, int End)> pieces, int p) =>
        text.AsSpan(pieces[p].Start, pieces[p].End - pieces[p].Start);

    /// <summary>A country, body or institution opening a mention and owning the title after it ("Kremlin spokesman ..."); null if none.</summary>
    private static (Designator Designator, int Pieces)? Owner(string text, List<(int Start, int End)> pieces, int at, WorldKnowledge knowledge)
    {
        // A name of one or two words is only a name; an owner needs a title (or a possessive) after it.
        if (pieces.Count - at < 3 || !char.IsUpper(text[pieces[at].Start])) return null;
        for (int n = Math.Min(3, pieces.Count - at - 1); n >= 1; n--)
        {
            var phrase = text.AsSpan(pieces[at].Start, pieces[at + n - 1].End - pieces[at].Start);
            bool possessive = phrase.EndsWith("'s") || phrase.EndsWith("’s");
            // "Iran Hossein" is no title: look the owner up only when a title follows it.
            if (!possessive && !knowledge.IsTitleWord(NameKey.Of(Piece(text, pieces, at + n)))) continue;
            var key = NameKey.Of(possessive ? phrase[..^2] : phrase);
            if (Designator.Of(key, EntityTypes.GeoPolitical, knowledge) is { } d && (d.Country is not null || d.Organisation is not null)) return (d, n);
        }
        return null;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>Words that open names as often as titles do ("Al", "Bin") are never taken for titles.</summary>
    private static bool IsNameParticle(string key) => key is "al" or "bin" or "ibn" or "abu" or "van" or "von" or "de" or "le" or "la" or "el";

    private static bool IsClitic(ReadOnlySpan<char> piece) =>
        piece.Length is 1 or 2 && piece[0] is '\'' or '’' && (piece.Length == 1 || piece[1] is 's' or 'S');
}

/// <summary>The entity types the tagger produces (the names used in the extract JSON).</summary>
public static class EntityTypes
{
    public const string Person = "PERSON";
    public const string Organisation = "ORG";
    /// <summary>Countries, cities, states: places with a government.</summary>
    public const string GeoPolitical = "GPE";
    /// <summary>Other places: regions, seas, mountains.</summary>
    public const string Location = "LOC";
    /// <summary>Nationalities, religious and political groups ("Iranian", "Shia").</summary>
    public const string Group = "NORP";
    public const string Miscellaneous = "MISC";

    public static bool IsPlace(string type) => type is GeoPolitical or Location;
}

/// <summary>The name keys and written names of mentions, for the store's aliases and cross-article matching.</summary>
public static class EntityNames
{
    /// <summary>The <see cref="NameKey"/> of the name a mention holds (possessive, form of address, title and "the" left out).</summary>
    public static string Key(Article article, EntityMention mention) => MentionName.Parse(article, mention, WorldKnowledge.Shared).Key;

    /// <summary>The name as the mention writes it, without what <see cref="Key"/> leaves out ("Mr Starmer" is "Starmer").</summary>
    public static string Written(Article article, EntityMention mention)
    {
        var name = MentionName.Parse(article, mention, WorldKnowledge.Shared);
        return name.IsEmpty ? "" : string.Join(' ', article.Slice(name.Span).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The CAMEO agent in an actor code: GOV in IRNGOV and in GOV; null for a bare country (IRN) or a body's own code.</summary>
    public static string? AgentOf(string? actor)
    {
        if (actor is null || actor.Length < 3) return null;
        var k = WorldKnowledge.Shared;
        if (actor.Length == 3) return k.CountryByCode(actor) is null ? actor : null;
        if (k.CountryByCode(actor[..3]) is not null) return actor.Length >= 6 ? actor[3..6] : null;
        // A multinational (MNCGBR) is business; an agent with a sub-agent and no country (GOVEDU) is its agent.
        if (actor.StartsWith("MNC", StringComparison.Ordinal)) return "BUS";
        return AgentNames.Of(actor[..3]) is not null ? actor[..3] : null;
    }
}
