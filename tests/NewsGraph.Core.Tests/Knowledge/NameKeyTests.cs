using NewsGraph.Core.Knowledge;

namespace NewsGraph.Core.Tests.Knowledge;

public class NameKeyTests
{
    [Theory]
    [InlineData("Amir-Abdollahian", "amir abdollahian")]
    [InlineData("Amir  Abdollahian", "amir abdollahian")]
    [InlineData("U.S.", "us")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("Mevlüt Çavuşoğlu", "mevlut cavusoglu")]
    [InlineData("Élysée", "elysee")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ørsted & Søn", "orsted and son")]
    [InlineData("Straße", "strasse")]
    [InlineData("BRAEMAR ACM Shipbroking Pte. Ltd.", "braemar acm shipbroking pte ltd")]
    [InlineData("«— —»", "")]
    public void Keys_ignore_case_marks_and_diacritics(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Theory]
    [InlineData("abdollahian", "abdolalhian", true)]   // transposed
    [InlineData("zakharova", "zaharova", true)]        // dropped
    [InlineData("zaharova", "zakharova", true)]        // added
    [InlineData("hassan", "hassen", false)]            // substituted: may be someone else
    [InlineData("biden", "biden", false)]              // the same word is not a slip
    [InlineData("khan", "kahn", false)]                // too short to tell
    [InlineData("peskov", "qeskov", false)]
    [InlineData("sherman", "herman", false)]           // the first letter is never the slip
    public void One_slip_is_a_transposed_dropped_or_added_letter_in_a_long_word(string a, string b, bool expected) =>
        Assert.Equal(expected, NameKey.OneSlipApart(a, b));
}
