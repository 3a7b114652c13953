using System.Text;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Cases;

/// <summary>
/// The stable codes of reviewer findings: RVW001–RVW009 qualification (LC 139.5(d) and the
/// letters' statements), RVW010–RVW019 conflict of interest (LC 139.5(c)).
/// </summary>
public static class ReviewerCodes
{
    /// <summary>Not more than five years in active practice (or not declared).</summary>
    public const string Experience = "RVW001";

    /// <summary>Fewer than 24 hours a week in active practice (or not declared).</summary>
    public const string Hours = "RVW002";

    /// <summary>No licence in a US state.</summary>
    public const string NoLicence = "RVW003";

    /// <summary>No board specialty declared.</summary>
    public const string NoSpecialty = "RVW004";

    /// <summary>No specialty that fits the case's services.</summary>
    public const string SpecialtyMismatch = "RVW005";

    /// <summary>Affiliated with the employer.</summary>
    public const string ConflictEmployer = "RVW010";

    /// <summary>Affiliated with the insurer.</summary>
    public const string ConflictInsurer = "RVW011";

    /// <summary>Affiliated with the claims administrator.</summary>
    public const string ConflictClaimsAdministrator = "RVW012";

    /// <summary>Affiliated with the requesting physician.</summary>
    public const string ConflictRequestingPhysician = "RVW013";

    /// <summary>Affiliated with the facility where the treatment would be given.</summary>
    public const string ConflictFacility = "RVW014";

    /// <summary>Affiliated with the worker's attorney.</summary>
    public const string ConflictAttorney = "RVW015";
}

/// <summary>Why a reviewer may not take a case.</summary>
/// <param name="Party">For a conflict, the party's name as the case states it.</param>
public sealed record ReviewerReason(string Code, string Source, string Message, string? Party = null);

/// <summary>A reviewer checked against a case: every reason against, none when the reviewer may take it.</summary>
public sealed record ReviewerCheck(string ReviewerId, IReadOnlyList<ReviewerReason> Reasons)
{
    /// <summary>No qualification reason (RVW001–RVW009).</summary>
    public bool Qualified => !Reasons.Any(r => string.CompareOrdinal(r.Code, "RVW010") < 0);

    /// <summary>Any conflict of interest (RVW010 and above).</summary>
    public bool HasConflict => Reasons.Any(r => string.CompareOrdinal(r.Code, "RVW010") >= 0);

    /// <summary>Qualified and without conflict.</summary>
    public bool CanReview => Reasons.Count == 0;
}

/// <summary>A qualified, conflict-free reviewer with how well their specialties fit and their current workload.</summary>
/// <param name="Fit">The sum over the case's service families of <see cref="ServiceSpecialties.Fit"/>.</param>
/// <param name="MatchedSpecialties">The reviewer's specialties that fit any of the case's families, canonical names.</param>
public sealed record RankedReviewer(Reviewer Reviewer, int Fit, int Workload, IReadOnlyList<string> MatchedSpecialties);

/// <summary>Reviewer qualification, conflict-of-interest screening, and ranking for assignment.</summary>
public static class ReviewerMatcher
{
    // Source: MAXIMUS letter statements (domain-facts.md 4.8) [V]; LC 139.5(d) [K-medium] (PROC-22)
    private const string QualificationSource = "LC 139.5(d); IMRO letter statements";

    // Source: LC 139.5(c) [K-medium] (PROC-21)
    private const string ConflictSource = "LC 139.5(c)";

    /// <summary>More than this many years of active practice is required.</summary>
    public const int MinimumYearsExclusive = 5;

    /// <summary>At least this many hours a week of active practice is required.</summary>
    public const int MinimumHoursPerWeek = 24;

