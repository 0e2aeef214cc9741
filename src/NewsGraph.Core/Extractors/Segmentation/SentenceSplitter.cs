using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Segmentation;

/// <summary>
/// Splits news text into sentences. Paragraph and line breaks always end a sentence; inside a
/// line, a sentence ends at . ! ? or an ellipsis followed by space and a capital, unless the
/// full stop belongs to an abbreviation (Dr., Sen., U.S. before a name), an initial (John F.
/// Kennedy) or a number (No. 10, Jan. 14). Closing quotes and brackets stay with the sentence
/// they close.
/// </summary>
public static class SentenceSplitter
{
    public static void Split(string text, List<Span> sentences) => Split(text.AsSpan(), 0, sentences);

    /// <summary>Appends the sentences of <paramref name="text"/> (offsets shifted by <paramref name="offset"/>).</summary>
    public static void Split(ReadOnlySpan<char> text, int offset, List<Span> sentences)
    {
        int start = SkipSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                Add(text, offset, start, i, sentences);
                start = SkipSpace(text, i + 1);
                i = start;
                continue;
            }
            if (c is '.' or '!' or '?' or '…')
            {
                int end = i + 1;
                // A run of terminal marks: "?!", "...".
                while (end < text.Length && text[end] is '.' or '!' or '?' or '…') end++;
                // Closing quotes and brackets belong to the sentence they close.
                while (end < text.Length && IsCloser(text[end])) end++;
                if (end < text.Length && !IsSpace(text[end]))
                {
                    i = end;
                    continue;
                }
                int next = SkipSpace(text, end);
                if (next >= text.Length || text[end..next].Contains('\n') || EndsSentence(text, i, end, next))
                {
                    Add(text, offset, start, end, sentences);
                    start = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        Add(text, offset, start, text.Length, sentences);
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, int mark, int end, int next)
    {
        // What the next sentence would start with, looking past opening quotes and brackets.
        int n = next;
        while (n < text.Length && IsOpener(text[n])) n++;
        if (n >= text.Length) return true;
        char first = text[n];
        if (char.IsLower(first)) return false;
        bool opensQuote = n > next;
        bool upper = char.IsUpper(first);
        bool digit = char.IsDigit(first);
        if (!upper && !digit && !opensQuote) return first is not (',' or ';' or ':' or ')' or '-' or '–' or '—');

        char markChar = text[mark];
        bool closed = end > mark + 1 && IsCloser(text[end - 1]);
        if (markChar != '.' || closed || (mark + 1 < text.Length && text[mark + 1] is '.' or '!' or '?'))
            return true; // "!", "?", "...", and a full stop inside quotes: "It's over." They ...

        var word = WordBefore(text, mark);
        if (word.IsEmpty) return true;
        var nextWord = WordAt(text, n);

        if (digit)
            return !Abbreviations.GoesBeforeNumber(word);
        if (Abbreviations.IsNeverFinal(word)) return false;
        if (word.Length == 1 && char.IsUpper(word[0]))
            return Abbreviations.IsSentenceStarter(nextWord); // an initial: John F. Kennedy
        if (Abbreviations.IsMaybeFinal(word) || Abbreviations.IsInitialism(word))
            return Abbreviations.IsSentenceStarter(nextWord) || opensQuote;
        return true;
    }

    /// <summary>The word a full stop ends, with its inner full stops ("U.S" for "U.S."), without brackets or quotes.</summary>
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int mark)
    {
        int s = mark;
        while (s > 0 && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] == '.' || text[s - 1] == '-' || text[s - 1] == '\'')) s--;
        var word = text[s..mark];
        return word.TrimStart('.');
    }

    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> text, int start)
    {
        int e = start;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        return text[start..e];
    }

    private static void Add(ReadOnlySpan<char> text, int offset, int start, int end, List<Span> sentences)
    {
        while (end > start && IsSpace(text[end - 1])) end--;
        while (start < end && IsSpace(text[start])) start++;
        if (end > start) sentences.Add(new Span(offset + start, offset + end));
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] != '\n' && IsSpace(text[i])) i++;
        // Blank lines between paragraphs.
        while (i < text.Length && (text[i] == '\n' || IsSpace(text[i]))) i++;
        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\u00A0' || (c > 127 && char.IsWhiteSpace(c) && c != '\n');
    internal static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '›' or '}';
    internal static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«' or '‹' or '„';
}
