namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// Entity-level scores as the CoNLL shared task's conlleval computes them: a predicted
/// entity counts only if its type and both boundaries match a gold entity exactly;
/// precision, recall and F1 are micro-averaged over all entities, and per type.
/// </summary>
internal sealed class ConllScorer
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);

    public void Add(IEnumerable<(int First, int End, string Type)> gold, IEnumerable<(int First, int End, string Type)> predicted)
    {
        var goldSet = new HashSet<(int, int, string)>(gold);
        foreach (var g in goldSet) Bump(g.Item3, gold: 1);
        foreach (var p in predicted.Distinct())
        {
            Bump(p.Type, predicted: 1);
            if (goldSet.Contains(p)) Bump(p.Type, correct: 1);
        }
    }

    private void Bump(string type, int gold = 0, int predicted = 0, int correct = 0)
    {
        _byType.TryGetValue(type, out var c);
        _byType[type] = (c.Gold + gold, c.Predicted + predicted, c.Correct + correct);
    }

    public IEnumerable<(string Type, Score Score)> ByType => _byType.Select(kv => (kv.Key, new Score(kv.Value.Gold, kv.Value.Predicted, kv.Value.Correct)));

    public Score Overall => new(_byType.Values.Sum(v => v.Gold), _byType.Values.Sum(v => v.Predicted), _byType.Values.Sum(v => v.Correct));

    public readonly record struct Score(int Gold, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
