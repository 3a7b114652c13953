using System.Security.Claims;
using System.Text.Json;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>Runs the engine on the case as it now stands; stores its determinations beside the reviewer's and returns the <see cref="Review"/>.</summary>
public sealed class EngineReview(CaseRepository cases)
{
    public async Task<CaseOutcome<Review>> RunAsync(Guid id, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (stored, problem) = await cases.OpenAsync<Review>(id, caller, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return problem!;
        }

        var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
        if (CaseWorkflow.ReviewRefusal(state) is { } refusal)
        {
            return await cases.RefuseAsync<Review>(caller, id, refusal, cancellationToken).ConfigureAwait(false);
        }

        var context = cases.Context(caller);
        var current = CaseFiles.AsItStands(stored, state);
        var engine = cases.Criteria.Engine;
        var review = engine.Review(current, [.. current.Documents.Select(d => d.Text ?? "")], context.Date);
        for (var i = 0; i < review.Determinations.Count; i++)
        {
            var determination = review.Determinations[i];
            var row = stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == i);
            if (row is null)
            {
                row = new StoredDetermination { CaseId = id, RequestOrdinal = i };
                stored.Determinations.Add(row);
            }

            row.Request = determination.Request;
            row.EngineJson = JsonSerializer.Serialize(determination, ImrJson.Compact);
            if (row.ReviewerId is null)
            {
                // Note that until the reviewer decides, the row carries the engine's recommendation.
                row.Decision = determination.Decision.ToString();
                row.Rationale = determination.Rationale;
                row.DecidedAt = context.At.ToUniversalTime();
            }
        }

        stored.UpdatedAt = context.At.ToUniversalTime();
        stored.Version++;
        cases.Record(caller, CaseActions.Reviewed, id,
            $"engine {engine.LibraryVersion}: {string.Join("; ", review.Determinations.Select(d => $"{d.Request}: {d.Decision}"))}");
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false) ? CaseOutcome.Done<Review>(review) : CaseOutcome.Stale<Review>();
    }
}
