using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Pipeline;

/// <summary>An ordered, immutable list of stages; build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class ArticlePipeline
{
    private readonly IStage[] _stages;

    internal ArticlePipeline(IEnumerable<IStage> stages) => _stages = stages.ToArray();

    public IReadOnlyList<IStage> Stages => _stages;

    public Article Run(Article article)
    {
        foreach (var stage in _stages)
            stage.Run(article);
        return article;
    }
}

/// <summary>Composes a pipeline: add, remove or replace stages by name, then build.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = new();

    public PipelineBuilder Add(IStage stage)
    {
        if (_stages.Any(s => s.Name == stage.Name))
            throw new ArgumentException($"a stage named '{stage.Name}' is already in the pipeline");
        _stages.Add(stage);
        return this;
    }

    public PipelineBuilder Remove(string name)
    {
        _stages.RemoveAll(s => s.Name == name);
        return this;
    }

    public PipelineBuilder Replace(string name, IStage stage)
    {
        var index = _stages.FindIndex(s => s.Name == name);
        if (index < 0) throw new ArgumentException($"no stage named '{name}' to replace");
        _stages[index] = stage;
        return this;
    }

    public IReadOnlyList<string> Names => _stages.Select(s => s.Name).ToList();

    public ArticlePipeline Build() => new(_stages);
}
