using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Segmentation;

/// <summary>
/// Splits text into word, number, punctuation, symbol and URL tokens, as offsets into the
/// text (no substrings). Follows Penn Treebank habits where news NLP expects them: "Iran's"
/// is "Iran" + "'s", "don't" is "do" + "n't", "$130" is "$" + "130", "53%" is "53" + "%";
/// it keeps together what taggers want whole: "U.S.", "Dr.", "Diaz-Canel", "6,210,298",
/// "1.4", "2k", "10:30", "2022-01-11", "https://...".
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, List<Token> tokens) => Tokenize(text.AsSpan(), 0, tokens);

    public static void Tokenize(ReadOnlySpan<char> text, int offset, List<Token> tokens)
    {
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (c <= ' ' || char.IsWhiteSpace(c)) { i++; continue; }

            if (c == 'h' || c == 'w' || c == 'H' || c == 'W')
            {
                int urlEnd = UrlEnd(text, i);
                if (urlEnd > i)
                {
                    tokens.Add(new Token(offset + i, offset + urlEnd, TokenKind.Url));
                    i = urlEnd;
                    continue;
                }
            }

            if (char.IsDigit(c))
            {
                int end = NumberEnd(text, i);
                tokens.Add(new Token(offset + i, offset + end, TokenKind.Number));
                i = end;
                continue;
            }

            if (char.IsLetter(c))
            {
                i = Word(text, i, offset, tokens);
                continue;
            }

            // Apostrophe clitics after a word were handled in Word; a lone quote mark is punctuation.
            if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
            {
                int end = i + 3;
                while (end < n && text[end] == '.') end++;
                tokens.Add(new Token(offset + i, offset + end, TokenKind.Punctuation));
                i = end;
                continue;
            }
            if (c == '-' && i + 1 < n && text[i + 1] == '-')
            {
                int end = i + 2;
                while (end < n && text[end] == '-') end++;
                tokens.Add(new Token(offset + i, offset + end, TokenKind.Punctuation));
                i = end;
                continue;
            }
            if (char.IsSurrogate(c) && i + 1 < n && char.IsSurrogatePair(c, text[i + 1]))
            {
                tokens.Add(new Token(offset + i, offset + i + 2, TokenKind.Symbol));
                i += 2;
                continue;
            }
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(new Token(offset + i, offset + i + 1, kind));
            i++;
        }
    }

    /// <summary>Reads a word starting at <paramref name="i"/>, splitting off clitics; returns where it ends.</summary>
    private static int Word(ReadOnlySpan<char> text, int i, int offset, List<Token> tokens)
    {
        int n = text.Length;
        int start = i;
        int end = i;
        while (end < n)
        {
            char c = text[end];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                end++;
                continue;
            }
            // Inner hyphens and apostrophes: Diaz-Canel, O'Brien (but not the clitic of Iran's).
            if ((c is '-' or '‐' or '‑') && end + 1 < n && char.IsLetterOrDigit(text[end + 1]))
            {
                end++;
                continue;
            }
            // "don't": stop before the n so that "n't" can be split off below.
            if (c is '\'' or '’' && end + 1 < n && text[end + 1] is 't' or 'T' && end - 1 > start && text[end - 1] is 'n' or 'N'
                && (end + 2 == n || !char.IsLetter(text[end + 2])))
                break;
            if (c is '\'' or '’' && end + 1 < n && char.IsLetter(text[end + 1]) && !IsClitic(text, end + 1))
            {
                end++;
                continue;
            }
            // Initialisms: U.S., e.g., U.N. (letter, stop, letter, stop ...).
            if (c == '.' && end + 1 < n && char.IsLetter(text[end + 1]) && end + 2 <= n && (end + 2 == n || !char.IsLetter(text[end + 2]) ) && end - start >= 1 && IsInitialismSoFar(text[start..end]))
            {
                end += 2;
                continue;
            }
            break;
        }
        // A trailing full stop belongs to an abbreviation or initial: "Dr.", "U.S.", "J."
        if (end < n && text[end] == '.')
        {
            var word = text[start..end];
            if (word.Contains('.') || Abbreviations.IsKnown(word) || (word.Length == 1 && char.IsUpper(word[0])))
                end++;
        }
        // "don't" -> "do" + "n't"
        if (end - start >= 2 && text[end - 1] is 'n' or 'N' && end < n && text[end] is '\'' or '’' && end + 1 < n && text[end + 1] is 't' or 'T'
            && (end + 2 == n || !char.IsLetter(text[end + 2])))
        {
            tokens.Add(new Token(offset + start, offset + end - 1, TokenKind.Word));
            tokens.Add(new Token(offset + end - 1, offset + end + 2, TokenKind.Word));
            return end + 2;
        }
        tokens.Add(new Token(offset + start, offset + end, TokenKind.Word));
        // Clitics: 's 're 've 'll 'd 'm, and the bare possessive apostrophe of "Hezbollahs'".
        if (end < n && text[end] is '\'' or '’')
        {
            int cl = CliticEnd(text, end + 1);
            if (cl > end + 1)
            {
                tokens.Add(new Token(offset + end, offset + cl, TokenKind.Word));
                return cl;
            }
        }
        return end;
    }

    private static bool IsInitialismSoFar(ReadOnlySpan<char> word)
    {
        // "U" or "U.S" so far: single letters separated by stops.
        for (int k = 0; k < word.Length; k++)
            if ((k % 2 == 0) ? !char.IsLetter(word[k]) : word[k] != '.') return false;
        return word.Length % 2 == 1;
    }

    private static bool IsClitic(ReadOnlySpan<char> text, int afterApostrophe) => CliticEnd(text, afterApostrophe) > afterApostrophe;

    private static int CliticEnd(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        int e = i;
        while (e < n && char.IsLetter(text[e])) e++;
        int len = e - i;
        if (len == 0 || len > 2) return i;
        var clitic = text[i..e];
        bool known = len == 1
            ? clitic[0] is 's' or 'S' or 'd' or 'D' or 'm' or 'M'
            : clitic.Equals("re", StringComparison.OrdinalIgnoreCase) || clitic.Equals("ve", StringComparison.OrdinalIgnoreCase) || clitic.Equals("ll", StringComparison.OrdinalIgnoreCase);
        return known ? e : i;
    }

    /// <summary>Digits with inner , . : / - between digits, and a short letter suffix (2k, 1990s, 5th, 10am).</summary>
    private static int NumberEnd(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        int end = i;
        while (end < n)
        {
            char c = text[end];
            if (char.IsDigit(c)) { end++; continue; }
            if (c is ',' or '.' or ':' or '/' or '-' && end + 1 < n && char.IsDigit(text[end + 1])) { end += 2; continue; }
            break;
        }
        int letters = end;
        while (letters < n && char.IsLetter(text[letters]) && letters - end < 3) letters++;
        if (letters > end && (letters == n || !char.IsLetter(text[letters]))) end = letters;
        return end;
    }

    private static int UrlEnd(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            return i;
        int end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '“' or '”' or '<' or '>')) end++;
        // Sentence punctuation after a link is not part of it.
        while (end > i && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '!' or '?' or '\'' or '’') end--;
        return end;
    }
}
