using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Dates;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Dates;

public class DateExtractorTests
{
    private static readonly ArticlePipeline Pipeline =
        new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new DateStage()).Build();

    internal static Article Run(string text, string? date = null, string? pageDate = null) =>
        Pipeline.Run(new Article(text) { Date = date, PageDate = pageDate });

    /// <summary>Each expression as "text=value".</summary>
    private static List<string> Dates(string text, string? date = "2023-03-08") =>
        Run(text, date).Dates.Select(d => $"{text[d.Span.Start..d.Span.End]}={d.Value}").ToList();

    // 2023-03-08 is a Wednesday in ISO week 10.

    [Theory]
    [InlineData("The deal was signed on March 3, 2023 in Vienna.", "March 3, 2023=2023-03-03")]
    [InlineData("The deal was signed on 3 March 2023 in Vienna.", "3 March 2023=2023-03-03")]
    [InlineData("The trial began on January 14 with a plea.", "January 14=2023-01-14")]
    [InlineData("The plant closed in March 2021.", "March 2021=2021-03")]
    [InlineData("The law was passed in 2015.", "2015=2015")]
    [InlineData("Flights were cancelled in late December.", "late December=2022-12")]
    [InlineData("Growth was strong in the 1990s.", "the 1990s=199")]
    [InlineData("Rates peaked in mid-2022.", "mid-2022=2022")]
    [InlineData("Results for Q3 2024 will follow.", "Q3 2024=2024-Q3")]
    [InlineData("Sales rose in the third quarter of 2025.", "the third quarter of 2025=2025-Q3")]
    [InlineData("Markets closed lower on Friday, Jan. 13, 2023.", "Friday, Jan. 13, 2023=2023-01-13")]
    [InlineData("The summit opened on Monday, 6 March.", "Monday, 6 March=2023-03-06")]
    [InlineData("Shops reopened in the summer of 2021.", "the summer of 2021=2021-SU")]
    public void Normalises_explicit_dates(string text, string expected)
    {
        Assert.Equal([expected], Dates(text));
    }

    [Theory]
    [InlineData("Ministers met on Tuesday.", "Tuesday=2023-03-07")]
    [InlineData("Prices rose last month.", "last month=2023-02")]
    [InlineData("Talks continue this week.", "this week=2023-W10")]
    [InlineData("Oil has swung wildly in recent days.", "recent days=PAST_REF")]
    [InlineData("A year ago the river was in flood.", "A year ago=2022")]
    [InlineData("The minister resigned yesterday.", "yesterday=2023-03-07")]
    [InlineData("A review is due next year.", "next year=2024")]
    [InlineData("A similar effort collapsed two weeks ago.", "two weeks ago=2023-W08")]
    [InlineData("Earlier this month the regulator fined the bank.", "Earlier this month=2023-03")]
    [InlineData("The minister said the plan had recently changed.", "recently=PAST_REF")]
    [InlineData("The company now employs 40,000 people.", "now=PRESENT_REF")]
    [InlineData("Engineers worked through the weekend.", "the weekend=2023-W09-WE")]
    [InlineData("The minister spoke last night.", "last night=2023-03-07TNI")]
    [InlineData("Three days ago the river burst its banks.", "Three days ago=2023-03-05")]
    public void Normalises_relative_dates_against_the_article_date(string text, string expected)
    {
        Assert.Equal([expected], Dates(text));
    }

    [Theory]
    [InlineData("Strikers have been out for six weeks.", "six weeks=P6W")]
    [InlineData("The outage lasted about six hours.", "about six hours=PT6H")]
    [InlineData("Cases fell for the past three days.", "the past three days=P3D")]
    [InlineData("Leaders had warned for weeks of an attack.", "weeks=PXW")]
    [InlineData("Such heat could occur every three years.", "every three years=P3Y")]
    public void Normalises_durations_and_sets(string text, string expected)
    {
        Assert.Equal([expected], Dates(text));
    }

    [Fact]
    public void Keeps_the_modifier_of_a_period()
    {
        var d = Assert.Single(Run("Flights were cancelled in late December.", "2023-03-08").Dates);
        Assert.Equal(("END", "month"), (d.Mod, d.Granularity));
        var mid = Assert.Single(Run("Rates peaked in mid-2022.", "2023-03-08").Dates);
        Assert.Equal(("MID", "year"), (mid.Mod, mid.Granularity));
    }

    [Theory]
    // Anchor Wednesday 2023-03-08.
    [InlineData("Ministers met in Vienna on Tuesday.", "2023-03-07")]
    [InlineData("Ministers met in Vienna on Friday.", "2023-03-03")]
    [InlineData("Ministers met in Vienna on Wednesday.", "2023-03-08")]
    [InlineData("Ministers will meet in Vienna on Tuesday.", "2023-03-14")]
    [InlineData("Ministers will meet in Vienna on Friday.", "2023-03-10")]
    [InlineData("Results are expected on Thursday.", "2023-03-09")]
    [InlineData("The court will deliver its verdict on Monday, a spokesman said.", "2023-03-13")]
    [InlineData("The summit was due to close on Friday.", "2023-03-10")]
    [InlineData("Heavy rain has fallen since Sunday.", "2023-03-05")]
    public void Resolves_a_bare_weekday_by_the_tense_of_its_sentence(string text, string expected)
    {
        var d = Assert.Single(Run(text, "2023-03-08").Dates);
        Assert.Equal(expected, d.Value);
        Assert.Equal("day", d.Granularity);
    }

    [Fact]
    public void Last_and_next_weekday_never_mean_the_article_day()
    {
        Assert.Equal("2023-03-01", Assert.Single(Run("Turnout last Wednesday was low.", "2023-03-08").Dates).Value);
        Assert.Equal("2023-03-15", Assert.Single(Run("Turnout next Wednesday will be low.", "2023-03-08").Dates).Value);
    }

    [Theory]
    // Anchor Tuesday 2024-01-02: December and last month are in the previous year, the week of the 2nd is 2024-W01.
    [InlineData("Prices fell sharply in December.", "2024-01-02", "2023-12")]
    [InlineData("Prices fell sharply last month.", "2024-01-02", "2023-12")]
    [InlineData("The fire broke out yesterday.", "2024-01-01", "2023-12-31")]
    [InlineData("Trading volumes last week were thin.", "2022-01-04", "2021-W52")]
    [InlineData("Queues formed this week.", "2020-12-31", "2020-W53")]
    [InlineData("The freeze will ease in January.", "2022-12-30", "2023-01")]
    [InlineData("A review is planned next month.", "2023-12-15", "2024-01")]
    [InlineData("The inquiry will report by March 31.", "2024-01-02", "2024-03-31")]
    [InlineData("Schools have been closed since September.", "2020-01-10", "2019-09")]
    public void Crosses_month_and_year_boundaries(string text, string anchor, string expected)
    {
        Assert.Equal(expected, Assert.Single(Run(text, anchor).Dates).Value);
    }

    [Fact]
    public void An_article_without_a_date_is_anchored_on_its_latest_full_date_and_marked_estimated()
    {
        const string text = "The envoy spoke in Geneva on October 4, 2022. Earlier, on 1 May 2021, talks had failed. Both sides met twice last month and will meet again on Friday.";
        var a = Run(text);
        var byText = a.Dates.ToDictionary(d => text[d.Span.Start..d.Span.End]);
        Assert.Equal("2022-10-04", byText["October 4, 2022"].Value);
        Assert.False(byText["October 4, 2022"].Estimated);
        Assert.Equal("2022-09", byText["last month"].Value);
        Assert.True(byText["last month"].Estimated);
        Assert.Equal("2022-10-07", byText["Friday"].Value); // 2022-10-04 is a Tuesday
        Assert.True(byText["Friday"].Estimated);
    }

    [Fact]
    public void Without_any_date_relative_expressions_stay_underspecified()
    {
        var a = Run("Talks resumed on Tuesday and will continue in March. Prices rose last year.");
        Assert.Equal(["XXXX-WXX-2", "XXXX-03", "XXXX"], a.Dates.Select(d => d.Value));
        Assert.All(a.Dates, d => Assert.False(d.Estimated));
    }

    [Fact]
    public void The_page_date_anchors_an_article_that_has_no_date_of_its_own()
    {
        var d = Assert.Single(Run("Dockworkers stayed off the job on Sunday.", date: null, pageDate: "2023-03-06").Dates);
        Assert.Equal("2023-03-05", d.Value);
        Assert.False(d.Estimated);
    }

    [Fact]
    public void The_article_date_may_carry_a_time_and_zone()
    {
        Assert.Equal("2024-03-04", Assert.Single(Run("The minister resigned yesterday.", "2024-03-05T10:00:00Z").Dates).Value);
    }

    [Fact]
    public void Clock_times_take_the_day_written_beside_them()
    {
        var a = Run("The spacecraft launched at 13:25 local time on Thursday. Its first burn came at 3.55pm EST, engineers said.", "2024-03-16");
        Assert.Equal(["13:25=2024-03-14T13:25", "Thursday=2024-03-14", "3.55pm EST=2024-03-14T15:55"],
            a.Dates.Select(d => $"{a.Slice(d.Span)}={d.Value}"));
    }

    [Fact]
    public void Following_and_that_lean_on_the_last_date_mentioned()
    {
        var a = Run("The storm made landfall late on Thursday and moved inland by the following morning. Crews returned that night.", "2024-09-30");
        Assert.Equal(["Thursday=2024-09-26", "the following morning=2024-09-27TMO", "that night=2024-09-27TNI"],
            a.Dates.Select(d => $"{a.Slice(d.Span)}={d.Value}"));
    }

    [Theory]
    [InlineData("The Sunday Times reported the deal.")]
    [InlineData("Prices may rise as Theresa May said.")]
    [InlineData("Thousands march on parliament.")]
    [InlineData("Officials said 2000 people had been moved.")]
    [InlineData("The chancellor set out plans in the spring statement.")]
    [InlineData("Brent crude rose to $95 a barrel.")]
    [InlineData("Output rose to 2.1 million barrels a day.")]
    [InlineData("A 90-year-old woman and an 11-year cycle.")]
    [InlineData("The team won for a second time.")]
    [InlineData("Nearly a quarter of voters stayed home.")]
    [InlineData("Sheffield Wednesday won the match.")]
    public void Does_not_take_words_that_only_look_like_dates(string text)
    {
        var a = Run(text, "2023-03-08");
        Assert.True(a.Dates.Count == 0, "unexpected: " + string.Join(" | ", a.Dates.Select(d => a.Slice(d.Span) + "=" + d.Value)));
    }
}
