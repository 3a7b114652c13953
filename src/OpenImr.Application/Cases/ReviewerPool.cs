using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Storage;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>The stored reviewers as the Domain's matcher sees them: qualifications, conflicts and open workload.</summary>
public static class ReviewerPool
{
    private static readonly string[] ClosedStatuses = [.. Enum.GetValues<CaseStatus>().Where(s => !CaseStatusNames.IsOpen(s)).Select(CaseStatusNames.Name)];

    /// <summary>The service family of each disputed request, in order: what a reviewer's specialty must fit.</summary>
    public static IReadOnlyList<string> FamiliesOf(Case submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        return [.. submitted.Requests.Select(r => RequestParser.Parse(r.Description).Service.Family)];
    }

    /// <summary>Each reviewer's open assigned cases, by reviewer id: the workload assignment ranks by.</summary>
    public static Task<Dictionary<string, int>> WorkloadsAsync(ImrDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Cases.AsNoTracking()
            .Where(c => c.AssignedReviewerId != null && !ClosedStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedReviewerId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id.ToString(), g => g.Count, cancellationToken);
    }

    public static Reviewer ToDomain(StoredReviewer r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id.ToString(), r.Name)
        {
            Licensure = r.Licensure,
            Specialties = r.Specialties,
            Affiliations = r.Affiliations,
            YearsInActivePractice = r.YearsOfPractice,
            HoursPerWeek = r.HoursPerWeek,
        };
    }

    /// <summary>
    /// Every reviewer checked against the case: those who may take it ranked first (specialty fit,
    /// then lightest workload, as assignment ranks them), then the others with their reasons.
    /// </summary>
    public static async Task<IReadOnlyList<ReviewerSuggestion>> SuggestAsync(ImrDbContext db, Case submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reviewers = await db.Reviewers.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var workloads = await WorkloadsAsync(db, cancellationToken).ConfigureAwait(false);
        var families = FamiliesOf(submitted);
        var domain = reviewers.Select(ToDomain).ToList();
        var ranked = ReviewerMatcher.Rank(submitted, families, domain, workloads);
        var suggestions = ranked.Select((r, i) => new ReviewerSuggestion(
            Guid.Parse(r.Reviewer.Id), r.Reviewer.Name, i + 1, r.Reviewer.Specialties, r.Reviewer.Licensure, r.MatchedSpecialties, r.Fit, r.Workload, [])).ToList();
        foreach (var reviewer in domain.Where(d => ranked.All(r => r.Reviewer.Id != d.Id)))
        {
            var check = ReviewerMatcher.Check(reviewer, submitted, families);
            suggestions.Add(new ReviewerSuggestion(Guid.Parse(reviewer.Id), reviewer.Name, null, reviewer.Specialties, reviewer.Licensure, [], 0,
                workloads.GetValueOrDefault(reviewer.Id), check.Reasons));
        }

        return suggestions;
    }
}

/// <param name="Rank">1 for the best; null when the reviewer may not take the case (see <paramref name="Reasons"/>).</param>
public sealed record ReviewerSuggestion(
    Guid Id, string Name, int? Rank, IReadOnlyList<string> Specialties, IReadOnlyList<string> Licensure, IReadOnlyList<string> MatchedSpecialties,
    int Fit, int Workload, IReadOnlyList<ReviewerReason> Reasons);
