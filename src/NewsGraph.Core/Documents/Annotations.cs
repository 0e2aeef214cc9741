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

/// <summary>Words someone said, quoted directly or reported.</summary>
public sealed record Quote(Span Span, bool Direct, string Verb)
{
    public string? Speaker { get; set; }
    public string? SpeakerEntity { get; set; }
    public Span? SpeakerSpan { get; set; }
}

/// <summary>A number with its scale, unit and what it counts.</summary>
public sealed record Amount(Span Span, double Value, string? Unit)
{
    public string? Per { get; set; }
    public string? Object { get; set; }
}

/// <summary>A temporal expression normalised to a TIMEX3-style value (2023-03-03, 2021-03, 2015-W02 ...).</summary>
public sealed record DateMention(Span Span, string Value)
{
    public bool Estimated { get; set; }
}

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
