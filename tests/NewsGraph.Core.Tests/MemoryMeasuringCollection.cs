namespace NewsGraph.Core.Tests;

/// <summary>
/// Tests that measure the process's managed heap run on their own, after the parallel ones: other
/// tests' garbage (models loading, corpora coded) would otherwise count against their bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Measures the managed heap";
}
