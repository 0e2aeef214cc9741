namespace NewsGraph.Core.Readers;

/// <summary>
/// Something wrong with an input, reported as a value so a batch can go on past it.
/// <see cref="IsFatal"/> is true when nothing more could be read from that input.
/// </summary>
public sealed record ReadProblem(string Source, string Reason, string? Position = null, bool IsFatal = true)
{
    /// <summary>The one line printed on stderr: "newsgraph: FILE: reason".</summary>
    public override string ToString() =>
        Position is null ? $"{Source}: {Reason}" : $"{Source} ({Position}): {Reason}";
}
