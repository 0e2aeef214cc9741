using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>Something wrong with one line of a dictionary: reported, skipped, and the rest is read.</summary>
public sealed record DictionaryProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A line of a dictionary file with its comments removed, and where it was.</summary>
internal readonly record struct DictionaryLine(int Number, string Text, string Raw);

/// <summary>
/// Reads the PETRARCH/TABARI dictionary file conventions: XML comments (one line or many),
/// <c>#</c> comments (whole line, or after text), and KEDS-era <c>;</c> comments in actor files.
/// A <c>#</c> inside a [code] is not a comment (TABARI's discard code is [###]).
/// </summary>
internal static class DictionaryText
{
    /// <summary>Lines longer than this are dictionary damage, not entries.</summary>
    public const int MaxLine = 4096;

    public static IEnumerable<DictionaryLine> Lines(TextReader reader, bool semicolonComments = false)
    {
        bool inComment = false;
        int number = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            if (raw.Length > MaxLine) raw = raw[..MaxLine];
            var line = raw;
            if (inComment)
            {
                int close = line.IndexOf("-->", StringComparison.Ordinal);
                if (close < 0) continue;
                inComment = false;
                line = line[(close + 3)..];
            }
            while (true)
            {
                int open = line.IndexOf("<!", StringComparison.Ordinal);
                if (open < 0) break;
                int close = line.IndexOf("-->", open, StringComparison.Ordinal);
                // "<! -- ... -->" and "<!-- ... -->" alike; an unclosed one runs to its "-->" lines below.
                if (close < 0)
                {
                    inComment = true;
                    line = line[..open];
                    break;
                }
                line = line[..open] + line[(close + 3)..];
            }
            line = StripHash(line);
            if (semicolonComments)
            {
                int semi = line.IndexOf(';');
                if (semi >= 0) line = line[..semi];
            }
            if (line.Trim().Length == 0) continue;
            yield return new DictionaryLine(number, line.TrimEnd(), raw);
        }
    }

    private static string StripHash(string line)
    {
        int depth = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '[') depth++;
            else if (c == ']') depth = Math.Max(0, depth - 1);
            else if (c == '#' && depth == 0) return line[..i];
        }
        return line;
    }

    /// <summary>
    /// Splits a dictionary phrase ("ITHILEN TELEVISION", "HAMAS_GUNMEN", "U.S._", "AL-QAEDA") into the
    /// tokens our tokenizer makes of running text, upper-cased, each marked whether it must follow the
    /// previous one directly (<c>_</c> or inside one word) or may have a few words between (a blank).
    /// </summary>
    public static PhraseToken[] Phrase(string phrase)
    {
        var result = new List<PhraseToken>();
        var tokens = new List<Token>();
        bool firstGroup = true;
        foreach (var group in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool firstWord = true;
            foreach (var word in group.Split('_', StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Clear();
                Tokenizer.Tokenize(word, tokens);
                for (int k = 0; k < tokens.Count; k++)
                {
                    var text = word.Substring(tokens[k].Start, tokens[k].Length).ToUpperInvariant();
                    bool gapBefore = !firstGroup && firstWord && k == 0;
                    result.Add(new PhraseToken(text, gapBefore));
                }
                firstWord = false;
            }
            firstGroup = false;
        }
        return result.ToArray();
    }
}

/// <summary>One token of a dictionary phrase; <see cref="GapBefore"/> lets a few words come between it and the previous one.</summary>
internal readonly record struct PhraseToken(string Text, bool GapBefore);
