using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Extractors.Entities;

/// <summary>
/// Fills <see cref="Article.Entities"/> with the names the tagger finds, sentence by sentence
/// over the tokens stage's tokens: each mention's span covers exactly the name's characters
/// ("Iran" in "Iran's", "Joe Biden" in "President Joe Biden").
/// </summary>
public sealed class EntityStage : IStage
{
    private readonly Func<EntityTagger> _tagger;

    /// <summary>Uses the shipped model, loaded on the first article (so building a pipeline stays cheap).</summary>
    public EntityStage() : this(() => EntityTagger.Shipped) { }

    public EntityStage(EntityTagger tagger) : this(() => tagger) { }

    private EntityStage(Func<EntityTagger> tagger) => _tagger = tagger;

    public string Name => "entities";

    public void Run(Article article)
    {
        article.Entities.Clear();
        if (article.Tokens.Count == 0) return;
        article.Entities.AddRange(_tagger().Tag(article));
    }
}
