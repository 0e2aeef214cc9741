using NewsGraph.Core.Extractors.Amounts;
using NewsGraph.Core.Extractors.Dates;
using NewsGraph.Core.Extractors.Entities;
using NewsGraph.Core.Extractors.Events;
using NewsGraph.Core.Extractors.Entities.Identity;
using NewsGraph.Core.Extractors.Quotes;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Themes;
using NewsGraph.Core.Extractors.Tone;

namespace NewsGraph.Core.Pipeline;

/// <summary>The stages <c>newsgraph extract</c> and <c>ingest</c> run, in order.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder() => new PipelineBuilder()
        .Add(new SentenceStage())
        .Add(new TokenStage())
        .Add(new EntityStage())
        // After the tagger: roles, countries and actors, then one canonical entity per name.
        .Add(new RoleStage())
        .Add(new CoreferenceStage())
        // Quotes read the entities' names (and, once identity has run, their canonical ids).
        .Add(new QuoteStage())
        .Add(new AmountStage())
        .Add(new CountStage())
        .Add(new DateStage())
        .Add(new ToneStage())
        .Add(new ThemeStage())
        // Events read the entity layer's actor codes: keep this after the entity stages.
        .Add(new EventStage());

    public static ArticlePipeline Create() => CreateBuilder().Build();
}
