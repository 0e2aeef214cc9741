using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Text;

public class MachineDateTests
{
    [Theory]
    // RFC 822 / 1123 as RSS and HTTP write them, with the variations feeds really carry.
    [InlineData("Tue, 05 Mar 2024 14:30:00 +0000", "2024-03-05T14:30Z")]
    [InlineData("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30Z")]
    [InlineData("Tue, 5 Mar 2024 09:30:00 -0500", "2024-03-05T09:30-05:00")]
    [InlineData("Thu, 07 Mar 2024 17:45:00 EST", "2024-03-07T17:45-05:00")]
    [InlineData("05 Mar 2024 14:30 +0100", "2024-03-05T14:30+01:00")]
    [InlineData("Wed, 05 Mar 2024 14:30:00 +0000", "2024-03-05T14:30Z")] // wrong weekday: the date stands
    [InlineData("Tuesday, 05 March 2024 14:30:00 GMT", "2024-03-05T14:30Z")]
    [InlineData("Tue, 05 Mar 24 14:30:00 GMT", "2024-03-05T14:30Z")]
    [InlineData("Mar 05 2024 14:30:00 GMT+0200", "2024-03-05T14:30+02:00")]
    [InlineData("Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-05T23:30-05:00")] // the local day is kept
    [InlineData("Tue, 05 Mar 2024 14:30:00 IST", "2024-03-05T14:30")] // ambiguous zone: wall-clock time kept
    [InlineData("Tue, 05 Mar 2024", "2024-03-05")]
    [InlineData("Tue, 05 Mar 2024 25:30:00 GMT", "2024-03-05")] // an impossible time leaves the date
    // ISO 8601 / W3C-DTF: Atom, Dublin Core, WARC-Date, JSON exports.
    [InlineData("2024-03-05T14:30:00Z", "2024-03-05T14:30Z")]
    [InlineData("2024-03-05T14:30:00.123+01:00", "2024-03-05T14:30+01:00")]
    [InlineData("2024-03-05T14:30+0530", "2024-03-05T14:30+05:30")]
    [InlineData("2024-03-05 14:30:00", "2024-03-05T14:30")]
    [InlineData("2024-03-05T14:30:00+00:00", "2024-03-05T14:30Z")]
    [InlineData("2024-03-05", "2024-03-05")]
    [InlineData("2024-03", "2024-03")]
    [InlineData("20240305T143000Z", "2024-03-05T14:30Z")]
    // Unix time, and the human forms JSON exports also hold.
    [InlineData("1709649000", "2024-03-05T14:30Z")]
    [InlineData("1709649000000", "2024-03-05T14:30Z")]
    [InlineData("March 5, 2024", "2024-03-05")]
    public void Normalises_to_iso_8601(string input, string expected)
    {
        Assert.True(MachineDate.TryNormalize(input, out var iso), input);
        Assert.Equal(expected, iso);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("Tue, 32 Mar 2024 14:30:00 GMT")]
    [InlineData("0000-00-00 00:00:00")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1969-12-31T19:00:00-05:00")]
    [InlineData("0")]
    [InlineData("12345")]
    public void Rejects_what_is_not_a_date(string input)
    {
        Assert.False(MachineDate.TryNormalize(input, out _), input);
    }
}
