namespace NewsGraph.Core.Readers;

/// <summary>
/// The problems of the records inside one input (lines of a JSON Lines file, records of a
/// WARC): each is named with its position, the first few are shown, and the rest are counted
/// in one closing line, so a file of a million bad lines does not flood the terminal.
/// </summary>
public sealed class RecordProblems(string source, int shown = 20)
{
    private int _total;

    public int Total => _total;

    /// <summary>A record's problem, positioned within the input; null once the shown ones are used up.</summary>
    /// <remarks>Never fatal for the input: the records after it are still read.</remarks>
    public ReadProblem? Add(string position, string reason)
    {
        _total++;
        if (_total > shown) return null;
        return new ReadProblem(source, reason, position, IsFatal: false);
    }

    /// <summary>A problem an inner reader reported for a record, re-positioned within this input.</summary>
    public ReadProblem? Add(string position, ReadProblem inner) => Add(inner.Position is null ? position : $"{position}, {inner.Position}", inner.Reason);

    /// <summary>The closing line counting problems not shown, or null.</summary>
    public ReadProblem? Summary() =>
        _total > shown ? new ReadProblem(source, $"{_total - shown:N0} more record problem{(_total - shown == 1 ? "" : "s")} not shown ({_total:N0} in all)", IsFatal: false) : null;
}
