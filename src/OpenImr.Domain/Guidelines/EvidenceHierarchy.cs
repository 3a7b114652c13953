namespace OpenImr.Domain.Guidelines;

/// <summary>One topic to try for a service: <c>family/topic</c>, optionally only when a qualifier was given.</summary>
/// <param name="Family">Guideline family, e.g. <c>mtus-cpmtg</c>; the edition in force is chosen by date.</param>
/// <param name="TopicId">Topic id inside each edition.</param>
/// <param name="Qualifiers">The candidate applies only if one of these was passed to <see cref="EvidenceHierarchy.Select(string, string?, DateOnly, IReadOnlyCollection{string})"/>; empty for always.</param>
public sealed record HierarchyCandidate(string Family, string TopicId, IReadOnlyList<string> Qualifiers)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Family}/{TopicId}";
}

/// <summary>The ordered candidates for one service kind: MTUS first.</summary>
/// <param name="Service">Service kind, <c>FAMILY/KIND</c>.</param>
/// <param name="Candidates">Topics to try, in order.</param>
public sealed record HierarchyEntry(string Service, IReadOnlyList<HierarchyCandidate> Candidates);

/// <summary>A service kind the library knowingly does not cover, and why.</summary>
/// <param name="Service">Service kind.</param>
/// <param name="Reason">Why it is not covered.</param>
public sealed record NotCoveredService(string Service, string Reason);

/// <summary>The outcome of <see cref="EvidenceHierarchy.Select(string, string?, DateOnly)"/>.</summary>
/// <param name="Guideline">The guideline edition in force on the date, or <see langword="null"/> for no recommendation.</param>
/// <param name="Topic">The chosen topic, or <see langword="null"/> for no recommendation.</param>
/// <param name="Reason">Why it was chosen (or why nothing was).</param>
/// <param name="MtusSilent">Whether MTUS had nothing for the request and a non-MTUS guideline was used.</param>
/// <param name="LibraryVersion">Version of the criteria library that made the choice.</param>
public sealed record HierarchySelection(Guideline? Guideline, GuidelineTopic? Topic, string Reason, bool MtusSilent, string LibraryVersion)
{
    /// <summary>True when nothing in the library covers the request: a physician must decide (<c>NoRecommendation</c>).</summary>
    public bool IsNoRecommendation => Topic is null;

    /// <summary>The edition in force, e.g. <c>2016</c>.</summary>
    public string? Edition => Guideline?.Edition;

    /// <summary>The citation in the shape of the <c>Review</c> contract.</summary>
    public Letters.GuidelineCitation? Citation => Guideline is null || Topic is null ? null : Guideline.Cite(Topic);
}

/// <summary>
/// The evidence hierarchy as data: for a service kind, region and UR decision date, the topic that
/// governs. MTUS topics come first; ODG or ACOEM only where the MTUS in force is silent
/// (8 CCR 9792.25(b) (2009); 9792.21.1(a)(2) (2016+)).
/// </summary>
public sealed class EvidenceHierarchy
{
    // Source: 9792.21.1 came with the 2016 MTUS update [K-medium]; the same cut-over date as the 2016 CPMTG is used.
    private static readonly DateOnly SearchSequenceFrom = new(2016, 7, 28);

    private readonly IReadOnlyList<Guideline> _guidelines;
    private readonly Dictionary<string, HierarchyEntry> _entries;
    private readonly Dictionary<string, NotCoveredService> _notCovered;
    private readonly string _version;

