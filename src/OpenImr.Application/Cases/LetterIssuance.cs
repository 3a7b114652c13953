using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>Issues the Final Determination Letter from the reviewer's decisions, signed with the reviewer's credentials; once only.</summary>
public sealed class LetterIssuance(CaseRepository cases)
{
    public async Task<CaseOutcome<IssuedLetterView>> IssueAsync(Guid id, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (stored, problem) = await cases.OpenAsync<IssuedLetterView>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        var context = cases.Context(caller);
        var step = CaseWorkflow.IssueLetter(state, context);
        if (!step.Succeeded)
        {
            return await cases.RefuseAsync<IssuedLetterView>(caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var reviewer = await cases.Db.Reviewers.AsNoTracking().FirstAsync(r => r.Id == stored.AssignedReviewerId, cancellationToken).ConfigureAwait(false);
        // Note that a decided case has a decision on every request (the decide step's rule), so the letter composes.
        var letter = CaseFiles.ComposeLetter(stored, state, reviewer, context.Date)!;
        var issued = new IssuedLetter
        {
            CaseId = id,
            LetterJson = JsonSerializer.Serialize(letter, ImrJson.Compact),
            IssuedAt = context.At.ToUniversalTime(),
            IssuedBy = caller.UserId(),
            LibraryVersion = cases.Criteria.Version,
        };
        stored.Letters.Add(issued);
        cases.Take(stored, CaseRepository.CaseOf(stored), step, caller, _ =>
            $"Final Determination Letter dated {context.Date:yyyy-MM-dd}: {string.Join("; ", letter.Items.Select(i => $"{i.Request}: {i.Decision}"))}");
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<IssuedLetterView>(new IssuedLetterView(stored.Status, issued.IssuedAt, issued.LibraryVersion, letter))
            : CaseOutcome.Stale<IssuedLetterView>();
    }
}
