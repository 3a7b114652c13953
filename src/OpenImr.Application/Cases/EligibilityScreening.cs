using System.Security.Claims;
using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>Screens the application; an ineligible case closes with its reasons, one missing only information stays received.</summary>
public sealed class EligibilityScreening(CaseRepository cases)
{
    /// <summary>What screening the case as it now stands finds on <paramref name="date"/>, without taking the step: what a page shows before a screen that would close the case.</summary>
    public static EligibilityResult Ahead(Case current, DateOnly date) => EligibilityScreen.Screen(current, date);

    public async Task<CaseOutcome<EligibilityView>> ScreenAsync(Guid id, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (stored, problem) = await cases.OpenAsync<EligibilityView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var submitted = CaseRepository.CaseOf(stored);
        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var context = cases.Context(caller);
        var result = Ahead(CaseFiles.AsItStands(stored, state), context.Date);
        var step = CaseWorkflow.Screen(state, result, context);
        if (!step.Succeeded)
        {
            return await cases.RefuseAsync<EligibilityView>(caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var taken = step;
        if (step.State.Status == CaseStatus.Ineligible)
        {
            // Note that an ineligible case closes at once, with its reasons.
            taken = CaseWorkflow.Close(step.State, $"ineligible: {step.State.History[^1].Detail}", context);
            if (!taken.Succeeded)
            {
                return await cases.RefuseAsync<EligibilityView>(caller, id, taken.Failure!, cancellationToken).ConfigureAwait(false);
            }
        }

        cases.Take(stored, submitted, taken, caller);
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<EligibilityView>(new EligibilityView(result.Eligible, result.Reasons, stored.Status))
            : CaseOutcome.Stale<EligibilityView>();
    }
}
