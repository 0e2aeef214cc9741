using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Dates;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Extractors.Dates;

public class TenseCuesTests
{
    private static Tense TenseOfLast(string sentence)
    {
        var a = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Build().Run(new Article(sentence));
        var t = new ArticleTokens(a);
        int last = t.Count - 1;
        while (t.Kind(last) != TokenKind.Word) last--;
        return TenseCues.Around(t, last, last + 1, 0, t.Count);
    }

    [Theory]
    [InlineData("Ministers met on Tuesday", Tense.Past)]
    [InlineData("Prices have risen since Tuesday", Tense.Past)]
    [InlineData("Ministers will meet on Tuesday", Tense.Future)]
    [InlineData("The results will be announced on Tuesday", Tense.Future)]
    [InlineData("The summit is due to close on Friday", Tense.Future)]
    [InlineData("Schools stay shut until Friday", Tense.Future)]
    [InlineData("The ceremony would have been held on Friday", Tense.Past)]
    [InlineData("Voters choose a new parliament on Sunday", Tense.None)]
    public void Reads_the_tense_around_a_date(string sentence, Tense expected)
    {
        Assert.Equal(expected, TenseOfLast(sentence));
    }
}
