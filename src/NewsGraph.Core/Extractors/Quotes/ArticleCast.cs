using System.Globalization;

namespace NewsGraph.Core.Extractors.Quotes;

internal enum SpeakerKind { Person, Organisation, Anonymous, Description }

/// <summary>
/// One person, organisation or unnamed source of an article, with what the article says about them
/// (roles, nationality, gender) and where they were mentioned. A place is a position: the sentence
/// times 4096 plus the word in it, so that order inside a sentence counts too; the headline is
/// sentence -2, a caption -1, the body's sentences 0, 1, 2 ...
/// </summary>
internal sealed class CastMember
{
    public const int Headline = -2 << 12;
    public const int Caption = -1 << 12;

    public static int At(int sentence, int word) => (sentence << 12) + Math.Clamp(word, 0, 4095);
    public static int SentenceOf(int position) => position >> 12;

    public required string Name { get; set; }
    /// <summary>How many words <see cref="Name"/> has, so a longer form can take its place.</summary>
    public int NameLength { get; set; }
    public SpeakerKind Kind { get; set; }
    public char Gender { get; set; }
    public string? Country { get; set; }
    public string? EntityId { get; set; }
    /// <summary>For an unnamed source: the head of its description ("source", "witness").</summary>
    public string? Head { get; set; }
    public bool Plural { get; set; }
    public HashSet<string> Descriptors { get; } = new(StringComparer.Ordinal);
    /// <summary>Every form of the name seen, as normalised word lists ("amir", "abdollahian").</summary>
    public List<string[]> NameForms { get; } = new();
    /// <summary>Sentences where the member is mentioned, and where as the subject or a speaker (sorted).</summary>
    public List<int> Mentions { get; } = new();
    public List<int> SubjectMentions { get; } = new();
    public int LastSpoke { get; set; } = int.MinValue;
    /// <summary>Where the member last spoke through a spokesperson ("a ministry spokesman said").</summary>
    public int LastSpokesperson { get; set; } = int.MinValue;

    public bool MentionedBefore(int sentence) => Mentions.Count > 0 && Mentions[0] < sentence;

    public int LastMentionBefore(int sentence) => LastBefore(Mentions, sentence);
    public int LastSubjectBefore(int sentence) => LastBefore(SubjectMentions, sentence);

    private static int LastBefore(List<int> sorted, int sentence)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < sentence) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? int.MinValue : sorted[lo - 1];
    }

    public void AddMention(int sentence, bool subject)
    {
        Insert(Mentions, sentence);
        if (subject) Insert(SubjectMentions, sentence);
    }

    private static void Insert(List<int> sorted, int value)
    {
        int i = sorted.BinarySearch(value);
        if (i < 0) sorted.Insert(~i, value);
    }

    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>
/// Everyone an article mentions who might speak. Names are matched the way news text refers to
/// people: the full name first, the surname after ("Sergey Ryabkov" ... "Ryabkov"), with hyphens and
/// spaces alike ("Amir-Abdollahian") and a letter or two of typing slips in long names forgiven.
/// </summary>
internal sealed class ArticleCast
{
    public List<CastMember> Members { get; } = new();

    // Every word of every name known, to turn away a capitalised word no one is called without cutting strings.
    private readonly HashSet<string> _nameWords = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameWords => _nameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether some known name holds this word (so a lone "Rezaei" may be a surname met before).</summary>
    public bool MightName(ReadOnlySpan<char> word) => NameWords.Contains(word);

    public static string[] NormaliseName(ReadOnlySpan<char> name)
    {
        // Two passes, counting then filling, so a name costs one array and no list.
        int count = 0;
        for (int i = 0; i < name.Length;)
        {
            while (i < name.Length && IsNameBreak(name[i])) i++;
            if (i < name.Length) count++;
            while (i < name.Length && !IsNameBreak(name[i])) i++;
        }
        var parts = new string[count];
        int n = 0;
        for (int i = 0; i < name.Length;)
        {
            while (i < name.Length && IsNameBreak(name[i])) i++;
            int s = i;
            while (i < name.Length && !IsNameBreak(name[i])) i++;
            if (i <= s) continue;
            var word = name[s..i];
            if (word.EndsWith("’s") || word.EndsWith("'s")) word = word[..^2];
            if (word.IsEmpty) { parts[n++] = ""; continue; }
            var facts = QuoteLexicon.FactsOf(word);
            // "Pakistani Taliban" and "Pakistan Taliban" are one group.
            parts[n++] = facts is { Nationality: true, Country: { } country } ? country.ToLowerInvariant()
                       : facts?.Lower ?? word.ToString().ToLowerInvariant();
        }
        return n == parts.Length ? parts : parts[..n];
    }

