using NewsGraph.Core.Extractors.Events.Dictionaries;

namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>What a verb group says about whether its act happened.</summary>
public static class Modality
{
    public const string Asserted = "asserted";
    /// <summary>Will happen, by the report: "will visit", "is about to restore".</summary>
    public const string Future = "future";
    /// <summary>Could, might, should, would: possible, not done.</summary>
    public const string Hypothetical = "hypothetical";
    /// <summary>Under a condition: "if ...", "unless ...".</summary>
    public const string Conditional = "conditional";
    /// <summary>Planned, promised, sought: "plans to attack", "vowed to retaliate".</summary>
    public const string Intended = "intended";
    /// <summary>Only threatened: "threatened to strike".</summary>
    public const string Threatened = "threatened";
    /// <summary>Asked of someone: "urged them to withdraw".</summary>
    public const string Demanded = "demanded";
}

/// <summary>
/// A verb with its auxiliaries, modals, negation and infinitive marker ("will not wire tap",
/// "is about to restore", "has been freed"), and everything the coder works out about it.
/// </summary>
internal sealed class VerbGroup
{
    /// <summary>First token of the group (auxiliaries included) and one past its last (particles included).</summary>
    public int Start, End;
    /// <summary>The verb itself, with the words of a multi-word verb ("wire tap", "broken down").</summary>
    public int VerbStart, VerbEnd;
    public int Main;
    public IReadOnlyList<VerbEntry> Entries = Array.Empty<VerbEntry>();
    public bool Infinitive, Passive, Negated;
    /// <summary>A participle right after the noun it describes: "the men released from ...", "a deal bringing ...".</summary>
    public bool ReducedRelative;
    /// <summary>A participle telling how the subject of this earlier clause verb acted ("wrote to Blair demanding ...").</summary>
    public VerbGroup? Manner;
    public string Modality = Coding.Modality.Asserted;
    /// <summary>The verb group or noun whose "to" complement this is, if any.</summary>
    public VerbGroup? Governor;
    public int GovernorNoun = -1;
    public ActorGroup? Subject;
    public bool SubjectResolved;
    /// <summary>Where the verb's clause starts, once its subject is resolved (-1 when the subject came from another verb).</summary>
    public int ClauseStart = -1;
    /// <summary>The clause's subject is a person the entity layer found but could not code: no one else's pronoun.</summary>
    public bool UncodedPersonSubject;
    /// <summary>The dictionary gives this verb a code (so the verbs it governs are part of its event).</summary>
    public bool Coded;
    /// <summary>Whoever reports this clause ("officials said ..."), as written.</summary>
    public string? Claimant;
    public bool IsReporting;
}
