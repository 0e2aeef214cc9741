using System.Reflection;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Extractors.Entities;

/// <summary>
/// Finds names in articles with the trained tagger and types them (PERSON, ORG, GPE, LOC,
/// NORP, MISC). The shipped model is embedded in NewsGraph.Core, loaded once on first use
/// and shared read-only by all threads; each thread keeps its own scratch space.
/// </summary>
public sealed class EntityTagger
{
    /// <summary>Set to a model file to use it instead of the embedded one.</summary>
    public const string ModelVariable = "NEWSGRAPH_NER_MODEL";
    internal const string ResourceName = "NewsGraph.Ner.model.bin";
    /// <summary>Sentences longer than this are tagged in pieces (a page without full stops is not one sentence).</summary>
    public const int MaxSentenceTokens = 400;

    private static readonly Lazy<EntityTagger> Embedded = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ThreadLocal<TaggerWorkspace> _work = new(() => new TaggerWorkspace());

    internal EntityTagger(NerModel model) => Model = model;

    internal NerModel Model { get; }

    /// <summary>The shipped model (or the one <see cref="ModelVariable"/> names).</summary>
    public static EntityTagger Shipped => Embedded.Value;

    public static EntityTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return new EntityTagger(NerModel.Load(stream));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static EntityTagger LoadShipped()
    {
        var path = Environment.GetEnvironmentVariable(ModelVariable);
        if (!string.IsNullOrEmpty(path)) return Load(path);
        using var stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the entity model is not embedded in {typeof(EntityTagger).Assembly.GetName().Name} (train it with 'newsgraph train ner')");
        return new EntityTagger(NerModel.Load(stream));
    }

    /// <summary>A JSON note the trainer stored in the model (scores, command, data).</summary>
    public string Metadata => Model.Metadata;

    /// <summary>Tags an article whose sentences and tokens are filled; returns mentions in text order.</summary>
    public List<EntityMention> Tag(Article article)
    {
        var document = ToDocument(article);
        return Mentions(document);
    }

    internal List<EntityMention> Mentions(TaggingDocument document)
    {
        var spans = new List<(int First, int End, int Type)>();
        Model.Tag(document, _work.Value!, spans);
        MakeShortFormsConsistent(document, spans);
        var mentions = new List<EntityMention>(spans.Count);
        Span<ulong> words = stackalloc ulong[Lexicon.MaxPhraseTokens];
        foreach (var (first0, end0, typeIndex) in spans)
        {
            int first = first0, end = end0;
            // An unpaired bracket or quote at either end is not part of the name, even when the tagger runs
            // over it ("[Pakistan Taliban]" → "Pakistan Taliban"); a paired one may be (Roberto "Hands of Stone" Duran).
            while (end - first > 1 && Unpaired(document, first, end, atStart: true)) first++;
            while (end - first > 1 && Unpaired(document, first, end, atStart: false)) end--;
            if (end - first == 1 && IsBracketOrQuote(document.Word(first))) continue;
            if (first == end) continue;
            var conll = Model.Types[typeIndex];
            // "President Joe Biden": the title is a role, not part of the name.
            if (conll == "PER")
                while (first + 1 < end && IsTitle(document, first)) first++;
            int n = Math.Min(end - first, Lexicon.MaxPhraseTokens);
            for (int k = 0; k < n; k++) words[k] = FeatureHash.Lowered(document.Word(first + k));
            var type = EntityTyping.FromConll(conll, Model.Lexicon, end - first <= Lexicon.MaxPhraseTokens ? words[..n] : []);
            mentions.Add(new EntityMention(new Span(document.Tokens[first].Start, document.Tokens[end - 1].End), type));
        }
        return mentions;
    }

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "prime", "minister", "chancellor", "king", "queen",
        "prince", "princess", "pope", "senator", "sen.", "rep.", "governor", "gov.", "general", "gen.", "secretary", "judge",
        "justice", "mayor", "premier", "ambassador", "archbishop", "bishop", "cardinal", "sheikh", "ayatollah", "colonel",
        "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "coach", "chairman", "director", "professor", "prof.",
        "vice", "deputy", "foreign", "defence", "defense", "interior", "finance", "former", "chief", "spokesman", "spokeswoman",
        "commissioner", "envoy",
    };

    /// <summary>
    /// A one-word mention that repeats the surname of a person named in full elsewhere in the
    /// article ("MaliVai Washington" ... "Washington") is that person, whatever the tagger guessed
    /// for the short form alone.
    /// </summary>
    private void MakeShortFormsConsistent(TaggingDocument document, List<(int First, int End, int Type)> spans)
    {
        int person = Array.IndexOf(Model.Types, "PER");
        if (person < 0) return;
        Dictionary<ulong, int>? full = null;
        foreach (var (first, end, type) in spans)
        {
            if (end - first < 2) continue;
            if (type == person) (full ??= new())[FeatureHash.Lowered(document.Word(end - 1))] = person;
        }
        if (full is null) return;
        for (int i = 0; i < spans.Count; i++)
        {
            var (first, end, type) = spans[i];
            if (end - first == 1 && full.TryGetValue(FeatureHash.Lowered(document.Word(first)), out var longType) && longType != type)
                spans[i] = (first, end, longType);
        }
    }

    /// <summary>Whether the first (or last) token of [first, end) is a bracket or quote with no partner inside the span.</summary>
    private static bool Unpaired(TaggingDocument document, int first, int end, bool atStart)
    {
        var edge = document.Word(atStart ? first : end - 1);
        if (!IsBracketOrQuote(edge)) return false;
        char c = edge[0];
        char partner = c switch { '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '“' => '”', '”' => '“', '‘' => '’', '’' => '‘', '«' => '»', '»' => '«', _ => c };
        for (int k = first; k < end; k++)
        {
            if (k == (atStart ? first : end - 1)) continue;
            var w = document.Word(k);
            if (w.Length == 1 && w[0] == partner) return false;
        }
        return true;
    }

    private static bool IsBracketOrQuote(ReadOnlySpan<char> word) =>
        word.Length == 1 && word[0] is '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '`';

    private static bool IsTitle(TaggingDocument document, int token)
    {
        var w = document.Word(token);
        // Sir, Dame and Lord stay: CoNLL's annotators kept them inside British names.
        return w.Length <= 14 && Honorifics.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
    }

    /// <summary>The article's tokens grouped by sentence (long sentences cut into pieces).</summary>
    internal static TaggingDocument ToDocument(Article article)
    {
        var tokens = article.Tokens.ToArray();
        var sentences = new List<SentenceTokens>();
        int t = 0;
        foreach (var s in article.Sentences)
        {
            while (t < tokens.Length && tokens[t].End <= s.Start) { sentences.Add(new SentenceTokens(t, t + 1)); t++; }
            int first = t;
            while (t < tokens.Length && tokens[t].Start < s.End) t++;
            AddPieces(first, t);
        }
        AddPieces(t, tokens.Length);
        return new TaggingDocument(article.Text, tokens, sentences.ToArray());

        void AddPieces(int first, int end)
        {
            for (int p = first; p < end; p += MaxSentenceTokens)
                sentences.Add(new SentenceTokens(p, Math.Min(end, p + MaxSentenceTokens)));
        }
    }
}
