using System.Security.Claims;
using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>
/// Converts the review to expedited on the treating physician's certification of an imminent and
/// serious threat to health; the records and determination clocks shorten at once.
/// </summary>
public sealed class ExpediteConversion(CaseRepository cases)
{
    public async Task<CaseOutcome<ClockView>> ConvertAsync(Guid id, string? certifiedBy, string? note, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(certifiedBy))
        {
            return CaseOutcome.Invalid<ClockView>("certifiedBy", "Name the treating physician who certified the imminent and serious threat to health.", "The certification is incomplete.");
        }

        var physician = certifiedBy.Trim();
        return await ClockStep.TakeAsync(cases, id, caller, expectedVersion,
            (state, context) => CaseWorkflow.ConvertToExpedited(state, physician, context),
            due => $"certified by {physician}{(string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}")}; records due {due.RecordsDue:yyyy-MM-dd}, determination due {due.DeterminationDue:yyyy-MM-dd}",
            cancellationToken).ConfigureAwait(false);
    }
}
