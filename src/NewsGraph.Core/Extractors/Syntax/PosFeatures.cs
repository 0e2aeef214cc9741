namespace NewsGraph.Core.Extractors.Syntax;

/// <summary>
/// The features of the part-of-speech perceptron, hashed to 64 bits straight from the characters,
/// so tagging a sentence allocates nothing. Training and tagging share this code, so a model and
/// the tagger that reads it cannot disagree about what a feature is.
/// </summary>
internal static class PosFeatures
{
    public const int MaxFeatures = 24;
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Writes the hashes of word <paramref name="i"/>'s features; returns how many.</summary>
    /// <param name="words">The sentence's words, already mapped by <see cref="Form"/>.</param>
    /// <param name="prev">Tag index of the previous word (or <see cref="PosModel.Start"/>).</param>
    /// <param name="prev2">Tag index of the word before that.</param>
    public static int Extract(ReadOnlySpan<string> words, int i, int prev, int prev2, Span<ulong> features)
    {
        var w = words[i].AsSpan();
        int n = 0;
        features[n++] = Mix(Start(0), 0);
        features[n++] = Suffix(Start(1), w, 3);
        features[n++] = Prefix(Start(2), w, 1);
        features[n++] = Mix(Start(3), (ulong)prev);
        features[n++] = Mix(Start(4), (ulong)prev2);
        features[n++] = Mix(Mix(Start(5), (ulong)prev), (ulong)prev2);
        features[n++] = Normal(Start(6), w);
        features[n++] = Normal(Mix(Start(7), (ulong)prev), w);
        features[n++] = Suffix(Start(8), w, 2);
        features[n++] = Suffix(Start(9), w, 4);
        features[n++] = Shape(Start(10), w);
        features[n++] = i == 0 ? Shape(Start(11), w) : Mix(Start(11), 1);
        if (i > 0)
        {
            var p = words[i - 1].AsSpan();
            features[n++] = Normal(Start(12), p);
            features[n++] = Suffix(Start(13), p, 3);
            features[n++] = Normal(Normal(Start(14), p), w);
        }
        else features[n++] = Mix(Start(12), 2);
        if (i > 1) features[n++] = Normal(Start(15), words[i - 2].AsSpan());
        if (i + 1 < words.Length)
        {
            var x = words[i + 1].AsSpan();
            features[n++] = Normal(Start(16), x);
            features[n++] = Suffix(Start(17), x, 3);
            features[n++] = Normal(Normal(Start(18), w), x);
        }
        else features[n++] = Mix(Start(16), 3);
        if (i + 2 < words.Length) features[n++] = Normal(Start(19), words[i + 2].AsSpan());
        return n;
    }

    /// <summary>
    /// The form the tagger sees: typographic quotes and dashes become the Penn Treebank ones the
    /// training data uses, so curly quotes in a web page do not look like unknown words.
    /// </summary>
    public static string Form(ReadOnlySpan<char> token)
    {
        if (token.Length == 1)
        {
            switch (token[0])
            {
                case '“': case '”': case '„': case '«': case '»': return "\"";
                case '‘': case '’': case '‚': return "'";
                case '–': case '—': case '―': return "--";
            }
        }
        if (token.Length == 3 && (token[1] == '’') && (token[0] is 'n' or 'N')) return token[0] + "'" + token[2];
        if (token.Length == 2 && token[0] == '’') return "'" + token[1];
        return token.ToString();
    }

    // Each template's starting hash, worked out once rather than for every feature of every word.
    private static readonly ulong[] Starts = Enumerable.Range(0, 20).Select(t => Mix(Offset, (ulong)(t + 1) * 0x9E3779B97F4A7C15UL)).ToArray();

    private static ulong Start(int template) => Starts[template];

    private static ulong Mix(ulong h, ulong value)
    {
        for (int k = 0; k < 8; k++)
        {
            h ^= (byte)(value >> (k * 8));
            h *= Prime;
        }
        return h;
    }

    private static ulong Char(ulong h, char c)
    {
        h ^= (byte)c;
        h *= Prime;
        h ^= (byte)(c >> 8);
        h *= Prime;
        return h;
    }

    private static ulong Suffix(ulong h, ReadOnlySpan<char> w, int length)
    {
        int from = Math.Max(0, w.Length - length);
        for (int k = from; k < w.Length; k++) h = Char(h, char.ToLowerInvariant(w[k]));
        return Mix(h, (ulong)length);
    }

    private static ulong Prefix(ulong h, ReadOnlySpan<char> w, int length)
    {
        for (int k = 0; k < Math.Min(length, w.Length); k++) h = Char(h, w[k]);
        return h;
    }

    /// <summary>The word lower-cased, with numbers folded: all four-digit years alike, all other numbers alike.</summary>
    private static ulong Normal(ulong h, ReadOnlySpan<char> w)
    {
        if (w.Length > 0 && char.IsDigit(w[0]))
        {
            bool year = w.Length == 4 && char.IsDigit(w[1]) && char.IsDigit(w[2]) && char.IsDigit(w[3]);
            return Mix(h, year ? 0xA1UL : 0xA2UL);
        }
        foreach (var c in w) h = Char(h, char.ToLowerInvariant(c));
        return Mix(h, 0xA3UL);
    }

    /// <summary>Capitalisation and character classes, runs collapsed: "Diaz-Canel" is "Xx-Xx", "U.S." is "X.X.".</summary>
    private static ulong Shape(ulong h, ReadOnlySpan<char> w)
    {
        char last = '\0';
        int length = 0;
        foreach (var c in w)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last) continue;
            h = Char(h, s);
            last = s;
            if (++length == 6) break;
        }
        return h;
    }
}
