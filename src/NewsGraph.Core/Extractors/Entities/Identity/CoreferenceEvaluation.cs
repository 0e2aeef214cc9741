using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Extractors.Entities.Identity;

/// <summary>A hand-labelled mention: where it is, its type, the entity it belongs to, and what the text says of it.</summary>
public sealed record GoldMention(string File, int Start, int End, string Text, string Type, string Cluster, string? Agent, string? Country);

/// <summary>Figures of one run of <see cref="CoreferenceEvaluation"/>.</summary>
public sealed record CoreferenceScores(
    int Articles, int Mentions, int GoldEntities, int SystemEntities, int Unresolved,
    double MucPrecision, double MucRecall, double B3Precision, double B3Recall,
    double PairPrecision, double PairRecall, double PersonPairPrecision, double PersonPairRecall,
    int WrongPersonMerges, int AgentCorrect, int AgentLabelled, int CountryCorrect, int CountryLabelled)
{
    /// <summary>Where the stages and the labels disagree, one line each: for reading, not for scoring.</summary>
    public List<string> Disagreements { get; init; } = new();

    public static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// Scores the roles and coreference stages on hand-labelled articles: the gold mentions are
/// given (so the tagger's errors do not count), the stages run, and the entities they form are
/// compared with the labelled ones by MUC, B-cubed and mention-pair precision and recall; the
/// CAMEO agent and country the stages give are compared with those the labeller read in the text.
/// </summary>
public static class CoreferenceEvaluation
{
    /// <summary>Reads the label table (see eval/entities/bbc-coreference.tsv); problems are returned, one line each.</summary>
    public static List<GoldMention> ReadLabels(string path, List<string> problems)
    {
        var labels = new List<GoldMention>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 8 || !int.TryParse(f[1], out var start) || !int.TryParse(f[2], out var end) || end <= start)
            {
                problems.Add($"{path}:{lineNumber}: not a label row (file, start, end, text, type, cluster, agent, country)");
                continue;
            }
            labels.Add(new GoldMention(f[0], start, end, f[3], f[4], f[5], f[6] == "-" ? null : f[6], f[7] == "-" ? null : f[7]));
        }
        return labels;
    }

    /// <summary>
    /// Runs the stages on each labelled article under <paramref name="corpus"/> and scores them. With
    /// <paramref name="tagging"/> (a whole pipeline, tagger included) the article's own mentions are
    /// used instead of the labelled ones, and each labelled mention takes the entity of the mention
    /// with the same span: a name the tagger missed or cut differently counts as unresolved.
    /// </summary>
    public static CoreferenceScores Run(IReadOnlyList<GoldMention> labels, string corpus, List<string> problems, Pipeline.ArticlePipeline? tagging = null)
    {
        var roles = new RoleStage();
        var coreference = new CoreferenceStage();
        var gold = new List<string>();
        var system = new List<string>();
        var types = new List<string>();
        int articles = 0, unresolved = 0, agentCorrect = 0, agentLabelled = 0, countryCorrect = 0, countryLabelled = 0;
        var disagreements = new List<string>();
        foreach (var group in labels.GroupBy(l => l.File))
        {
            var path = Path.Combine(corpus, group.Key);
            if (!File.Exists(path))
            {
                problems.Add($"{path}: labelled but not found");
                continue;
            }
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var article = new Article(text, text.Split('\n', 2)[0]);
            new SentenceStage().Run(article);
            new TokenStage().Run(article);
            var kept = new List<GoldMention>();
            foreach (var m in group)
            {
                if (m.End > text.Length || text.AsSpan(m.Start, m.End - m.Start).SequenceEqual(m.Text) is false)
                {
                    problems.Add($"{group.Key}: the text at {m.Start} is not '{m.Text}' (has the article changed?)");
                    continue;
                }
                article.Entities.Add(new EntityMention(new Span(m.Start, m.End), m.Type));
                kept.Add(m);
            }
            var found = new EntityMention?[kept.Count];
            if (tagging is null)
            {
                roles.Run(article);
                coreference.Run(article);
                for (int i = 0; i < kept.Count; i++) found[i] = article.Entities[i];
            }
            else
            {
                var tagged = new Article(text, article.Title);
                tagging.Run(tagged);
                var bySpan = new Dictionary<Span, EntityMention>();
                foreach (var e in tagged.Entities) bySpan.TryAdd(e.Span, e);
                for (int i = 0; i < kept.Count; i++) found[i] = bySpan.GetValueOrDefault(new Span(kept[i].Start, kept[i].End));
            }
            articles++;
            // Split: one labelled entity in several formed ones; merged: one formed entity over several labelled ones.
            var pairs = kept.Select((m, i) => (Gold: m.Cluster, System: found[i]?.EntityId ?? "(unresolved)", m.Text)).ToList();
            foreach (var g in pairs.GroupBy(p => p.Gold).Where(g => g.Select(p => p.System).Distinct().Count() > 1))
                disagreements.Add($"{group.Key}: split {g.Key}: " + string.Join(", ", g.GroupBy(p => p.System).Select(s => $"{s.Key} [{string.Join("|", s.Select(p => p.Text).Distinct())}]")));
            foreach (var s in pairs.GroupBy(p => p.System).Where(s => s.Key != "(unresolved)" && s.Select(p => p.Gold).Distinct().Count() > 1))
                disagreements.Add($"{group.Key}: merged {s.Key}: " + string.Join(", ", s.GroupBy(p => p.Gold).Select(g => $"{g.Key} [{string.Join("|", g.Select(p => p.Text).Distinct())}]")));
            for (int i = 0; i < kept.Count; i++)
            {
                var m = kept[i];
                var mention = found[i];
                gold.Add(group.Key + "#" + m.Cluster);
                if (mention?.EntityId is null) unresolved++;
                system.Add(mention?.EntityId is { } id ? group.Key + "#" + id : group.Key + "#unresolved@" + m.Start);
                types.Add(m.Type);
                if (m.Agent is not null)
                {
                    agentLabelled++;
                    if (EntityNames.AgentOf(mention?.Actor) == m.Agent) agentCorrect++;
                    else disagreements.Add($"{group.Key}: agent of '{m.Text}' is {EntityNames.AgentOf(mention?.Actor) ?? "none"} (actor {mention?.Actor ?? "none"}), labelled {m.Agent}");
                }
                if (m.Country is not null)
                {
                    countryLabelled++;
                    if (mention?.Country == m.Country) countryCorrect++;
                    else disagreements.Add($"{group.Key}: country of '{m.Text}' is {mention?.Country ?? "none"}, labelled {m.Country}");
                }
            }
        }

        var (mucP, mucR) = (Muc(system, gold), Muc(gold, system));
        var (b3P, b3R) = BCubed(gold, system);
        var (pairP, pairR) = Pairs(gold, system, _ => true, types);
        var (personP, personR) = Pairs(gold, system, t => t == EntityTypes.Person, types);
        int wrongMerges = Enumerable.Range(0, gold.Count).Where(i => types[i] == EntityTypes.Person)
            .GroupBy(i => system[i]).Count(g => g.Select(i => gold[i]).Distinct().Count() > 1);
        return new CoreferenceScores(articles, gold.Count, gold.Distinct().Count(), system.Distinct().Count(), unresolved,
            mucP, mucR, b3P, b3R, pairP, pairR, personP, personR, wrongMerges, agentCorrect, agentLabelled, countryCorrect, countryLabelled)
        {
            Disagreements = disagreements,
        };
    }

    /// <summary>MUC recall of <paramref name="key"/> against <paramref name="response"/> (swap them for precision).</summary>
    private static double Muc(List<string> key, List<string> response)
    {
        double numerator = 0, denominator = 0;
        foreach (var cluster in Enumerable.Range(0, key.Count).GroupBy(i => key[i]))
        {
            int size = cluster.Count();
            int parts = cluster.Select(i => response[i]).Distinct().Count();
            numerator += size - parts;
            denominator += size - 1;
        }
        return denominator == 0 ? 1 : numerator / denominator;
    }

    private static (double Precision, double Recall) BCubed(List<string> gold, List<string> system)
    {
        var goldSize = gold.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var systemSize = system.GroupBy(s => s).ToDictionary(s => s.Key, s => s.Count());
        var both = Enumerable.Range(0, gold.Count).GroupBy(i => (gold[i], system[i])).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            double shared = both[(gold[i], system[i])];
            p += shared / systemSize[system[i]];
            r += shared / goldSize[gold[i]];
        }
        return gold.Count == 0 ? (1, 1) : (p / gold.Count, r / gold.Count);
    }

    private static (double Precision, double Recall) Pairs(List<string> gold, List<string> system, Func<string, bool> keep, List<string> types)
    {
        long systemPairs = 0, goldPairs = 0, correct = 0;
        var idx = Enumerable.Range(0, gold.Count).Where(i => keep(types[i])).ToArray();
        for (int a = 0; a < idx.Length; a++)
            for (int b = a + 1; b < idx.Length; b++)
            {
                bool g = gold[idx[a]] == gold[idx[b]];
                bool s = system[idx[a]] == system[idx[b]];
                if (g) goldPairs++;
                if (s) systemPairs++;
                if (g && s) correct++;
            }
        return (systemPairs == 0 ? 1 : (double)correct / systemPairs, goldPairs == 0 ? 1 : (double)correct / goldPairs);
    }
}
