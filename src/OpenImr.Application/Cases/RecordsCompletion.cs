using System.Security.Claims;
using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>The records are in: the determination clock starts.</summary>
public sealed class RecordsCompletion(CaseRepository cases)
{
    public Task<CaseOutcome<ClockView>> CompleteAsync(Guid id, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ClockStep.TakeAsync(cases, id, caller, expectedVersion,
            (state, context) => CaseWorkflow.RecordsComplete(state, context),
            due => $"determination due {due.DeterminationDue:yyyy-MM-dd}",
            cancellationToken);
}

/// <summary>A step that changes only the case's state and answers with its clocks (records complete, expedite).</summary>
internal static class ClockStep
{
    public static async Task<CaseOutcome<ClockView>> TakeAsync(
        CaseRepository cases,
        Guid id,
        ClaimsPrincipal caller,
        int? expectedVersion,
        Func<CaseState, StepContext, WorkflowResult> step,
        Func<DueDates, string> detail,
        CancellationToken cancellationToken)
    {
        var (stored, problem) = await cases.OpenAsync<ClockView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var result = step(state, cases.Context(caller));
        if (!result.Succeeded)
        {
            return await cases.RefuseAsync<ClockView>(caller, id, result.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var deadlines = cases.Take(stored, CaseRepository.CaseOf(stored), result, caller, s => detail(new DueDates(s.RecordsDue, s.DeterminationDue)));
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<ClockView>(new ClockView(stored.Status, CaseDeadlines.Of(stored), deadlines))
            : CaseOutcome.Stale<ClockView>();
    }
}

/// <summary>The due dates a step's audit line names.</summary>
internal readonly record struct DueDates(DateOnly? RecordsDue, DateOnly? DeterminationDue);
