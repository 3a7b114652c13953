using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Guidelines;

/// <summary>Who publishes a guideline document, as letters name it.</summary>
public enum GuidelineSource
{
    /// <summary>The California Medical Treatment Utilization Schedule (searched first).</summary>
    Mtus,

    /// <summary>Official Disability Guidelines (used where the MTUS is silent).</summary>
    Odg,

    /// <summary>ACOEM guidelines outside the MTUS.</summary>
    Acoem,

    /// <summary>Any other nationally recognised guideline, statute or regulation.</summary>
    Other,
}

/// <summary>How letters point into a document: by page numbers, or by section name only.</summary>
public enum CitationStyle
{
    /// <summary>Letters cite pages (the 2009 CPMTG, the 2004 ACOEM clinical topics).</summary>
    Pages,

    /// <summary>Letters cite sections only (the 2016 CPMTG, ODG, the acupuncture regulation).</summary>
    Section,
}

/// <summary>
/// How far a fact or rule has been checked, carried from the domain fact sheet:
/// <c>V</c> verified against the source, <c>K-high</c>/<c>K-medium</c>/<c>K-low</c> from knowledge of
/// the published text, <c>I</c> an inference.
/// </summary>
public enum Confidence
{
    /// <summary>Checked against a retrieved copy of the named source.</summary>
    V,

    /// <summary>From knowledge of the published text; high confidence.</summary>
    KHigh,

    /// <summary>From knowledge of the published text; medium confidence.</summary>
    KMedium,

    /// <summary>From knowledge of the published text; low confidence.</summary>
    KLow,

    /// <summary>An inference or interpretation, not a statement of any source.</summary>
    I,
}

/// <summary>The period in which a guideline edition governs, chosen by the UR decision date.</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force; <see langword="null"/> when still in force or not encoded.</param>
/// <param name="Confidence">How well the dates are established.</param>
/// <param name="Note">Where the dates come from.</param>
public sealed record EffectivePeriod(DateOnly From, DateOnly? To, Confidence Confidence, string? Note)
{
    /// <summary>Whether <paramref name="date"/> falls in the period (both ends inclusive).</summary>
    public bool Contains(DateOnly date) => date >= From && (To is null || date <= To.Value);
}

/// <summary>One guideline document in one edition, e.g. the 2009 Chronic Pain Medical Treatment Guidelines.</summary>
/// <param name="Id">Unique id of this edition, e.g. <c>mtus-cpmtg-2009</c>.</param>
/// <param name="Family">Id shared by all editions of the document, e.g. <c>mtus-cpmtg</c>.</param>
/// <param name="Source">Publisher.</param>
/// <param name="Title">Title exactly as letters name it.</param>
/// <param name="Aliases">Other names letters use for it.</param>
/// <param name="Edition">Edition or year, e.g. <c>2009</c>.</param>
/// <param name="Citation">Regulation or publication reference.</param>
/// <param name="CitesBy">Whether letters cite pages or sections.</param>
/// <param name="Effective">When this edition governs.</param>
/// <param name="Topics">Its sections.</param>
/// <param name="File">The library file it was read from.</param>
public sealed record Guideline(
    string Id,
    string Family,
    GuidelineSource Source,
    string Title,
    IReadOnlyList<string> Aliases,
    string Edition,
    string? Citation,
    CitationStyle CitesBy,
    EffectivePeriod Effective,
    IReadOnlyList<GuidelineTopic> Topics,
    string File)
{
    /// <summary>The topic with this id, or <see langword="null"/>.</summary>
    public GuidelineTopic? FindTopic(string topicId) => Topics.FirstOrDefault(t => t.Id == topicId);

    /// <summary>The source as letters and <c>Review</c> JSON write it: <c>MTUS</c>, <c>ODG</c>, <c>ACOEM</c> or <c>Other</c>.</summary>
    public string SourceName => Source switch
    {
        GuidelineSource.Mtus => "MTUS",
        GuidelineSource.Odg => "ODG",
        GuidelineSource.Acoem => "ACOEM",
        _ => "Other",
    };

    /// <summary>A short human name, e.g. "MTUS Chronic Pain Medical Treatment Guidelines (2009)".</summary>
    public string DisplayName => $"{SourceName} {Title} ({Edition})";

    /// <summary>The citation of one of its topics in the shape of the <c>Review</c> contract.</summary>
    public GuidelineCitation Cite(GuidelineTopic topic) => new(SourceName, Title, Edition, topic.Pages, topic.Section);
}
