namespace NewsGraph.Core.Tests.Cli;

public class EvalEntitiesCommandTests
{
    private static string Eval(string name) => TestPaths.Fixture(Path.Combine("Entities", "eval", name));

    [Fact]
    public void Labels_the_stages_agree_with_score_full_marks()
    {
        var run = CliRunner.Run("eval", "entities", "--labels", Eval("right.tsv"), "--corpus", Eval("corpus"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("articles 1, mentions 9, labelled entities 6, entities formed 6, unresolved mentions 0", run.Stdout);
        Assert.Contains("MUC        P 100.0 %  R 100.0 %", run.Stdout);
        Assert.Contains("agent      2/2 labelled mentions right", run.Stdout);
        Assert.Contains("country    3/3 labelled mentions right", run.Stdout);
    }

    [Fact]
    public void Two_people_the_stages_keep_apart_cost_recall_when_the_labels_join_them()
    {
        var run = CliRunner.Run("eval", "entities", "--labels", Eval("wrong.tsv"), "--corpus", Eval("corpus"), "--show");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("MUC        P 100.0 %  R 75.0 %", run.Stdout);
        Assert.Contains("split biden: person:hunter-biden [Hunter Biden], person:joe-biden [Joe Biden]", run.Stdout);
    }

    [Fact]
    public void A_label_that_does_not_match_the_text_is_reported_and_skipped()
    {
        var dir = TestPaths.TempDirectory();
        var labels = Path.Combine(dir, "bad.tsv");
        File.WriteAllText(labels, "world/001.txt\t0\t7\tKremlin\tORG\tkremlin\t-\t-\nworld/001.txt\t1\t8\tNATO\tORG\tnato\t-\t-\nnot a row\n");
        var run = CliRunner.Run("eval", "entities", "--labels", labels, "--corpus", Eval("corpus"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the text at 1 is not 'NATO'", run.Stderr);
        Assert.Contains("not a label row", run.Stderr);
        Assert.Contains("mentions 1,", run.Stdout);
    }
}
