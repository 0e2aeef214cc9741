using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Amounts;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Amounts;

public class AmountExtractorTests
{
    private static readonly ArticlePipeline Pipeline =
        new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new AmountStage()).Add(new CountStage()).Build();

    internal static Article Run(string text) => Pipeline.Run(new Article(text));

    private static Amount Only(string text)
    {
        var a = Run(text);
        return Assert.Single(a.Amounts);
    }

    private static Amount Find(Article a, string surface) =>
        a.Amounts.FirstOrDefault(m => a.Slice(m.Span) == surface)
        ?? throw new Xunit.Sdk.XunitException($"no amount \"{surface}\"; found: {string.Join(" | ", a.Amounts.Select(m => a.Slice(m.Span)))}");

    [Theory]
    [InlineData("The US holds 324 million barrels in its reserve.", "324 million barrels", 324e6, "barrel", null)]
    [InlineData("Output will fall by 2.1 million barrels a day.", "2.1 million barrels a day", 2.1e6, "barrel", "day")]
    [InlineData("Brent rose to $95 a barrel on Monday.", "$95 a barrel", 95, "USD", "barrel")]
    [InlineData("Turnout was 53% in the capital.", "53%", 53, "percent", null)]
    [InlineData("The country has recorded 6,210,298 infections.", "6,210,298 infections", 6210298, "infection", null)]
    [InlineData("The region reported 2k new cases.", "2k new cases", 2000, "case", null)]
    [InlineData("Police questioned 41 people.", "41 people", 41, "person", null)]
    [InlineData("The talks lasted 7.5 hours.", "7.5 hours", 7.5, "hour", null)]
    [InlineData("Profit rose to £1.6bn last year.", "£1.6bn", 1.6e9, "GBP", null)]
    [InlineData("The deficit widened to 71.56bn rupees.", "71.56bn rupees", 71.56e9, "INR", null)]
    [InlineData("Three people were taken to hospital.", "Three people", 3, "person", null)]
    [InlineData("Storms damaged a dozen homes.", "a dozen homes", 12, "home", null)]
    [InlineData("Half a million people have no power.", "Half a million people", 5e5, "person", null)]
    [InlineData("The minimum wage rises to £10.42 an hour.", "£10.42 an hour", 10.42, "GBP", "hour")]
    [InlineData("Petrol costs 142.9p at the pump.", "142.9p", 1.429, "GBP", null)]
    [InlineData("The company raised US$45.2 million.", "US$45.2 million", 45.2e6, "USD", null)]
    [InlineData("The tunnel is 15,300km long.", "15,300km", 15300, "km", null)]
    [InlineData("A 6.8-magnitude earthquake struck.", "6.8-magnitude", 6.8, "magnitude", null)]
    [InlineData("The government gave 70m euros in aid.", "70m euros", 70e6, "EUR", null)]
    public void Reads_value_unit_and_rate(string text, string surface, double value, string unit, string? per)
    {
        var a = Run(text);
        var m = Find(a, surface);
        Assert.Equal(value, m.Value, 6);
        Assert.Equal(unit, m.Unit);
        Assert.Equal(per, m.Per);
    }

    [Fact]
    public void Keeps_the_counted_noun_and_the_of_phrase_as_the_object()
    {
        Assert.Equal("protesters", Only("Police held 41 protesters overnight.").Object);
        Assert.Equal("workers", Only("Rebels seized 14 aid workers.").Object);
        Assert.Equal("oil", Only("It stores 324 million barrels of oil.").Object);
        Assert.Equal("adults", Only("Nearly 40% of adults struggle to pay.").Object);
    }

    [Theory]
    [InlineData("Petrol is now up to 10% cheaper.", "up to 10%", "up to")]
    [InlineData("Output fell to about 9 million barrels a day.", "about 9 million barrels a day", "about")]
    [InlineData("The fire destroyed nearly 7,000 homes.", "nearly 7,000 homes", "nearly")]
    [InlineData("Organisers said more than 3,000 people took part.", "more than 3,000 people", "more than")]
    [InlineData("At least 25 people were hurt.", "At least 25 people", "at least")]
    [InlineData("Daily infections fell below 2k.", "below 2k", "less than")]
    public void Keeps_the_qualifier_in_the_span_and_in_a_field(string text, string surface, string qualifier)
    {
        var a = Run(text);
        Assert.Equal(qualifier, Find(a, surface).Qualifier);
    }

    [Fact]
    public void Reads_ranges_with_their_upper_end()
    {
        var between = Find(Run("Between 10 and 15 migrants are feared dead."), "Between 10 and 15 migrants");
        Assert.Equal((10, 15.0), (between.Value, between.High!.Value));
        Assert.Equal("person", between.Unit);
        var dashed = Find(Run("Rainfall of 2-3 inches is expected."), "2-3 inches");
        Assert.Equal((2, 3.0, "inch"), (dashed.Value, dashed.High!.Value, dashed.Unit));
        var money = Find(Run("Ticket prices range from $50 to $250."), "$50 to $250");
        Assert.Equal((50, 250.0, "USD"), (money.Value, money.High!.Value, money.Unit));
    }

    [Fact]
    public void Reads_negative_numbers()
    {
        Assert.Equal(-0.5, Find(Run("The bank forecasts growth of -0.5% next year."), "-0.5%").Value);
        var cold = Find(Run("Temperatures fell to minus 18C overnight."), "minus 18C");
        Assert.Equal((-18.0, "celsius"), (cold.Value, cold.Unit));
    }

    [Fact]
    public void A_change_from_one_figure_to_another_is_two_amounts_not_a_range()
    {
        var a = Run("Inflation rose from 2.5% to 3% in January.");
        Assert.Equal(["2.5%", "3%"], a.Amounts.Select(m => a.Slice(m.Span)));
        Assert.All(a.Amounts, m => Assert.Null(m.High));
    }

    [Theory]
    [InlineData("The law was passed in 2015 after a long debate.")]
    [InlineData("The talks began on March 3 and ended on 14 June.")]
    [InlineData("The flight leaves at 10:30 and lands at 9pm.")]
    [InlineData("It was the third week of the strike and the 12th day of talks.")]
    [InlineData("Call the helpline on 0800 555 0199 for advice.")]
    [InlineData("The Airbus A320 and the Boeing 737 Max dominate the market.")]
    [InlineData("COVID-19 restrictions were discussed at the G7 summit.")]
    [InlineData("Route 66 remains closed and Terminal 5 is shut.")]
    [InlineData("A 34-year-old man, aged 34, was charged. The driver, 52, survived.")]
    [InlineData("He lives at No 10 and the film is in the top 10.")]
    [InlineData("Hundreds of people gathered and dozens were detained.")]
    [InlineData("Prices fell by a third and two-thirds of voters agreed.")]
    [InlineData("Windows 11 was released two years later.")]
    [InlineData("One of the suspects said no one remains at large.")]
    [InlineData("The team won 3-1 and reached the last 16.")]
    public void Does_not_take_years_dates_times_ordinals_phone_numbers_or_names(string text)
    {
        var a = Run(text);
        Assert.True(a.Amounts.Count == 0, "unexpected: " + string.Join(" | ", a.Amounts.Select(m => a.Slice(m.Span))));
    }

    [Fact]
    public void A_singular_noun_after_a_number_above_one_is_a_modifier_not_the_counted_thing()
    {
        var m = Only("The bank planned two new share sales.");
        Assert.Equal((2.0, "sale"), (m.Value, m.Unit));
        Assert.Equal(("aircraft", "aircraft"), (Only("Airbus delivered 735 aircraft.").Unit, Only("Airbus delivered 735 aircraft.").Object));
    }

    [Fact]
    public void A_year_followed_by_people_is_a_count_not_a_year()
    {
        var m = Only("Officials said 2000 people had been moved.");
        Assert.Equal((2000.0, "person"), (m.Value, m.Unit));
    }

    [Fact]
    public void Spans_are_offsets_into_the_text()
    {
        const string text = "Shares fell 7.5% in early trading, wiping nearly $4bn off its value.";
        var a = Run(text);
        Assert.Equal(["7.5%", "nearly $4bn"], a.Amounts.Select(m => text[m.Span.Start..m.Span.End]));
    }
}
