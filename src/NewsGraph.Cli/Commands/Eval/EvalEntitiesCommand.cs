using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Extractors.Entities.Identity;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval entities</c>: coreference, agent and country accuracy on hand-labelled articles.</summary>
public sealed class EvalEntitiesCommand : ISubcommand
{
    public string Name => "entities";
    public string Summary => "score canonical entities (coreference), agents and countries on hand-labelled BBC articles";
    public string Help => """
        usage: newsgraph eval entities [--labels FILE] [--corpus DIR] [--tagged] [--show]

        Gives the labelled mentions to the roles and coreference stages (the tagger is not scored
        here) and compares the entities they form with the labelled ones: MUC, B-cubed and
        mention-pair precision, recall and F1, people merged wrongly, and how often the CAMEO agent
        and country agree with what the labeller read in the text.

          --labels FILE  a label table; may be repeated (default: eval/entities/bbc-coreference.tsv, the
                         development set, and bbc-coreference-heldout.tsv, labelled after the rules were fixed)
          --corpus DIR   the BBC News corpus folder (default ../shared/data/news-corpus/bbc)
          --tagged       run the whole default pipeline, tagger included, and score its mentions: a labelled
                         name the tagger missed or cut differently counts as unresolved (end to end)
          --show         also list each disagreement (entities split or merged, agents and countries)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["labels", "corpus"];
    public IReadOnlyCollection<string> Flags => ["show", "tagged"];

    public int Run(Arguments args, Terminal terminal)
    {
        var tables = args.Options("labels").Count > 0
            ? args.Options("labels").ToList()
            : [Path.Combine("eval", "entities", "bbc-coreference.tsv"), Path.Combine("eval", "entities", "bbc-coreference-heldout.tsv")];
        var corpus = args.Option("corpus", Path.Combine("..", "shared", "data", "news-corpus", "bbc"));
        foreach (var labels in tables)
            if (!File.Exists(labels)) throw new CommandFailedException($"no label table at {labels} (run from the repository root, or pass --labels)");
        if (!Directory.Exists(corpus)) throw new CommandFailedException($"no corpus at {corpus} (pass --corpus)");
        int scored = 0;
        ArticlePipeline? tagging = null;
        if (args.Flag("tagged"))
        {
            tagging = DefaultPipeline.Create();
            if (!tagging.Stages.Any(s => s.Name == "entities"))
                terminal.Message("warning: the default pipeline has no 'entities' stage (no tagger): every name counts as missed");
        }
        foreach (var labels in tables)
        {
            var problems = new List<string>();
            var gold = CoreferenceEvaluation.ReadLabels(labels, problems);
            var s = CoreferenceEvaluation.Run(gold, corpus, problems, tagging);
            foreach (var p in problems) terminal.Message(p);
            scored += s.Mentions;
            var o = terminal.Out;
            o.WriteLine($"== {Path.GetFileName(labels)}{(tagging is null ? " (labelled mentions given)" : " (tagger's mentions, end to end)")}");
            o.WriteLine($"articles {s.Articles}, mentions {s.Mentions}, labelled entities {s.GoldEntities}, entities formed {s.SystemEntities}, unresolved mentions {s.Unresolved}");
            o.WriteLine($"MUC        P {s.MucPrecision:P1}  R {s.MucRecall:P1}  F1 {CoreferenceScores.F1(s.MucPrecision, s.MucRecall):P1}");
            o.WriteLine($"B-cubed    P {s.B3Precision:P1}  R {s.B3Recall:P1}  F1 {CoreferenceScores.F1(s.B3Precision, s.B3Recall):P1}");
            o.WriteLine($"pairs      P {s.PairPrecision:P1}  R {s.PairRecall:P1}  F1 {CoreferenceScores.F1(s.PairPrecision, s.PairRecall):P1}");
            o.WriteLine($"people     P {s.PersonPairPrecision:P1}  R {s.PersonPairRecall:P1}  F1 {CoreferenceScores.F1(s.PersonPairPrecision, s.PersonPairRecall):P1}  (mention pairs); {s.WrongPersonMerges} entities merge two labelled people");
            o.WriteLine($"agent      {s.AgentCorrect}/{s.AgentLabelled} labelled mentions right");
            o.WriteLine($"country    {s.CountryCorrect}/{s.CountryLabelled} labelled mentions right");
            if (args.Flag("show"))
                foreach (var d in s.Disagreements) o.WriteLine("  " + d);
        }
        return scored == 0 ? 1 : 0;
    }
}
