using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>
/// When two names can be one entity's: the comparisons shared by the coreference stage and the
/// store's cross-article matching. All take <see cref="NameKey"/> words.
/// </summary>
public static class NameMatching
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "of", "and", "for", "the", "in", "on", "to", "de", "du", "des", "la", "le", "et", "at", "al",
    };

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "inc", "incorporated", "corp", "corporation", "plc", "llc", "gmbh", "ag", "sa", "nv", "bv", "spa",
        "co", "company", "holdings", "pte", "llp",
    };

    /// <summary>
    /// Whether <paramref name="shorter"/> names the person <paramref name="longer"/> does: its words
    /// end the longer name ("Price" in "Ned Price", "Amir Abdollahian" in "Hossein Amir
    /// Abdollahian"), with at most one word misspelt by a slip of one letter; or, for a family name
    /// written first, it is the first word ("Wang" in "Wang Yi"); or the two differ only by middle
    /// initials ("Antony J. Blinken").
    /// </summary>
    public static bool SamePerson(string[] longer, string[] shorter, WorldKnowledge knowledge)
    {
        if (shorter.Length == 0 || longer.Length == 0) return false;
        if (shorter.Length > longer.Length) return false;
        int offset = longer.Length - shorter.Length;
        int slips = 0;
        bool suffix = true;
        for (int i = 0; i < shorter.Length && suffix; i++)
        {
            var a = longer[offset + i];
            var b = shorter[i];
            if (a == b) continue;
            if (slips == 0 && NameKey.OneSlipApart(a, b)) slips++;
            else suffix = false;
        }
        if (suffix) return true;
        if (shorter.Length == 1 && longer.Length <= 3 && knowledge.IsFamilyNameFirst(longer[0]) && longer[0] == shorter[0]) return true;
        if (shorter.Length == 1 && IsNameBeforeParticle(longer, shorter[0])) return true;
        return SameButInitials(longer, shorter);
    }

    /// <summary>Particles that open a compound family name: "da Silva", "van der Leyen", "bin Salman".</summary>
    private static readonly HashSet<string> FamilyParticles = new(StringComparer.Ordinal)
    {
        "da", "de", "do", "dos", "das", "del", "della", "di", "van", "von", "bin", "ibn", "bint", "ben", "al", "el",
    };

    /// <summary>
    /// The name a person goes by may be the one before the particle of a compound family name:
    /// "Lula" in "Luiz Inacio Lula da Silva". The first word is excluded: it is a given name
    /// ("Ursula" in "Ursula von der Leyen"), and given names alone do not identify anyone.
    /// </summary>
    private static bool IsNameBeforeParticle(string[] longer, string word)
    {
        for (int i = 1; i + 2 < longer.Length; i++)
            if (longer[i] == word && FamilyParticles.Contains(longer[i + 1])) return true;
        return false;
    }

    private static bool SameButInitials(string[] a, string[] b)
    {
        if (a.Length < 2 || b.Length < 2 || a[0] != b[0] || a[^1] != b[^1]) return false;
        var (more, fewer) = a.Length >= b.Length ? (a, b) : (b, a);
        // The middle words of the fuller name are single letters, and the other's middle words are among them.
        var middle = more[1..^1];
        return middle.All(w => w.Length == 1) && fewer[1..^1].All(w => middle.Contains(w));
    }

    /// <summary>Whether the two names may be one person: either extends the other.</summary>
    public static bool Compatible(string[] a, string[] b, WorldKnowledge knowledge) =>
        a.AsSpan().SequenceEqual(b) || (a.Length >= b.Length ? SamePerson(a, b, knowledge) : SamePerson(b, a, knowledge));

    /// <summary>Whether <paramref name="acronym"/> (as written: "IRGC", "U.N.", "JCPOA") abbreviates the name of these words as written.</summary>
    public static bool Abbreviates(string acronym, IReadOnlyList<string> words)
    {
        var letters = new List<char>();
        foreach (var c in acronym)
            if (char.IsLetterOrDigit(c)) letters.Add(char.ToLowerInvariant(c));
        if (letters.Count < 2 || words.Count < 2) return false;
        // Each word gives its first letter; function words ("of", "and") may give theirs or nothing;
        // a word that is itself an acronym may give all its letters ("UK Independence Party": UKIP).
        var reach = new bool[words.Count + 1, letters.Count + 1];
        reach[0, 0] = true;
        for (int w = 0; w < words.Count; w++)
        {
            var word = NameKey.Of(words[w]);
            if (word.Length == 0) { for (int l = 0; l <= letters.Count; l++) reach[w + 1, l] |= reach[w, l]; continue; }
            bool optional = FunctionWords.Contains(word);
            bool spelled = word.Length > 1 && LooksLikeAcronym(words[w]);
            for (int l = 0; l <= letters.Count; l++)
            {
                if (!reach[w, l]) continue;
                if (optional) reach[w + 1, l] = true;
                if (l < letters.Count && word[0] == letters[l]) reach[w + 1, l + 1] = true;
                if (spelled && l + word.Length <= letters.Count && word.AsSpan().SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(letters).Slice(l, word.Length)))
                    reach[w + 1, l + word.Length] = true;
            }
        }
        return reach[words.Count, letters.Count];
    }

    /// <summary>Whether a mention is written as an acronym: two to ten capitals (stops and digits allowed), "IRGC", "U.N.", "G7".</summary>
    public static bool LooksLikeAcronym(ReadOnlySpan<char> text)
    {
        int upper = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (!(char.IsDigit(c) || c is '.' or '&' or '-' or '+')) return false;
        }
        return upper >= 2 && text.Length <= 10;
    }

    /// <summary>
    /// An organisation's key reduced to what its variants share: no legal form ("Vortexa Ltd" is
    /// "vortexa"), no "party" ("Labour Party" is "labour"), and the last word singular
    /// ("Liberal Democrats" is "liberal democrat", "Houthis" is "houthi", "Tories" is "tory").
    /// </summary>
    public static string WithoutLegalForm(string key)
    {
        var words = NameKey.Words(key).ToList();
        while (words.Count > 1 && (LegalForms.Contains(words[^1]) || words[^1] == "party")) words.RemoveAt(words.Count - 1);
        if (words.Count > 0)
        {
            var last = words[^1];
            if (last.Length > 4 && last.EndsWith("ies", StringComparison.Ordinal)) words[^1] = last[..^3] + "y";
            else if (last.Length > 3 && last[^1] == 's' && last[^2] is not ('s' or 'u' or 'i')) words[^1] = last[..^1];
        }
        return string.Join(' ', words);
    }
}