    internal EvidenceHierarchy(IReadOnlyList<Guideline> guidelines, IReadOnlyList<HierarchyEntry> entries, IReadOnlyList<NotCoveredService> notCovered, string version)
    {
        _guidelines = guidelines;
        Entries = entries;
        NotCovered = notCovered;
        _entries = entries.GroupBy(e => e.Service, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _notCovered = notCovered.GroupBy(n => n.Service, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _version = version;
    }

    /// <summary>Every service kind with its candidates.</summary>
    public IReadOnlyList<HierarchyEntry> Entries { get; }

    /// <summary>Service kinds the library knowingly does not cover.</summary>
    public IReadOnlyList<NotCoveredService> NotCovered { get; }

    /// <summary>The candidates for a service kind, or <see langword="null"/>.</summary>
    public HierarchyEntry? EntryFor(string serviceId) => _entries.GetValueOrDefault(serviceId);

    /// <summary>Chooses the governing topic for a request.</summary>
    /// <param name="serviceId">Service kind, <c>FAMILY/KIND</c>.</param>
    /// <param name="region">Body region (see <see cref="GuidelineVocabulary.Regions"/>), or <see langword="null"/> when unknown.</param>
    /// <param name="decisionDate">UR decision date: picks the edition in force.</param>
    public HierarchySelection Select(string serviceId, string? region, DateOnly decisionDate) => Select(serviceId, region, decisionDate, []);

    /// <summary>Chooses the governing topic for a request with qualifiers such as <c>postoperative</c>, <c>positional</c>, <c>heat</c>.</summary>
    /// <param name="serviceId">Service kind, <c>FAMILY/KIND</c>.</param>
    /// <param name="region">Body region, or <see langword="null"/> when unknown.</param>
    /// <param name="decisionDate">UR decision date: picks the edition in force.</param>
    /// <param name="qualifiers">Request features that open qualified candidates.</param>
    public HierarchySelection Select(string serviceId, string? region, DateOnly decisionDate, IReadOnlyCollection<string> qualifiers)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentNullException.ThrowIfNull(qualifiers);
        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToLowerInvariant();
        var where = region is null ? serviceId : $"{serviceId} ({region})";

        if (!_entries.TryGetValue(serviceId, out var entry))
        {
            if (_notCovered.ContainsKey(serviceId) && Governing(serviceId, region, decisionDate) is { } governing)
            {
                return governing;
            }

            var reason = _notCovered.TryGetValue(serviceId, out var notCovered)
                ? $"The library does not cover {serviceId}: {notCovered.Reason}"
                : $"'{serviceId}' is not a service kind the library knows.";
            return new HierarchySelection(null, null, reason, false, _version);
        }

        foreach (var candidate in entry.Candidates)
        {
            if (candidate.Qualifiers.Count > 0 && !candidate.Qualifiers.Any(q => qualifiers.Contains(q, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            var guideline = InForce(candidate.Family, decisionDate);
            var topic = guideline?.FindTopic(candidate.TopicId);
            if (guideline is null || topic is null || !topic.CoversService(serviceId) || !topic.CoversRegion(region))
            {
                continue;
            }

            // MTUS first (8 CCR 9792.21.1(a)): an MTUS guideline in force that addresses the request governs it even
            // when the library does not encode its criteria; ODG comes in only where the MTUS is silent.
            if (guideline.Source != GuidelineSource.Mtus && Governing(serviceId, region, decisionDate) is { } mtus)
            {
                return mtus;
            }

            if (guideline.Source == GuidelineSource.Mtus)
            {
                return new HierarchySelection(guideline, topic,
                    $"{guideline.DisplayName} {topic.Locator} ({topic.Section}) addresses {where}.", false, _version);
            }

            var rule = decisionDate >= SearchSequenceFrom ? "8 CCR 9792.21.1(a)(2)" : "8 CCR 9792.25(b) (2009)";
            return new HierarchySelection(guideline, topic,
                $"The MTUS in force on {decisionDate:yyyy-MM-dd} is silent on {where}; {guideline.SourceName} {guideline.Title}, {topic.Section} applies ({rule}).",
                true, _version);
        }

        if (Governing(serviceId, region, decisionDate) is { } unencoded)
        {
            return unencoded;
        }

        var why = region is null
            ? $"No topic in force on {decisionDate:yyyy-MM-dd} covers {serviceId} without a body region; give the region."
            : $"No topic in force on {decisionDate:yyyy-MM-dd} covers {where}.";
        return new HierarchySelection(null, null, why, false, _version);
    }

    /// <summary>
    /// The MTUS guideline in force on <paramref name="date"/> that addresses the request although the library holds
    /// none of its criteria (a <see cref="RecommendationKind.NotEncoded"/> topic): a guideline for the request's body
    /// region before one for any region, then one that names the service before one that names its whole family.
    /// </summary>
    private HierarchySelection? Governing(string serviceId, string? region, DateOnly date)
    {
        var found = _guidelines
            .Where(g => g.Source == GuidelineSource.Mtus && g.Effective.Contains(date))
            .SelectMany(g => g.Topics.Where(t => t.Recommendation == RecommendationKind.NotEncoded && t.CoversService(serviceId) && t.CoversRegion(region))
                .Select(t => (Guideline: g, Topic: t)))
            .OrderBy(m => m.Topic.Regions.Contains(GuidelineVocabulary.AnyRegion) ? 1 : 0)
            .ThenBy(m => m.Topic.Services.Contains(serviceId, StringComparer.Ordinal) ? 0 : 1)
            .ThenBy(m => m.Guideline.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (found.Guideline is null)
        {
            return null;
        }

        var (guideline, topic) = found;
        return new HierarchySelection(guideline, topic,
            $"{guideline.SourceName} {guideline.Title} ({guideline.Edition}, in force from {guideline.Effective.From:yyyy-MM-dd}) governs this request; its criteria are not encoded in this library.",
            false, _version);
    }

    /// <summary>The edition of a family in force on a date (the latest start wins if editions overlap).</summary>
    private Guideline? InForce(string family, DateOnly date) =>
        _guidelines.Where(g => g.Family == family && g.Effective.Contains(date)).MaxBy(g => g.Effective.From);
}
