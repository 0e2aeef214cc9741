using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>
/// Words between quotation marks in one paragraph. <see cref="Open"/> and <see cref="Close"/> are the
/// offsets of the marks; <see cref="Close"/> is -1 when the paragraph ends inside the quote (the news
/// convention for a quote that goes on in the next paragraph, which opens with a mark of its own).
/// </summary>
internal readonly record struct QuotedStretch(int Open, int Close, Span Words, int Paragraph)
{
    public bool OpenEnded => Close < 0;
    /// <summary>Where the stretch ends, its closing mark included.</summary>
    public int End => Close < 0 ? Words.End : Close + 1;
}

/// <summary>
/// Finds quoted stretches: curly double (“ ”) and single (‘ ’) marks, straight double and single
/// marks, guillemets and German low marks. Inner quotes (‘no’ inside “ ”) stay inside the outer
/// stretch. A curly closing single mark is also the apostrophe, so it closes a quote only where an
/// apostrophe could not stand (not inside a word, and not a plural possessive when a better closer
/// follows).
/// </summary>
internal static class QuotationMarks
{
    public static bool IsMark(char c) => c is '“' or '”' or '‘' or '’' or '"' or '\'' or '«' or '»' or '„';

    public static void Find(string text, Span paragraph, int paragraphIndex, List<QuotedStretch> into)
    {
        int i = paragraph.Start;
        int end = paragraph.End;
        while (i < end)
        {
            char closer = OpenerOf(text, i, paragraph);
            if (closer == '\0')
            {
                i++;
                continue;
            }
            int close = FindCloser(text, i, closer, end, out int reopen);
            int wordsEnd = reopen >= 0 ? reopen : close < 0 ? end : close;
            var words = Trim(text, i + 1, wordsEnd, dropTrailingComma: true);
            if (reopen >= 0)
            {
                // "... structure. "The Foundation has ...": paragraphs run together, the quote goes on with a new mark.
                if (!words.IsEmpty) into.Add(new QuotedStretch(i, -1, words, paragraphIndex));
                i = reopen;
                continue;
            }
            if (close < 0)
            {
                // A single mark that never closes is an apostrophe ("the '90s") unless it opens the paragraph.
                if (closer is '’' or '\'' && i != paragraph.Start)
                {
                    i++;
                    continue;
                }
                // The paragraph ends inside the quote: the stretch runs to its end.
                if (!words.IsEmpty) into.Add(new QuotedStretch(i, -1, words, paragraphIndex));
                return;
            }
            if (!words.IsEmpty) into.Add(new QuotedStretch(i, close, words, paragraphIndex));
            i = close + 1;
        }
    }

    /// <summary>The closing mark that matches an opening mark at <paramref name="i"/>, or '\0' when none opens there.</summary>
    private static char OpenerOf(string text, int i, Span paragraph)
    {
        char c = text[i];
        switch (c)
        {
            case '“': return '”';
            case '«': return '»';
            case '„': return '“';
            case '‘':
                return StartsWord(text, i, paragraph) ? '’' : '\0';
            case '"':
                return StartsWord(text, i, paragraph) ? '"' : '\0';
            case '\'':
                return StartsWord(text, i, paragraph) ? '\'' : '\0';
            default: return '\0';
        }
    }

    /// <summary>A straight or single mark opens a quote only before a word and after a space, a bracket or the start.</summary>
    private static bool StartsWord(string text, int i, Span paragraph)
    {
        if (i + 1 >= paragraph.End || char.IsWhiteSpace(text[i + 1])) return false;
        if (i == paragraph.Start) return true;
        char before = text[i - 1];
        return char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or '/' or '“' or '"' || char.IsPunctuation(before) && before is not ('.' or ',' or '\'' or '’');
    }

    private static int FindCloser(string text, int open, char closer, int end, out int reopen)
    {
        reopen = -1;
        int firstPossessive = -1;
        for (int j = open + 1; j < end; j++)
        {
            char c = text[j];
            // A new opening curly double mark inside a double quote means this one was never closed.
            if (closer == '”' && c == '“') return -1;
            // A straight mark opening a new sentence inside a straight quote: the same quote going on in what
            // was a new paragraph before the paragraphs were run together.
            if (closer == '"' && c == '"' && !ClosesWord(text, j, end) && j + 1 < end && char.IsUpper(text[j + 1]) && AfterSentenceEnd(text, j, open))
            {
                reopen = j;
                return -1;
            }
            bool closes = closer switch
            {
                '”' => c == '”' || c == '"' && ClosesWord(text, j, end),   // mixed typing: “ ... "
                '“' => c is '“' or '”',                                    // German „ ... “
                '"' => c == '"' && ClosesWord(text, j, end),
                '’' or '\'' => c == closer && ClosesWord(text, j, end),    // else the apostrophe of "don’t"
                _ => c == closer,
            };
            if (!closes) continue;
            if (closer is '’' or '\'' && LooksPossessive(text, j, end))
            {
                if (firstPossessive < 0) firstPossessive = j;
                continue;
            }
            return j;
        }
        return firstPossessive;
    }

    private static bool AfterSentenceEnd(string text, int j, int open)
    {
        int k = j - 1;
        while (k > open && char.IsWhiteSpace(text[k])) k--;
        return k > open && k < j - 1 && text[k] is '.' or '!' or '?';
    }

    /// <summary>A closing mark follows a word or punctuation and comes before a space, punctuation or the end.</summary>
    private static bool ClosesWord(string text, int j, int end)
    {
        if (j > 0 && char.IsWhiteSpace(text[j - 1])) return false;
        if (j + 1 >= end) return true;
        char after = text[j + 1];
        return !char.IsLetterOrDigit(after);
    }

    /// <summary>"the brothers’ rift": a mark after s and before a lower-case word is more likely an apostrophe.</summary>
    private static bool LooksPossessive(string text, int j, int end) =>
        j > 0 && text[j - 1] is 's' && j + 2 < end && text[j + 1] == ' ' && char.IsLower(text[j + 2]);

    private static Span Trim(string text, int start, int end, bool dropTrailingComma)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (dropTrailingComma && end > start && text[end - 1] == ',') end--;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new Span(start, end);
    }
}
