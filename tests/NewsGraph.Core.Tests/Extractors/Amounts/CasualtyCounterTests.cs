namespace NewsGraph.Core.Tests.Extractors.Amounts;

public class CasualtyCounterTests
{
    private static List<(string Kind, long Number, string? Object)> Counts(string text) =>
        AmountExtractorTests.Run(text).Counts.Select(c => (c.Kind, c.Number, c.Object)).ToList();

    [Theory]
    [InlineData("At least 25 killed as bus plunges into ravine.", "killed", 25, null)]
    [InlineData("At least 12 people were injured in the blast.", "wounded", 12, "people")]
    [InlineData("Police arrested 41 protesters outside the embassy.", "arrested", 41, "protesters")]
    [InlineData("The ministry reported 2,000 new cases of the virus.", "infected", 2000, "cases")]
    [InlineData("Militants ambushed a patrol, killing three soldiers.", "killed", 3, "soldiers")]
    [InlineData("Nineteen miners have died after a fire.", "dead", 19, "miners")]
    [InlineData("Rebels kidnapped 14 aid workers.", "kidnapped", 14, "workers")]
    [InlineData("Twenty people are still unaccounted for.", "missing", 20, "people")]
    [InlineData("More than 1.2 million people have been displaced.", "displaced", 1200000, "people")]
    [InlineData("The storm forced 2.5 million people to evacuate.", "evacuated", 2500000, "people")]
    [InlineData("Police detained 130 at the rally.", "arrested", 130, null)]
    [InlineData("The death toll from the landslide rose to 43 on Thursday.", "dead", 43, null)]
    [InlineData("The number of people killed on the roads fell to 1,695.", "killed", 1695, "people")]
    public void Counts_casualties_gdelt_style(string text, string kind, long number, string? obj)
    {
        Assert.Equal([(kind, number, obj)], Counts(text));
    }

    [Fact]
    public void Each_number_gives_its_own_count()
    {
        Assert.Equal([("killed", 25L, "people"), ("wounded", 41L, (string?)null)], Counts("At least 25 people were killed and 41 injured on Sunday."));
        Assert.Equal([("killed", 3L, "soldiers"), ("wounded", 5L, "others")], Counts("The attack left a patrol in ruins, killing three soldiers and wounding five others."));
    }

    [Fact]
    public void A_partitive_counts_the_people_once()
    {
        Assert.Equal([("arrested", 4L, "suspects")], Counts("Four of the five suspects were arrested on Friday."));
    }

    [Theory]
    [InlineData("Mr Brown was accused of missing his target of treating three million Africans by 2005.")]
    [InlineData("Ukraine says its army is strong, while Moscow puts its own losses at 1,351.")]
    [InlineData("Three people were taken to hospital and a dozen homes destroyed.")]
    [InlineData("The court heard 300 cases last year.")]
    public void Does_not_count_numbers_that_are_not_casualties(string text)
    {
        Assert.Empty(Counts(text));
    }
}
