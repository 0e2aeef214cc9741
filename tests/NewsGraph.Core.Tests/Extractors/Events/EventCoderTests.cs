using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Events.Coding;
using NewsGraph.Core.Extractors.Events.Dictionaries;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Tests.Extractors.Events;

/// <summary>
/// The coder on sentences written for it, with a small dictionary of a fictional world in the
/// PETRARCH format (Fixtures/Events/Freedonia): everything it codes comes from those files.
/// </summary>
public class EventCoderTests
{
    internal static readonly CodingDictionaries Freedonia = CodingDictionaries.Load([TestPaths.Fixture("Events/Freedonia")]);
    private static readonly ArticlePipeline Segmentation = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Build();

    internal static List<Event> Code(string text, string? date = null, CodingDictionaries? dictionaries = null, EventCoderOptions? options = null)
    {
        var article = new Article(text) { Date = date };
        Segmentation.Run(article);
        return new EventCoder(dictionaries ?? Freedonia, options: options).Code(article);
    }

    private static string Dyad(Event e) => $"{e.Source}>{e.Target ?? "---"}:{e.Code}";

    private static List<string> Asserted(string text, string? date = null) =>
        Code(text, date).Where(e => e.Modality == Modality.Asserted && !e.Negated).Select(Dyad).ToList();

    [Fact]
    public void The_fixture_dictionaries_load_without_problems()
    {
        Assert.Empty(Freedonia.Problems);
        Assert.True(Freedonia.Verbs.FormCount > 20);
        Assert.True(Freedonia.Actors.Count >= 8);
    }

    [Fact]
    public void Active_voice_codes_the_subject_as_source_and_the_object_as_target()
    {
        var e = Assert.Single(Code("Freedonia attacked Sylvania on Tuesday."));
        Assert.Equal("FRE>SYL:190", Dyad(e));
        Assert.Equal("19", e.Root);
        Assert.Equal(4, e.QuadClass);
        Assert.Equal(-10, e.Goldstein);
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.False(e.Negated);
    }

    [Fact]
    public void Passive_voice_takes_the_source_from_by_and_the_target_from_the_subject()
    {
        var text = "The Sylvanian plane was shot down by Freedonian air defences.";
        var e = Assert.Single(Code(text));
        Assert.Equal("FREMIL>SYL:190", Dyad(e));
        Assert.Equal("Freedonian air defences", text[e.SourceSpan!.Value.Start..e.SourceSpan.Value.End]);
        Assert.Equal("The Sylvanian plane", text[e.TargetSpan!.Value.Start..e.TargetSpan.Value.End]);
        Assert.Contains("shot down", text[e.Span.Start..e.Span.End]);
    }

    [Fact]
    public void A_passive_without_by_names_no_source_and_codes_nothing()
    {
        Assert.Empty(Code("Sylvania was attacked on Tuesday."));
    }

    [Fact]
    public void A_pattern_refines_the_code_of_its_verb()
    {
        Assert.Equal(["FRE>SYL:195"], Asserted("Freedonia attacked Sylvania with rockets."));
    }

    [Fact]
    public void Negation_marks_the_event_negated_and_it_is_no_asserted_cooperation()
    {
        var e = Assert.Single(Code("Freedonia did not meet Sylvania."));
        Assert.Equal("040", e.Code);
        Assert.True(e.Negated);
        Assert.Empty(Asserted("Freedonia did not meet Sylvania."));
        Assert.True(Code("Freedonia never met Sylvania.").Single().Negated);
    }

    [Fact]
    public void Refusal_is_a_rejection_and_the_refused_act_is_not_coded()
    {
        Assert.Equal(["FRE>SYL:125"], Asserted("Freedonia refused to meet Sylvania."));
        Assert.DoesNotContain(Code("Freedonia refused to meet Sylvania."), e => e.Root == "04");
    }

    [Fact]
    public void A_threat_is_coded_as_the_threat_and_never_as_the_attack()
    {
        var events = Code("Freedonia threatened to attack Sylvania.");
        Assert.Equal("FRE>SYL:138", Dyad(Assert.Single(events)));
        Assert.DoesNotContain(events, e => e.Root == "19");
    }

