using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>Assigns the named reviewer if qualified and free of conflict, or (none named) the best-ranked one.</summary>
public sealed class ReviewerAssignment(CaseRepository cases)
{
    /// <param name="electronically">Whether the notice of assignment goes out electronically: the records are then due in 12 days instead of 15 (8 CCR 9792.10.5(a)(1)).</param>
    public async Task<CaseOutcome<AssignmentView>> AssignAsync(Guid id, Guid? reviewerId, bool electronically, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (stored, problem) = await cases.OpenAsync<AssignmentView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var submitted = CaseRepository.CaseOf(stored);
        var families = ReviewerPool.FamiliesOf(submitted);
        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var context = cases.Context(caller);
        var reviewers = await cases.Db.Reviewers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        WorkflowResult step;
        if (reviewerId is { } named)
        {
            var reviewer = reviewers.FirstOrDefault(r => r.Id == named);
            if (reviewer is null)
            {
                return CaseOutcome.NotFound<AssignmentView>($"There is no reviewer {named}.");
            }

            step = CaseWorkflow.Assign(state, submitted, ReviewerPool.ToDomain(reviewer), families, context, electronically: electronically);
        }
        else
        {
            var workloads = await ReviewerPool.WorkloadsAsync(cases.Db, cancellationToken).ConfigureAwait(false);
            step = CaseWorkflow.AssignBest(state, submitted, families, reviewers.Select(ReviewerPool.ToDomain), context, workloads, electronically: electronically);
        }

        if (!step.Succeeded)
        {
            return await cases.RefuseAsync<AssignmentView>(caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var chosen = reviewers.Single(r => r.Id.ToString() == step.State.ReviewerId);
        var previous = stored.AssignedReviewerId;
        stored.AssignedReviewerId = chosen.Id;
        cases.Take(stored, submitted, step, caller, s =>
            $"{chosen.Name} ({chosen.Id}){(previous is { } before && before != chosen.Id ? $", replacing {before}" : "")}; records due {s.RecordsDue:yyyy-MM-dd}");
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<AssignmentView>(new AssignmentView(chosen.Id, stored.Status, CaseDeadlines.Of(stored)))
            : CaseOutcome.Stale<AssignmentView>();
    }
}
