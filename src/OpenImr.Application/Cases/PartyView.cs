using System.Security.Claims;
using OpenImr.Domain.Cases;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>
/// A case as a party (the filer) reads it: every step of their case, without the IRO's internal
/// choices. The assigned reviewer's id is not shown; in the history staff and reviewers are named by
/// their role only; the assignment shows when the records are due but not whom it chose or whom it
/// passed over; refused steps (which carry the reasons candidate reviewers were rejected) and possible
/// duplicates (other cases) are left out; the engine's run and the reviewer's decisions show that
/// they happened, the letter says the rest. Staff and reviewers read the case whole.
/// </summary>
public static class PartyView
{
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal) { CaseActions.StepRefused, CaseActions.PossibleDuplicate };

    private static readonly HashSet<string> DetailWithheld = new(StringComparer.Ordinal) { CaseActions.Reviewed, CaseActions.Decided };

    /// <summary><paramref name="view"/> as <paramref name="caller"/> may read it.</summary>
    public static CaseView For(ClaimsPrincipal caller, CaseView view) =>
        IsParty(caller)
            ? view with { AssignedReviewerId = null, History = [.. view.History.Where(e => !Internal.Contains(e.Action)).Select(Withhold)] }
            : view;

    /// <summary><paramref name="summary"/> as <paramref name="caller"/> may read it.</summary>
    public static CaseSummary For(ClaimsPrincipal caller, CaseSummary summary) =>
        IsParty(caller) ? summary with { AssignedReviewerId = null } : summary;

    private static bool IsParty(ClaimsPrincipal caller) => CaseAccess.VisibilityOf(caller) == CaseVisibility.FiledBy;

    private static HistoryEntry Withhold(HistoryEntry entry) => entry with
    {
        Actor = entry.Actor.EndsWith($"({UserRoles.Party})", StringComparison.Ordinal) ? entry.Actor : RoleOf(entry.Actor),
        Detail = entry.Action switch
        {
            CaseActions.Assigned => RecordsDue(entry.Detail),
            var action when DetailWithheld.Contains(action) => null,
            _ => entry.Detail,
        },
    };

    /// <summary>"Dr Jane Roe (reviewer)" → "reviewer"; "system" stays.</summary>
    private static string RoleOf(string actor)
    {
        var open = actor.LastIndexOf('(');
        return open >= 0 && actor.EndsWith(')') ? actor[(open + 1)..^1] : actor;
    }

    /// <summary>"Dr X (id), replacing Y; records due 2015-10-01" → "a reviewer was assigned; records due 2015-10-01".</summary>
    private static string RecordsDue(string? detail)
    {
        var due = detail?.LastIndexOf("records due", StringComparison.Ordinal) ?? -1;
        return due >= 0 ? $"a reviewer was assigned; {detail![due..]}" : "a reviewer was assigned";
    }
}
