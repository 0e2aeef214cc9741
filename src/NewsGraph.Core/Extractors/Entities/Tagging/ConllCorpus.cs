using System.Text.RegularExpressions;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>One sentence of CoNLL data: words and their IOB tags ("B-PER", "I-ORG", "O").</summary>
internal sealed record ConllSentence(string[] Words, string[] Tags);

/// <summary>A story: the sentences from one headline to the next.</summary>
internal sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences)
{
    public TaggingDocument ToTaggingDocument() => TaggingDocument.FromWords(Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
}

/// <summary>
/// Reads CoNLL-2003 style files (word, tags..., NER tag last; blank line between sentences;
/// -DOCSTART- lines start documents when present). The copies used here have no -DOCSTART-
/// lines, so stories are recovered from the text alone: every Reuters story has a dateline
/// sentence ("BRUSSELS 1996-08-22", "AL-AIN , United Arab Emirates 1996-12-06"), and the
/// story starts at the headline just before it (or the headline and byline before it).
/// </summary>
internal static partial class ConllCorpus
{
    public const int MaxLineLength = 10_000;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    public static List<ConllDocument> Read(string path)
    {
        var sentences = new List<ConllSentence>();
        var starts = new HashSet<int>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            if (raw.Length > MaxLineLength) throw new InvalidDataException($"{path}:{lineNumber}: line longer than {MaxLineLength} characters");
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var parts = line.Split(' ', '\t');
            if (parts[0] == "-DOCSTART-")
            {
                Flush();
                starts.Add(sentences.Count);
                continue;
            }
            if (parts.Length < 2) throw new InvalidDataException($"{path}:{lineNumber}: expected a word and a tag, found '{Truncate(line)}'");
            var tag = parts[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S'))
                throw new InvalidDataException($"{path}:{lineNumber}: '{Truncate(tag)}' is not an IOB tag");
            words.Add(parts[0]);
            tags.Add(tag);
        }
        Flush();
        if (sentences.Count == 0) throw new InvalidDataException($"{path}: no sentences");

        if (starts.Count == 0) FindStories(sentences, starts);
        starts.Add(0);
        var ordered = starts.Where(s => s < sentences.Count).OrderBy(s => s).ToList();
        var documents = new List<ConllDocument>();
        for (int k = 0; k < ordered.Count; k++)
        {
            int end = k + 1 < ordered.Count ? ordered[k + 1] : sentences.Count;
            documents.Add(new ConllDocument(sentences.GetRange(ordered[k], end - ordered[k])));
        }
        return documents;

        void Flush()
        {
            if (words.Count == 0) return;
            sentences.Add(new ConllSentence(words.ToArray(), tags.ToArray()));
            words.Clear();
            tags.Clear();
        }
    }

    private static void FindStories(List<ConllSentence> sentences, HashSet<int> starts)
    {
        for (int i = 1; i < sentences.Count; i++)
        {
            var words = sentences[i].Words;
            if (words.Length > 10 || !IsoDate().IsMatch(words[^1])) continue;
            int start = i - 1;
            // A short byline ("Nadim Ladki", in mixed case) may sit between the all-capitals headline and the dateline.
            if (start > 0 && sentences[start].Words.Length <= 4 && HasLower(sentences[start].Words)
                && !HasLower(sentences[start - 1].Words) && !IsDateline(sentences[start - 1].Words)) start--;
            starts.Add(start);
        }
    }

    private static bool IsDateline(string[] words) => words.Length <= 10 && IsoDate().IsMatch(words[^1]);

    private static bool HasLower(string[] words) => words.Any(w => w.Any(char.IsLower));

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    /// <summary>Entity spans of a sentence as (first, end, type name), by conlleval's chunk rules (IOB1 and IOB2 alike).</summary>
    public static List<(int First, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<(int, int, string)>();
        int start = -1;
        string type = "";
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag == "O" ? 'O' : tag[0];
            string t = tag == "O" ? "" : tag[2..];
            bool begins = prefix is 'B' or 'S' || (prefix is 'I' or 'E' && (start < 0 || t != type));
            bool continues = start >= 0 && prefix is 'I' or 'E' && t == type;
            if (start >= 0 && !continues)
            {
                chunks.Add((start, i, type));
                start = -1;
            }
            if (begins && prefix != 'O')
            {
                start = i;
                type = t;
            }
            // E and S close their chunk at once.
            if (start >= 0 && prefix is 'E' or 'S')
            {
                chunks.Add((start, i + 1, type));
                start = -1;
            }
        }
        return chunks;
    }
}
