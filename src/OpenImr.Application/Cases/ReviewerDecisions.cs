using System.Security.Claims;
using OpenImr.Domain.Cases;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>The assigned reviewer's decision on every request: the engine's accepted or overridden, checked by <see cref="DecisionRules"/>.</summary>
public sealed class ReviewerDecisions(CaseRepository cases)
{
    public async Task<CaseOutcome<DecisionsView>> DecideAsync(Guid id, IReadOnlyList<GivenDecision?>? decisions, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (stored, problem) = await cases.OpenAsync<DecisionsView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var requests = stored.Requests.OrderBy(r => r.Ordinal).ToList();
        var engine = requests.Select(r => CaseFiles.EngineDetermination(stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == r.Ordinal))).ToList();
        var check = DecisionRules.Check([.. requests.Select(r => r.Description)], decisions ?? [], engine);
        if (!check.IsValid)
        {
            return CaseOutcome.Invalid<DecisionsView>(check.Errors, "The determinations are incomplete or malformed.");
        }

        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var context = cases.Context(caller);
        var step = CaseWorkflow.Decide(state, context, DecisionRules.Summary(check.Decisions));
        if (!step.Succeeded)
        {
            return await cases.RefuseAsync<DecisionsView>(caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        foreach (var taken in check.Decisions)
        {
            var request = requests[taken.Ordinal];
            var row = stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == request.Ordinal);
            if (row is null)
            {
                row = new StoredDetermination { CaseId = id, RequestOrdinal = request.Ordinal, Request = request.Description };
                stored.Determinations.Add(row);
            }

            row.Decision = taken.Decision.ToString();
            row.Rationale = taken.Rationale;
            row.ReviewerId = stored.AssignedReviewerId;
            row.DecidedAt = context.At.ToUniversalTime();
        }

        cases.Take(stored, CaseRepository.CaseOf(stored), step, caller);
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<DecisionsView>(new DecisionsView(stored.Status,
                [.. check.Decisions.Select(d => new DecisionView(requests[d.Ordinal].Description, d.Decision.ToString(), d.Rationale, d.Accepted))]))
            : CaseOutcome.Stale<DecisionsView>();
    }
}
