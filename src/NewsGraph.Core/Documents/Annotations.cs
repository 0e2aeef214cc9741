namespace NewsGraph.Core.Documents;

// Every fact found in an article is a record holding a Span into Article.Text.
// The surface text is never stored separately: JSON, database rows and web pages
// all render it from the span, so they cannot disagree.

/// <summary>A mention of a person, organisation, place, group or other named thing.</summary>
public sealed record EntityMention(Span Span, string Type)
{
    /// <summary>Canonical name shared by every mention of the same entity.</summary>
    public string? Canonical { get; set; }
    /// <summary>ISO 3166 alpha-3 code of the country the entity belongs to or is.</summary>
    public string? Country { get; set; }
    public string? Role { get; set; }
    /// <summary>CAMEO-style actor code (country plus role, e.g. IRNGOV).</summary>
    public string? Actor { get; set; }
    /// <summary>Stable id of the canonical entity within the article (and, once stored, across the store).</summary>
    public string? EntityId { get; set; }
}

/// <summary>
/// Words someone said, quoted directly or reported. <see cref="Verb"/> is the lemma of the speech
/// verb ("say", "add", "tell", "according to"), null for a quote no verb attributes.
/// </summary>
public sealed record Quote(Span Span, bool Direct, string? Verb)
{
    /// <summary>The canonical name of the speaker, or a description ("a security source"); null when unresolved.</summary>
    public string? Speaker { get; set; }
    /// <summary>What kind of speaker: "person", "organisation", "anonymous" or "description"; null when unresolved.</summary>
    public string? SpeakerType { get; set; }
    public string? SpeakerEntity { get; set; }
    public Span? SpeakerSpan { get; set; }
}

/// <summary>A number with its scale, unit and what it counts.</summary>
public sealed record Amount(Span Span, double Value, string? Unit)
{
    /// <summary>The denominator of a rate: "day" in "2.1 million barrels a day", "barrel" in "$95 a barrel".</summary>
    public string? Per { get; set; }
    /// <summary>What is counted or measured: the counted noun ("protesters") or the "of" phrase ("oil").</summary>
    public string? Object { get; set; }
    /// <summary>How the number is hedged: "about", "nearly", "more than", "at least", "less than" or "up to"; null when exact.</summary>
    public string? Qualifier { get; set; }
    /// <summary>The upper end of a range ("between 10 and 15"), whose lower end is <see cref="Value"/>.</summary>
    public double? High { get; set; }
}

/// <summary>A temporal expression normalised to a TIMEX3-style value (2023-03-03, 2021-03, 2015-W02 ...).</summary>
public sealed record DateMention(Span Span, string Value)
{
    /// <summary>How precise the value is: "time", "day", "week", "month", "quarter", "half", "season", "year", "decade",
    /// "century", "duration", "set" or "reference" (PAST_REF, PRESENT_REF, FUTURE_REF).</summary>
    public string? Granularity { get; set; }
    /// <summary>True when the anchor date was estimated from the text because the article had none.</summary>
    public bool Estimated { get; set; }
    /// <summary>TIMEX3 mod: "START", "MID", "END" (early/mid/late), "APPROX", "MORE_THAN", "LESS_THAN"; null when none.</summary>
    public string? Mod { get; set; }
}

/// <summary>A GDELT-style count: how many were killed, wounded, arrested, displaced, infected ...</summary>
public sealed record CasualtyCount(Span Span, string Kind, long Number)
{
    /// <summary>Who or what is counted ("people", "soldiers", "cases").</summary>
    public string? Object { get; set; }
}

/// <summary>
/// Tone in the spirit of GDELT's V1.5Tone: percentages of the words that are positive and
/// negative, their difference (tone), their sum (polarity), and the share of activity words
/// and of self/group pronouns.
/// </summary>
public sealed record Tone(double Value, double Positive, double Negative, double Polarity, double ActivityDensity, double SelfGroupDensity, int WordCount);

/// <summary>A news theme assigned to the article, with the spans that triggered it.</summary>
public sealed record ThemeAssignment(string Theme, double Score, IReadOnlyList<Span> Triggers);

/// <summary>A dyadic event: who did what to whom, coded in CAMEO.</summary>
public sealed record Event(Span Span, string Code)
{
    public string? Source { get; set; }
    public string? Target { get; set; }
    public Span? SourceSpan { get; set; }
    public Span? TargetSpan { get; set; }
    public string? Root { get; set; }
    public int QuadClass { get; set; }
    public double Goldstein { get; set; }
    public string Modality { get; set; } = "asserted";
    public bool Negated { get; set; }
    public string? Claimant { get; set; }
}