    /// <summary>
    /// Every reason <paramref name="reviewer"/> may not review <paramref name="case"/>:
    /// qualification, specialty fit when <paramref name="serviceFamilies"/> are given, and
    /// affiliation with any party.
    /// </summary>
    /// <param name="serviceFamilies">Service families or ids of the case's requests (<c>imaging/mri</c>); a fit is required only when one of them is in <see cref="ServiceSpecialties.Table"/>.</param>
    public static ReviewerCheck Check(Reviewer reviewer, Case @case, IEnumerable<string>? serviceFamilies = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(@case);
        var reasons = new List<ReviewerReason>();

        if (reviewer.YearsInActivePractice is not > MinimumYearsExclusive)
        {
            reasons.Add(new(ReviewerCodes.Experience, QualificationSource,
                reviewer.YearsInActivePractice is null
                    ? "Years in active practice are not declared; more than five are required."
                    : $"{reviewer.YearsInActivePractice} years in active practice; more than five are required."));
        }

        if (reviewer.HoursPerWeek is not >= MinimumHoursPerWeek)
        {
            reasons.Add(new(ReviewerCodes.Hours, QualificationSource,
                reviewer.HoursPerWeek is null
                    ? "Hours a week in active practice are not declared; at least 24 are required."
                    : $"{reviewer.HoursPerWeek} hours a week in active practice; at least 24 are required."));
        }

        if (!reviewer.Licensure.Any(l => UsStates.Code(l) is not null))
        {
            reasons.Add(new(ReviewerCodes.NoLicence, QualificationSource, "No licence to practise in a US state is declared."));
        }

        if (!reviewer.Specialties.Any(s => !string.IsNullOrWhiteSpace(s)))
        {
            reasons.Add(new(ReviewerCodes.NoSpecialty, QualificationSource, "No board specialty is declared."));
        }
        else if (serviceFamilies is not null)
        {
            var families = Families(serviceFamilies);
            if (families.Any(ServiceSpecialties.Table.ContainsKey) && families.Sum(f => ServiceSpecialties.Fit(f, reviewer.Specialties)) == 0)
            {
                reasons.Add(new(ReviewerCodes.SpecialtyMismatch, QualificationSource,
                    $"No specialty ({string.Join(", ", reviewer.Specialties)}) fits the services in dispute ({string.Join(", ", families)})."));
            }
        }

        var parties = @case.Parties;
        if (parties is not null)
        {
            CheckParty(ReviewerCodes.ConflictEmployer, "the employer", parties.Employer);
            CheckParty(ReviewerCodes.ConflictInsurer, "the insurer", parties.Insurer);
            CheckParty(ReviewerCodes.ConflictClaimsAdministrator, "the claims administrator", parties.ClaimsAdministrator);
            CheckParty(ReviewerCodes.ConflictRequestingPhysician, "the requesting physician", parties.RequestingPhysician);
            CheckParty(ReviewerCodes.ConflictFacility, "the facility", parties.Facility);
            CheckParty(ReviewerCodes.ConflictAttorney, "the worker's attorney", parties.Attorney);
        }

        return new ReviewerCheck(reviewer.Id, reasons);

        void CheckParty(string code, string role, string? party)
        {
            if (string.IsNullOrWhiteSpace(party))
            {
                return;
            }

            var affiliation = reviewer.Affiliations.FirstOrDefault(a => PartyName.SameParty(a, party));
            if (affiliation is not null)
            {
                // Note that a name may end in its own full stop ("Insurance Co."): the sentence then needs no other.
                var end = affiliation.EndsWith('.') ? "" : ".";
                reasons.Add(new(code, ConflictSource, $"Conflict of interest: affiliated with {role} ({party}) through {affiliation}{end}", party));
            }
        }
    }

    /// <summary>
    /// The reviewers who may take <paramref name="case"/> (<see cref="ReviewerCheck.CanReview"/>
    /// with the families), best first: by specialty fit for <paramref name="serviceFamilies"/>,
    /// then by lowest workload, then by id.
    /// </summary>
    /// <param name="workloads">Open cases per reviewer id; a reviewer not listed has none.</param>
    public static IReadOnlyList<RankedReviewer> Rank(Case @case, IEnumerable<string> serviceFamilies, IEnumerable<Reviewer> reviewers, IReadOnlyDictionary<string, int>? workloads = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(serviceFamilies);
        ArgumentNullException.ThrowIfNull(reviewers);
        var families = Families(serviceFamilies);
        return [.. reviewers
            .Where(r => Check(r, @case, families).CanReview)
            .Select(r => new RankedReviewer(
                r,
                families.Sum(f => ServiceSpecialties.Fit(f, r.Specialties)),
                workloads is not null && workloads.TryGetValue(r.Id, out var load) ? load : 0,
                [.. r.Specialties.Select(ServiceSpecialties.Canonical).Distinct(StringComparer.Ordinal)
                    .Where(s => families.Any(f => ServiceSpecialties.Table.TryGetValue(f, out var fitting) && fitting.Contains(s)))]))
            .OrderByDescending(r => r.Fit)
            .ThenBy(r => r.Workload)
            .ThenBy(r => r.Reviewer.Id, StringComparer.Ordinal)];
    }

    /// <summary>The best reviewer of <see cref="Rank"/>, or null when none may take the case.</summary>
    public static Reviewer? Best(Case @case, IEnumerable<string> serviceFamilies, IEnumerable<Reviewer> reviewers, IReadOnlyDictionary<string, int>? workloads = null)
    {
        var ranked = Rank(@case, serviceFamilies, reviewers, workloads);
        return ranked.Count == 0 ? null : ranked[0].Reviewer;
    }

    private static List<string> Families(IEnumerable<string> serviceFamilies) =>
        [.. serviceFamilies.Where(s => !string.IsNullOrWhiteSpace(s)).Select(ServiceSpecialties.Family).Distinct(StringComparer.Ordinal)];
}

/// <summary>Party and affiliation names compared for conflicts of interest.</summary>
public static class PartyName
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "llp", "lp", "corp", "corporation", "co", "company", "ltd", "limited", "pc", "pllc", "md", "do", "dc", "phd",
    };

    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal) { "dr", "doctor", "the" };

    /// <summary>
    /// A name lower-cased, without periods, with other punctuation as spaces, <c>&amp;</c> as
    /// <c>and</c>, a leading "Dr."/"The" and trailing "Inc."/"LLC"/"Corp"/"M.D." and the like removed.
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '.' and not '\'' && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var tokens = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 1 && Prefixes.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 1 && Suffixes.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// Whether two names denote the same party: equal once normalised, or one names the other as
    /// a whole-word run of at least two words ("Kaiser Permanente" in "Kaiser Permanente Medical
    /// Center"). A false alarm costs a reassignment; a missed conflict voids the determination
    /// (LC 4610.6(h)(3)), so the comparison leans towards matching.
    /// </summary>
    public static bool SameParty(string first, string second)
    {
        var a = Normalise(first);
        var b = Normalise(second);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Contains(' ', StringComparison.Ordinal) && $" {longer} ".Contains($" {shorter} ", StringComparison.Ordinal);
    }
}