    [Theory]
    [InlineData("Freedonia plans to attack Sylvania.", Modality.Intended)]
    [InlineData("Freedonia will attack Sylvania next week.", Modality.Future)]
    [InlineData("Freedonia is about to attack Sylvania.", Modality.Future)]
    [InlineData("Freedonia could attack Sylvania.", Modality.Hypothetical)]
    [InlineData("Freedonia would attack Sylvania if the talks failed.", Modality.Conditional)]
    [InlineData("If Sylvania refuses, Freedonia will meet Marsovia.", Modality.Conditional)]
    [InlineData("Will Freedonia attack Sylvania?", Modality.Hypothetical)]
    public void Acts_not_yet_done_are_marked_in_modality(string text, string modality)
    {
        var events = Code(text);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotEqual(Modality.Asserted, e.Modality));
        Assert.Contains(events, e => e.Modality == modality || modality == Modality.Conditional && e.Modality == Modality.Future);
    }

    [Fact]
    public void Coordinated_subjects_are_each_a_source()
    {
        Assert.Equal(["FRE>SYL:057", "MAR>SYL:057"], Asserted("Freedonia and Marsovia signed an accord with Sylvania.").Order().ToList());
    }

    [Fact]
    public void Coordinated_verbs_share_their_subject()
    {
        // The visit's paired code [042:043] also has Marsovia host Freedonia.
        Assert.Equal(["FRE>MAR:042", "FRE>SYL:190", "MAR>FRE:043"], Asserted("Freedonia attacked Sylvania and visited Marsovia.").Order().ToList());
    }

    [Fact]
    public void A_pair_acting_together_acts_on_each_other()
    {
        Assert.Equal(["FRE>SYL:040", "SYL>FRE:040"], Asserted("Freedonia and Sylvania met in Geneva.").Order().ToList());
    }

    [Fact]
    public void Nominal_events_take_their_actors_from_the_noun_phrase()
    {
        Assert.Equal(["FREGOV>SYL:046"], Asserted("Freedonian officials held talks with Sylvania on Monday."));
        Assert.Equal(["FRE>SYL:046", "SYL>FRE:046"], Asserted("The talks between Freedonia and Sylvania ended in Geneva.").Order().ToList());
        Assert.Equal(["FREGOV>CHN:042"], Asserted("Rufus Firefly's visit to Beijing went ahead.", "1940-05-01"));
        Assert.Equal(["FRE>MAR:057", "MAR>FRE:057"], Asserted("The 25-year cooperation agreement between Freedonia and Marsovia came into force.").Order().ToList());
        Assert.Equal(["FREGOV>SYL:040"], Asserted("The Freedonian minister spoke in a meeting with Sylvania."));
    }

    [Fact]
    public void A_planned_meeting_is_not_a_meeting_yet()
    {
        Assert.Empty(Asserted("Freedonian officials will hold talks with Sylvania."));
        Assert.Empty(Asserted("Freedonian officials prepared for planned talks with Sylvania."));
    }

    [Fact]
    public void An_event_only_reported_keeps_who_reports_it()
    {
        var trailing = Code("Sylvania shelled Marsovia, Freedonian officials said.").Single(e => e.Code == "190");
        Assert.Equal("SYL>MAR:190", Dyad(trailing));
        Assert.Equal("Freedonian officials", trailing.Claimant);

        var leading = Code("Freedonian officials said Sylvania attacked Marsovia.").Single(e => e.Code == "190");
        Assert.Equal("SYL>MAR:190", Dyad(leading));
        Assert.Equal("Freedonian officials", leading.Claimant);

        Assert.Null(Code("Sylvania attacked Marsovia.").Single().Claimant);
    }

    [Fact]
    public void Roles_combine_with_the_country_named_beside_them()
    {
        Assert.Equal(["FRECOP>SYLEDU:173"], Asserted("Freedonian police arrested Sylvanian students."));
        Assert.Equal(["FREGOV>SYL:190"], Asserted("The Freedonian minister attacked Sylvania."));
    }

    [Fact]
    public void An_actor_code_follows_the_article_date()
    {
        Assert.Equal(["FREGOV>SYL:190"], Asserted("Rufus Firefly attacked Sylvania.", "1940-05-01"));
        Assert.Equal(["FREELI>SYL:190"], Asserted("Rufus Firefly attacked Sylvania.", "1960-05-01"));
    }

    [Fact]
    public void Discards_stop_a_sentence_or_a_whole_story()
    {
        Assert.Empty(Code("Freedonia beat Sylvania in a friendly match on Saturday."));
        var story = "Freedonia attacked Sylvania.\n\nThe World Cup draw was held in Marsovia.";
        Assert.Empty(Code(story));
        Assert.Single(Code("Freedonia attacked Sylvania.\n\nThe draw was held in Marsovia."));
    }

    [Fact]
    public void The_event_span_and_actor_spans_point_into_the_text()
    {
        var text = "On Tuesday, Freedonia attacked Sylvania.";
        var e = Code(text).Single();
        Assert.Equal("attacked", text[e.Span.Start..e.Span.End]);
        Assert.Equal("Freedonia", text[e.SourceSpan!.Value.Start..e.SourceSpan.Value.End]);
        Assert.Equal("Sylvania", text[e.TargetSpan!.Value.Start..e.TargetSpan.Value.End]);
    }

    [Fact]
    public void Words_the_dictionary_does_not_know_code_nothing()
    {
        Assert.Empty(Code("Freedonia admired Sylvania."));
        Assert.Empty(Code("Ruritania attacked Grand Fenwick."));
        Assert.Empty(Code(""));
    }

    [Fact]
    public void The_entity_layer_supplies_actor_codes_the_dictionaries_lack()
    {
        var article = new Article("Ruritania attacked Sylvania.");
        Segmentation.Run(article);
        article.Entities.Add(new EntityMention(new Span(0, 9), "GPE") { Country = "RUR", Actor = "RUR" });
        var e = new EventCoder(Freedonia).Code(article).Single();
        Assert.Equal("RUR>SYL:190", Dyad(e));
    }

    [Fact]
    public void Without_RequireTarget_a_verb_that_stands_alone_codes_with_its_source_only()
    {
        var news = new EventCoderOptions { RequireTarget = false };
        Assert.Empty(Code("Freedonia attacked the plan.", options: new EventCoderOptions()));
        // "attack" is one of the clause words' verbs whose act stands alone; "sign" is not.
        Assert.Equal("FRE>---:190", Dyad(Code("Freedonia attacked the plan.", options: news).Single()));
        Assert.Empty(Code("Freedonia signed the plan.", options: news));
    }

    [Fact]
    public void Very_long_sentences_are_skipped_not_coded_slowly()
    {
        var text = "Freedonia attacked Sylvania " + string.Join(" ", Enumerable.Repeat("and Marsovia", 120)) + ".";
        Assert.Empty(Code(text));
    }
}
