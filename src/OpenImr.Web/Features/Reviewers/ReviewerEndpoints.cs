using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.Users;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Reviewers;

/// <summary><c>POST /api/reviewers</c>: an administrator adds a physician reviewer, who gets an API token of their own.</summary>
internal static class ReviewerEndpoints
{
    public static RouteGroupBuilder MapReviewerEndpoints(this RouteGroupBuilder api)
    {
        var reviewers = api.MapGroup("/reviewers").WithTags("Reviewers");
        reviewers.MapPost("/", CreateReviewer).WithName("CreateReviewer").RequireAuthorization(Policies.Administrator);
        reviewers.MapGet("/", ListReviewers).WithName("ListReviewers").RequireAuthorization(Policies.Staff);
        return api;
    }

    public static async Task<Results<Created<ReviewerCreated>, ValidationProblem>> CreateReviewer(
        CreateReviewerRequest request, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var licensure = new List<string>();
        var given = request.Licensure ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (UsStates.Code(given[i] ?? "") is { } code)
            {
                licensure.Add(code);
            }
            else
            {
                errors[$"licensure[{i}]"] = [$"'{given[i]}' is not a US state name or two-letter code."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (user, token) = UserEndpoints.NewUser(request.Name!.Trim(), UserRoles.Reviewer, clock);
        var reviewer = new StoredReviewer
        {
            Id = Guid.CreateVersion7(user.CreatedAt),
            UserId = user.Id,
            User = user,
            Name = user.Name,
            Licensure = [.. licensure.Distinct(StringComparer.Ordinal)],
            Specialties = Clean(request.Specialties),
            Affiliations = Clean(request.Affiliations),
            YearsOfPractice = request.YearsOfPractice,
            HoursPerWeek = request.HoursPerWeek,
            CreatedAt = user.CreatedAt,
        };
        db.Reviewers.Add(reviewer);
        db.Record(clock, caller, "reviewer.created", detail: $"{reviewer.Name}; {string.Join(", ", reviewer.Specialties)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/reviewers/{reviewer.Id}", new ReviewerCreated(reviewer.Id, token));
    }

    /// <summary>Every reviewer with the credentials assignment reads, by name.</summary>
    public static async Task<Ok<List<ReviewerView>>> ListReviewers(ImrDbContext db, CancellationToken cancellationToken)
    {
        var reviewers = await db.Reviewers.AsNoTracking()
            .OrderBy(r => r.Name)
            .ThenBy(r => r.Id)
            .Select(r => new ReviewerView(r.Id, r.Name, r.Licensure, r.Specialties, r.Affiliations, r.YearsOfPractice, r.HoursPerWeek))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(reviewers);
    }

    private static List<string> Clean(IReadOnlyList<string?>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed class CreateReviewerRequest
{
    [Required(AllowEmptyStrings = false)]
    [StringLength(256)]
    public string? Name { get; init; }

    /// <summary>The states where the reviewer is licensed (codes or names; stored as two-letter codes).</summary>
    public IReadOnlyList<string?>? Licensure { get; init; }

    public IReadOnlyList<string?>? Specialties { get; init; }

    /// <summary>Employers, insurers, practices and facilities the reviewer is tied to.</summary>
    public IReadOnlyList<string?>? Affiliations { get; init; }

    [Range(0, 80)]
    public int? YearsOfPractice { get; init; }

    [Range(0, 168)]
    public int? HoursPerWeek { get; init; }
}

/// <param name="Token">The reviewer's own API token, shown only in this response.</param>
public sealed record ReviewerCreated(Guid Id, string Token);

public sealed record ReviewerView(
    Guid Id, string Name, IReadOnlyList<string> Licensure, IReadOnlyList<string> Specialties, IReadOnlyList<string> Affiliations, int? YearsOfPractice, int? HoursPerWeek);
