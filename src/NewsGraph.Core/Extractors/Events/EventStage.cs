using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Events.Coding;
using NewsGraph.Core.Extractors.Events.Dictionaries;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Events;

/// <summary>
/// Fills <see cref="Article.Events"/> with dyadic CAMEO events. Runs after the entity stages: where
/// an entity mention carries an actor code (or a country) the coder uses it, and falls back to the
/// actor dictionaries for the rest. The dictionaries load on first use, once, and are shared.
/// </summary>
public sealed class EventStage : IStage
{
    private readonly Lazy<EventCoder> _coder;

    /// <summary>The coder with the dictionaries shipped in NewsGraph.</summary>
    public EventStage() => _coder = new Lazy<EventCoder>(() => new EventCoder(CodingDictionaries.Default, options: NewsOptions), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// How the shipped coder runs on news: an event needs a source; a target when the sentence names
    /// one ("the Tories dismissed the plan" is an event with no second actor, as GDELT has many); people
    /// out of office on the day are former officials (ELI).
    /// </summary>
    public static EventCoderOptions NewsOptions { get; } = new() { RequireTarget = false, FormerOfficials = true };

    /// <summary>A coder of one's own: other dictionaries (<c>--dictionaries DIR</c>) or options.</summary>
    public EventStage(EventCoder coder) => _coder = new Lazy<EventCoder>(coder);

    public string Name => "events";

    public EventCoder Coder => _coder.Value;

    public void Run(Article article)
    {
        article.Events.Clear();
        article.Events.AddRange(_coder.Value.Code(article));
    }
}
