using System.Text.Json;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>A stored case read back as the Domain's: the case as it now stands, and the decisions recorded on it.</summary>
public static class CaseFiles
{
    /// <summary>The stored records of the case, in order, with their extracted text (a path where only a path is known).</summary>
    public static IReadOnlyList<CaseDocument> Documents(StoredCase stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return [.. stored.Documents.OrderBy(d => d.Ordinal).Select(d => new CaseDocument { Type = d.Type, Date = d.Date, Text = d.Text ?? "", Path = d.Text is null ? d.FileName : null })];
    }

    /// <summary>The case as it now stands (<see cref="CaseWorkflow.AsItStands"/>) with every stored record.</summary>
    public static Case AsItStands(StoredCase stored, CaseState state) =>
        CaseWorkflow.AsItStands(CaseRepository.CaseOf(stored), state, Documents(stored));

    /// <summary>The engine's determination stored on a row; null where the engine has not run.</summary>
    public static Determination? EngineDetermination(StoredDetermination? row) =>
        row?.EngineJson is { } json ? JsonSerializer.Deserialize<Determination>(json, ImrJson.Compact) : null;

    /// <summary>The decision on a request, with the engine's guideline and criteria when it ran.</summary>
    public static Determination Decided(string request, Decision decision, string rationale, Determination? engine) =>
        engine is not null
            ? engine with { Decision = decision, Rationale = rationale }
            : new Determination(request, RequestParser.Parse(request).Service.ToString(), null, decision, null, [], rationale);

    /// <summary>
    /// The Final Determination Letter from the stored decisions on the case as it now stands, signed with
    /// the reviewer's credentials and dated <paramref name="date"/>; null while a request has no decision.
    /// </summary>
    public static Letter? ComposeLetter(StoredCase stored, CaseState state, StoredReviewer? reviewer, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var requests = stored.Requests.OrderBy(r => r.Ordinal).ToList();
        if (requests.Count == 0 || requests.Any(r => stored.Determinations.All(d => d.RequestOrdinal != r.Ordinal)))
        {
            return null;
        }

        var current = AsItStands(stored, state);
        var decided = new Review(current.CaseNumber, [.. requests.Select(r =>
        {
            var row = stored.Determinations.First(d => d.RequestOrdinal == r.Ordinal);
            return Decided(r.Description, Enum.Parse<Decision>(row.Decision), row.Rationale ?? "", EngineDetermination(row));
        })]);
        return DeterminationLetter.Compose(current, decided, date, reviewer is null ? null : new ReviewerCredentials(reviewer.Licensure, reviewer.Specialties));
    }
}
