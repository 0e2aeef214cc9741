namespace NewsGraph.Core.Readers;

/// <summary>
/// Turns one input of a known format into articles. A reader streams: it must not hold a
/// whole large input in memory, and it reports bad input as <see cref="ReadProblem"/> values
/// instead of throwing.
/// </summary>
public interface IFormatReader
{
    InputFormat Format { get; }

    /// <param name="source">Where the input came from (its name and any metadata a container knew).</param>
    /// <param name="input">The input's content from its first byte, decompressed if it was gzip.</param>
    IEnumerable<ReadResult> Read(InputSource source, SniffedInput input);
}
