using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>Files a new case, <c>received</c>, with its requests and records; flags open cases that look like the same filing.</summary>
public sealed class CaseIntake(CaseRepository cases)
{
    public async Task<CaseOutcome<CaseCreated>> FileAsync(Case? submitted, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = CaseErrors.Of(submitted);
        if (errors.Count > 0)
        {
            return CaseOutcome.Invalid<CaseCreated>(errors, "The case is incomplete or malformed.");
        }

        var application = submitted!;
        var duplicates = await PossibleDuplicatesAsync(application, cancellationToken).ConfigureAwait(false);
        var context = cases.Context(caller);
        var state = CaseWorkflow.Receive(application, context);
        var now = context.At.ToUniversalTime();
        var stored = new StoredCase
        {
            Id = Guid.CreateVersion7(now),
            CaseNumber = string.IsNullOrWhiteSpace(application.CaseNumber) ? null : application.CaseNumber.Trim(),
            CaseJson = JsonSerializer.Serialize(application, ImrJson.Compact),
            Status = CaseStatusNames.Name(state.Status),
            Priority = application.Priority ?? "standard",
            InjuryDate = application.Dates?.Injury,
            UrDenialDate = application.Dates?.UrDenial,
            ApplicationReceivedDate = application.Dates?.ApplicationReceived,
            AssignedDate = application.Dates?.Assigned,
            PartyUserId = caller.IsInRole(UserRoles.Party) ? caller.UserId() : null,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        for (var i = 0; i < application.Requests.Count; i++)
        {
            stored.Requests.Add(new StoredCaseRequest { Ordinal = i, Description = application.Requests[i].Description.Trim() });
        }

        for (var i = 0; i < application.Documents.Count; i++)
        {
            var document = application.Documents[i];
            var text = string.IsNullOrWhiteSpace(document.Text) ? null : document.Text;
            var storedDocument = new StoredCaseDocument
            {
                Ordinal = i,
                Type = document.Type,
                Date = document.Date,
                FileName = text is null ? document.Path : null,
                Text = text,
                Sha256 = text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                AddedAt = now,
                AddedBy = caller.UserId(),
            };
            DocumentFacts.Attach(storedDocument, stored.Id, cases.Clock);
            stored.Documents.Add(storedDocument);
        }

        cases.Db.Cases.Add(stored);
        cases.Db.Record(caller, stored.Id, state.History[^1],
            $"{stored.CaseNumber ?? "no case number"}: {stored.Requests.Count} request(s), {stored.Documents.Count} document(s)");
        if (duplicates.Count > 0)
        {
            cases.Record(caller, CaseActions.PossibleDuplicate, stored.Id,
                $"same case number or same claim (injury date, UR decision date and treatments) as open case(s) {string.Join(", ", duplicates)}");
        }

        await cases.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        // Note that only staff learn which other cases match: a party may not see them.
        return CaseOutcome.Done<CaseCreated>(new CaseCreated(stored.Id, stored.Status, CaseDeadlines.Of(stored), caller.IsStaff() ? duplicates : []));
    }

    /// <summary>
    /// Open cases that are the same filing (<see cref="DuplicateKey"/>, PROC-05): the same case
    /// number, or the same injury date, UR decision date and treatments. They are flagged for the
    /// coordinator, who closes the later filing; intake never refuses a filing on a guess.
    /// </summary>
    private async Task<List<Guid>> PossibleDuplicatesAsync(Case submitted, CancellationToken cancellationToken)
    {
        var key = DuplicateKey.For(submitted);
        var caseNumber = string.IsNullOrWhiteSpace(submitted.CaseNumber) ? null : submitted.CaseNumber.Trim();
        var (injury, denial) = (submitted.Dates?.Injury, submitted.Dates?.UrDenial);
        if (caseNumber is null && (injury is null || denial is null))
        {
            return [];
        }

        var candidates = await cases.Db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatuses.Closed && c.Status != CaseStatuses.Ineligible)
            .Where(c => (caseNumber != null && c.CaseNumber == caseNumber) || (injury != null && denial != null && c.InjuryDate == injury && c.UrDenialDate == denial))
            .OrderBy(c => c.Id)
            .Take(100)
            .Select(c => new { c.Id, c.CaseJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. candidates.Where(c => DuplicateKey.For(JsonSerializer.Deserialize<Case>(c.CaseJson, ImrJson.Compact)!).Matches(key)).Select(c => c.Id)];
    }
}