    private static bool IsNameBreak(char c) => char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '.';

    /// <summary>"RAY DYCHE" -> "Ray Dyche": tabloid capitals are not part of the name.</summary>
    public static string TidyName(string name)
    {
        bool anyLower = false;
        foreach (var c in name) if (char.IsLower(c)) { anyLower = true; break; }
        if (anyLower || name.Length <= 5) return name;
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());
    }

    /// <summary>The member a name refers to, or null. Prefers an exact form, then a surname, then a first word.</summary>
    public CastMember? Find(string name, bool organisation, int sentence)
    {
        var key = NormaliseName(name);
        if (key.Length == 0) return null;
        CastMember? best = null;
        int bestScore = 0, bestRecency = int.MinValue;
        foreach (var m in Members)
        {
            if (m.Kind is SpeakerKind.Anonymous or SpeakerKind.Description) continue;
            if ((m.Kind == SpeakerKind.Organisation) != organisation && !Shared(m, key)) continue;
            int score = 0;
            foreach (var form in m.NameForms) score = Math.Max(score, Match(key, form));
            if (score == 1 && (organisation || m.Kind == SpeakerKind.Organisation)) score = 0;
            if (score == 0) continue;
            int recency = Math.Max(m.LastMentionBefore(sentence + 1), m.LastSpoke);
            // A surname two people share ("Calloway" in an obituary with her daughter) is the one met first;
            // otherwise the more recent one.
            if (score == 3 && key.Length == 1 && m.Mentions.Count > 0) recency = -m.Mentions[0];
            if (score > bestScore || score == bestScore && recency > bestRecency)
            {
                best = m;
                bestScore = score;
                bestRecency = recency;
            }
        }
        return best;
    }

    // A one-word name known as an organisation may still be the same member looked up as a person
    // ("Iran insists" with Iran already an organisation).
    private static bool Shared(CastMember m, string[] key) => key.Length == 1 && m.NameForms.Any(f => f.Length == 1 && f[0] == key[0]);

    /// <summary>How well a name matches a known form: 4 same, 3 a surname or longer form, 2 a slip of typing, 1 a first word.</summary>
    private static int Match(string[] key, string[] form)
    {
        if (key.AsSpan().SequenceEqual(form)) return 4;
        if (key.Length < form.Length && form.AsSpan()[(form.Length - key.Length)..].SequenceEqual(key)) return 3;
        if (form.Length < key.Length && key.AsSpan()[(key.Length - form.Length)..].SequenceEqual(form)) return 3;
        if (key.Length <= form.Length && Close(key[^1], form[^1]) && Prefix(key, form, key.Length - 1)) return 2;
        // "Wang" for "Wang Wenbin": Chinese order puts the family name first (people only, see Find).
        if (key.Length == 1 && form.Length == 2 && key[0] == form[0] && key[0].Length >= 2) return 1;
        return 0;
    }

    private static bool Prefix(string[] key, string[] form, int count)
    {
        // The words before the last must match the same words before the form's last.
        int offset = form.Length - key.Length;
        for (int i = 0; i < count; i++) if (key[i] != form[offset + i]) return false;
        return true;
    }

    /// <summary>Long names with a slip of typing: "Abdolalhian" for "Abdollahian".</summary>
    private static bool Close(string a, string b)
    {
        if (a == b) return false;
        if (a.Length < 8 || b.Length < 8 || a[0] != b[0] || Math.Abs(a.Length - b.Length) > 1) return false;
        return Distance(a, b) <= 2;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The member with this name, added when new; its canonical name becomes the fullest form seen.</summary>
    public CastMember Named(string name, SpeakerKind kind, int sentence)
    {
        name = TidyName(name.Trim());
        var member = Find(name, kind == SpeakerKind.Organisation, sentence);
        var key = NormaliseName(name);
        if (member is null)
        {
            member = new CastMember { Name = name, Kind = kind, NameLength = key.Length };
            Members.Add(member);
        }
        else if (key.Length > member.NameLength && kind == member.Kind)
        {
            member.Name = name;
            member.NameLength = key.Length;
        }
        if (!member.NameForms.Any(f => f.AsSpan().SequenceEqual(key)))
        {
            member.NameForms.Add(key);
            foreach (var w in key) _nameWords.Add(w);
        }
        return member;
    }

    /// <summary>A new unnamed source or described person ("a security source", "residents").</summary>
    public CastMember Unnamed(string description, SpeakerKind kind, string head, bool plural)
    {
        var member = new CastMember { Name = description, Kind = kind, Head = head.ToLowerInvariant(), Plural = plural };
        Members.Add(member);
        return member;
    }
}
