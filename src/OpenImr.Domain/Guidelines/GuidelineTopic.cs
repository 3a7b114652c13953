namespace OpenImr.Domain.Guidelines;

/// <summary>What a topic says about its services overall.</summary>
public enum RecommendationKind
{
    /// <summary>Recommended (possibly with criteria).</summary>
    Recommended,

    /// <summary>Recommended as an option.</summary>
    Option,

    /// <summary>Recommended only when its criteria are met.</summary>
    Conditional,

    /// <summary>Not recommended: a request is upheld unless the presumption is rebutted.</summary>
    NotRecommended,

    /// <summary>Under study: not supported outside research.</summary>
    UnderStudy,

    /// <summary>A definition used by other topics.</summary>
    Definition,

    /// <summary>A limit set by statute.</summary>
    StatutoryLimit,

    /// <summary>
    /// The guideline addresses these services, but the library does not encode its criteria (licensed text, not yet
    /// read): the topic names the governing guideline so the review says so instead of "no guideline covers it".
    /// </summary>
    NotEncoded,
}

/// <summary>One section of a guideline and the criteria it sets.</summary>
/// <param name="Id">Id unique within the guideline, e.g. <c>physical-medicine</c>.</param>
/// <param name="GuidelineId">The edition it belongs to.</param>
/// <param name="Section">Section name as letters cite it.</param>
/// <param name="Aliases">Other section names letters use for it.</param>
/// <param name="Pages">Pages, e.g. <c>98-99</c>; <see langword="null"/> where letters cite the section only.</param>
/// <param name="Recommendation">The overall stance.</param>
/// <param name="Summary">What the section says, in our words.</param>
/// <param name="Services">Service kinds (<c>FAMILY/KIND</c>) it applies to.</param>
/// <param name="Regions">Body regions it applies to; <c>any</c> for all.</param>
/// <param name="Conditions">Diagnosis fact kinds it speaks to (informative).</param>
/// <param name="Criteria">What the records must show.</param>
/// <param name="Quantities">How much care it supports.</param>
/// <param name="Lists">Named lists the rules read, e.g. ingredients not recommended.</param>
/// <param name="Confidence">How well the topic as a whole is established.</param>
/// <param name="BasedOn">The <c>guideline/topic</c> it copies criteria from, if any.</param>
/// <param name="AppliesAlongside">
/// Its criteria are assessed for every request for one of its services beside those of whichever topic governs the request
/// (the hierarchy never selects it); false by default.
/// </param>
public sealed record GuidelineTopic(
    string Id,
    string GuidelineId,
    string Section,
    IReadOnlyList<string> Aliases,
    string? Pages,
    RecommendationKind Recommendation,
    string? Summary,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<QuantityRule> Quantities,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists,
    Confidence Confidence,
    string? BasedOn,
    bool AppliesAlongside = false)
{
    /// <summary>Whether the topic lists <paramref name="serviceId"/>, by name or by its family (<c>imaging/*</c>).</summary>
    public bool CoversService(string serviceId) =>
        Services.Contains(serviceId, StringComparer.Ordinal)
        || (serviceId.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && Services.Contains(string.Concat(serviceId.AsSpan(0, slash), "/*"), StringComparer.Ordinal));

    /// <summary>Whether the topic covers <paramref name="region"/>; a <see langword="null"/> region matches only topics for <c>any</c> region.</summary>
    public bool CoversRegion(string? region) =>
        Regions.Contains(GuidelineVocabulary.AnyRegion) || (region is not null && Regions.Contains(region));

    /// <summary>"p.98-99" or the section name when no pages are cited.</summary>
    public string Locator => Pages is null ? Section : $"p.{Pages}";
}
