using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Text;

public class DateLineTests
{
    [Theory]
    [InlineData("Friday, December 26, 2025", "2025-12-26")]
    [InlineData("26 December 2025", "2025-12-26")]
    [InlineData("Dec. 26, 2025", "2025-12-26")]
    [InlineData("Wed, 11 Jan 2023", "2023-01-11")]
    [InlineData("2023-01-11", "2023-01-11")]
    [InlineData("Published: 14 March 2023 10:32 GMT", "2023-03-14T10:32")]
    [InlineData("January 11, 2023 8:15 PM", "2023-01-11T20:15")]
    [InlineData("Updated on March 3rd, 2023", "2023-03-03")]
    [InlineData("25/12/2021", "2021-12-25")]
    public void Parses_whole_line_dates_to_iso(string line, string expected)
    {
        Assert.True(DateLine.TryParse(line, out var iso));
        Assert.Equal(expected, iso);
    }

    [Theory]
    [InlineData("The talks began on March 3, 2023 in Vienna.")]
    [InlineData("03/04/2022")]
    [InlineData("February 30, 2023")]
    [InlineData("Page 2168")]
    public void Rejects_lines_that_are_not_just_a_valid_date(string line)
    {
        Assert.False(DateLine.TryParse(line, out _));
    }
}
