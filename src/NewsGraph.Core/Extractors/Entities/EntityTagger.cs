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
        var mentions = new List<EntityMention>(spans.Count);
        Span<ulong> words = stackalloc ulong[Lexicon.MaxPhraseTokens];
        foreach (var (first0, end, typeIndex) in spans)
        {
            int first = first0;
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
