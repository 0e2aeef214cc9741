using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Extractors.Syntax;

/// <summary>
/// Tags words with Penn Treebank parts of speech (NNP, VBD, IN ...), left to right, with an averaged
/// perceptron trained on the CoNLL-2003 Reuters news (<c>newsgraph train pos</c> reproduces the
/// shipped model). Stateless apart from the read-only model: safe to share across threads.
/// </summary>
public sealed class PosTagger
{
    public const string ModelResource = "NewsGraph.Models.pos-tagger.bin";
    private static readonly Lazy<PosTagger> _default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public PosTagger(PosModel model)
    {
        Model = model;
        TagCount = model.TagNames.Count;
    }

    public PosModel Model { get; }
    private int TagCount { get; }

    /// <summary>The model shipped inside NewsGraph.Core (models/pos/pos-tagger.bin in the repository).</summary>
    public static PosTagger Default => _default.Value;

    private static PosTagger LoadDefault()
    {
        using var stream = typeof(PosTagger).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"the part-of-speech model {ModelResource} is missing from NewsGraph.Core");
        return new PosTagger(PosModel.Load(stream));
    }

    public string TagName(byte tag) => Model.TagNames[tag];

    /// <summary>Tags the words of one sentence; <paramref name="tags"/> receives one tag index per word.</summary>
    public void Tag(ReadOnlySpan<string> words, Span<byte> tags)
    {
        Span<ulong> features = stackalloc ulong[PosFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[TagCount];
        int prev = PosModel.Start, prev2 = PosModel.Start;
        for (int i = 0; i < words.Length; i++)
        {
            var known = Model.Lookup(words[i]);
            int best = known.Tag;
            if (best < 0)
            {
                int n = PosFeatures.Extract(words, i, prev, prev2, features);
                Model.Score(features[..n], scores);
                best = Best(scores, known.Allowed);
            }
            tags[i] = (byte)best;
            prev2 = prev;
            prev = best;
        }
    }

    /// <summary>The highest-scoring tag among those <paramref name="allowed"/> (a bit per tag).</summary>
    internal static int Best(ReadOnlySpan<float> scores, ulong allowed)
    {
        int best = -1;
        for (int t = 0; t < scores.Length; t++)
        {
            if ((allowed & (1UL << t)) == 0) continue;
            if (best < 0 || scores[t] > scores[best]) best = t;
        }
        return best < 0 ? 0 : best;
    }

    /// <summary>Tags the tokens of a text: the convenience form for callers holding an article.</summary>
    public string[] Tag(string text, IReadOnlyList<Token> tokens)
    {
        var words = new string[tokens.Count];
        for (int i = 0; i < words.Length; i++) words[i] = PosFeatures.Form(text.AsSpan(tokens[i].Start, tokens[i].Length));
        var tags = new byte[words.Length];
        Tag(words, tags);
        return tags.Select(TagName).ToArray();
    }
}
