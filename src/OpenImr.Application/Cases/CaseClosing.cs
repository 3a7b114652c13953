using System.Security.Claims;
using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>Closes the case: withdrawn, treatment authorised, or completed once the letter is issued.</summary>
public sealed class CaseClosing(CaseRepository cases)
{
    public async Task<CaseOutcome<ClosedView>> CloseAsync(Guid id, string? reason, string? note, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var wanted = reason?.Trim().ToLowerInvariant();
        if (wanted is null || !CloseReasons.All.Contains(wanted))
        {
            return CaseOutcome.Invalid<ClosedView>("reason", $"'{reason}' is not a reason to close; use one of: {string.Join(", ", CloseReasons.All)}.", "The reason to close is missing or unknown.");
        }

        var detail = string.IsNullOrWhiteSpace(note) ? wanted : $"{wanted}: {note.Trim()}";
        var (stored, problem) = await cases.OpenAsync<ClosedView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var step = CaseWorkflow.Close(state, detail, cases.Context(caller));
        if (!step.Succeeded)
        {
            return await cases.RefuseAsync<ClosedView>(caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        cases.Take(stored, CaseRepository.CaseOf(stored), step, caller);
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<ClosedView>(new ClosedView(stored.Status, wanted))
            : CaseOutcome.Stale<ClosedView>();
    }
}
