using System.Security.Claims;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Service;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Demo;

/// <summary>
/// Loads the demo into a new database: one made-up user per role, three reviewers (one who fits,
/// one with a conflict, one not qualified), the five seed letters in the letter corpus, and
/// synthetic cases in each state. Every case goes through the same workflow steps the API takes,
/// some of them dated in the past so that the clocks show days left and one case is overdue.
/// </summary>
internal static class DemoSeeder
{
    public const string ConflictedEmployer = "Synthetic Logistics Inc.";

    public static async Task SeedAsync(WebAppOptions options, CriteriaLibrary criteria, LetterStore letters, CancellationToken cancellationToken)
    {
        var clock = options.TimeProvider;
        var now = clock.GetUtcNow();
        await using (var db = options.Database.CreateContext())
        {
            foreach (var user in DemoUsers.All.Where(u => u.Role != UserRoles.Reviewer))
            {
                db.Users.Add(NewUser(user, now));
            }

            var reviewerUser = NewUser(DemoUsers.Reviewer, now);
            db.Users.Add(reviewerUser);
            db.Reviewers.Add(NewReviewer(reviewerUser, ["CA"], ["Physical Medicine & Rehabilitation", "Occupational Medicine"], [], 14, now));
            db.Reviewers.Add(NewReviewer(NewUser(new DemoUser("Dr. Synthetic Reviewer B", UserRoles.Reviewer, ApiTokens.Generate()), now),
                ["CA", "NV"], ["Occupational Medicine"], [ConflictedEmployer], 9, now));
            db.Reviewers.Add(NewReviewer(NewUser(new DemoUser("Dr. Synthetic Reviewer C", UserRoles.Reviewer, ApiTokens.Generate()), now),
                ["CA"], ["Orthopaedic Surgery"], [], 3, now));
            db.Record(clock, null, "demo.loaded", detail: "demo users and reviewers (synthetic)");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await letters.UpsertAsync(SeedLetters(), cancellationToken).ConfigureAwait(false);
        await SeedCasesAsync(options, criteria, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the demo's users are in the database (so the sign-in page may offer them).</summary>
    public static bool IsLoaded(ImrDbContext db)
    {
        var hash = ApiTokens.Hash(DemoUsers.Coordinator.Token);
        return db.ApiTokens.Any(t => t.TokenHash == hash && t.RevokedAt == null);
    }

    private static async Task SeedCasesAsync(WebAppOptions options, CriteriaLibrary criteria, CancellationToken cancellationToken)
    {
        var coordinator = await PrincipalAsync(options, DemoUsers.Coordinator, cancellationToken).ConfigureAwait(false);
        var reviewer = await PrincipalAsync(options, DemoUsers.Reviewer, cancellationToken).ConfigureAwait(false);
        Guid reviewerA;
        await using (var db = options.Database.CreateContext())
        {
            var userId = reviewer.UserId();
            reviewerA = db.Reviewers.Single(r => r.UserId == userId).Id;
        }

        var decision = new DateOnly(2016, 9, 12);
        string[] both = [DemoCases.PhysicalTherapy, DemoCases.WorkConditioning];
        string[] therapy = [DemoCases.PhysicalTherapy];

        // New: just received.
        var steps = new Steps(options, criteria, coordinator, reviewer, cancellationToken);
        await steps.CreateAsync(DemoCases.Create(1, "Synthetic Foods LLC", decision, 8, both, DemoCases.TherapyWithGains(1), DemoCases.DeniedBoth()), daysAgo: 0).ConfigureAwait(false);

        // Awaiting records: eligible and assigned five days ago.
        var awaiting = await steps.CreateAsync(DemoCases.Create(2, ConflictedEmployer, decision, 10, therapy, DemoCases.TherapyWithoutOutcome(2), DemoCases.DeniedTherapy()), daysAgo: 6).ConfigureAwait(false);
        await steps.ScreenAsync(awaiting, daysAgo: 6).ConfigureAwait(false);
        await steps.AssignAsync(awaiting, null, daysAgo: 5).ConfigureAwait(false);

        // In review: records complete eight days ago.
        var inReview = await steps.CreateAsync(DemoCases.Create(3, "Synthetic Warehouse Co.", decision, 7, both, DemoCases.TherapyWithGains(3), DemoCases.DeniedBoth()), daysAgo: 14).ConfigureAwait(false);
        await steps.ScreenAsync(inReview, daysAgo: 13).ConfigureAwait(false);
        await steps.AssignAsync(inReview, reviewerA, daysAgo: 12).ConfigureAwait(false);
        await steps.CompleteRecordsAsync(inReview, daysAgo: 8).ConfigureAwait(false);

        // Overdue: records complete fifty days ago, the determination is late.
        var overdue = await steps.CreateAsync(DemoCases.Create(4, "Synthetic Freight Co.", decision, 12, therapy, DemoCases.TherapyWithoutOutcome(4), DemoCases.DeniedTherapy()), daysAgo: 70).ConfigureAwait(false);
        await steps.ScreenAsync(overdue, daysAgo: 69).ConfigureAwait(false);
        await steps.AssignAsync(overdue, reviewerA, daysAgo: 68).ConfigureAwait(false);
        await steps.CompleteRecordsAsync(overdue, daysAgo: 50).ConfigureAwait(false);

        // Decided and issued: the engine's recommendations accepted, the letter sent.
        var issued = await steps.CreateAsync(DemoCases.Create(5, "Synthetic Retail Group", decision, 9, both, DemoCases.TherapyWithGains(5), DemoCases.DeniedBoth()), daysAgo: 40).ConfigureAwait(false);
        await steps.ScreenAsync(issued, daysAgo: 39).ConfigureAwait(false);
        await steps.AssignAsync(issued, reviewerA, daysAgo: 38).ConfigureAwait(false);
        await steps.CompleteRecordsAsync(issued, daysAgo: 30).ConfigureAwait(false);
        await steps.ReviewAndIssueAsync(issued, daysAgo: 4).ConfigureAwait(false);

        // Ineligible: the application came two months after the UR decision.
        var late = await steps.CreateAsync(DemoCases.Create(6, "Synthetic Foods LLC", decision, 61, therapy, DemoCases.TherapyWithoutOutcome(6), DemoCases.DeniedTherapy()), daysAgo: 3).ConfigureAwait(false);
        await steps.ScreenAsync(late, daysAgo: 2).ConfigureAwait(false);
    }

    private static IEnumerable<Letter> SeedLetters()
    {
        var assembly = typeof(DemoSeeder).Assembly;
        const string prefix = "OpenImr.Web.Demo.Seeds.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = name[prefix.Length..];
            if (LetterFileReader.Read(buffer.ToArray(), file).Letter is { } letter)
            {
                // Note that most seed texts lost their case number in redaction; the corpus needs a key, so the demo names them by file.
                yield return string.IsNullOrWhiteSpace(letter.CaseNumber) ? letter with { CaseNumber = $"SEED-{Path.GetFileNameWithoutExtension(file)[..3]}" } : letter;
            }
        }
    }

    private static ServiceUser NewUser(DemoUser demo, DateTimeOffset now)
    {
        var user = new ServiceUser { Id = Guid.CreateVersion7(now), Name = demo.Name, Role = demo.Role, CreatedAt = now };
        user.Tokens.Add(new ApiToken { TokenHash = ApiTokens.Hash(demo.Token), CreatedAt = now });
        return user;
    }

    private static StoredReviewer NewReviewer(ServiceUser user, List<string> licensure, List<string> specialties, List<string> affiliations, int years, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = user.Id,
        User = user,
        Name = user.Name,
        Licensure = licensure,
        Specialties = specialties,
        Affiliations = affiliations,
        YearsOfPractice = years,
        HoursPerWeek = 30,
        CreatedAt = now,
    };

    private static async Task<ClaimsPrincipal> PrincipalAsync(WebAppOptions options, DemoUser user, CancellationToken cancellationToken)
    {
        await using var db = options.Database.CreateContext();
        return await TokenUsers.PrincipalAsync(db, user.Token, BrowserSignIn.SchemeName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The demo user {user.Name} was not saved.");
    }

    /// <summary>The workflow steps, each taken by the application's use case as the API takes it, on a clock set back by some days.</summary>
    private sealed class Steps(WebAppOptions options, CriteriaLibrary criteria, ClaimsPrincipal coordinator, ClaimsPrincipal reviewer, CancellationToken cancellationToken)
    {
        public Task<Guid> CreateAsync(Case submitted, int daysAgo) =>
            TakeAsync(daysAgo, async cases => Expect(await new CaseIntake(cases).FileAsync(submitted, coordinator, cancellationToken).ConfigureAwait(false), submitted.CaseNumber).Id);

        public Task<EligibilityView> ScreenAsync(Guid id, int daysAgo) =>
            TakeAsync(daysAgo, async cases => Expect(await new EligibilityScreening(cases).ScreenAsync(id, coordinator, null, cancellationToken).ConfigureAwait(false), id));

        public Task<AssignmentView> AssignAsync(Guid id, Guid? reviewerId, int daysAgo) =>
            TakeAsync(daysAgo, async cases => Expect(await new ReviewerAssignment(cases).AssignAsync(id, reviewerId, electronically: false, coordinator, null, cancellationToken).ConfigureAwait(false), id));

        public Task<ClockView> CompleteRecordsAsync(Guid id, int daysAgo) =>
            TakeAsync(daysAgo, async cases => Expect(await new RecordsCompletion(cases).CompleteAsync(id, coordinator, null, cancellationToken).ConfigureAwait(false), id));

        /// <summary>The reviewer runs the engine, accepts every recommendation that is a decision, and issues the letter.</summary>
        public async Task ReviewAndIssueAsync(Guid id, int daysAgo)
        {
            var review = await TakeAsync(daysAgo, async cases => Expect(await new EngineReview(cases).RunAsync(id, reviewer, null, cancellationToken).ConfigureAwait(false), id)).ConfigureAwait(false);
            List<GivenDecision?> decisions = [.. review.Determinations.Select(d => new GivenDecision(
                d.Request,
                d.Decision == Decision.NoRecommendation ? nameof(Decision.Upheld) : d.Decision.ToString(),
                d.Decision == Decision.NoRecommendation ? "Synthetic demo rationale: the records do not show the criteria for this service are met." : null))];
            await TakeAsync(daysAgo, async cases => Expect(await new ReviewerDecisions(cases).DecideAsync(id, decisions, reviewer, null, cancellationToken).ConfigureAwait(false), id)).ConfigureAwait(false);
            await TakeAsync(daysAgo, async cases => Expect(await new LetterIssuance(cases).IssueAsync(id, reviewer, null, cancellationToken).ConfigureAwait(false), id)).ConfigureAwait(false);
        }

        private async Task<T> TakeAsync<T>(int daysAgo, Func<CaseRepository, Task<T>> step)
        {
            await using var db = options.Database.CreateContext();
            return await step(new CaseRepository(db, Ago(daysAgo), criteria)).ConfigureAwait(false);
        }

        private TimeProvider Ago(int days) => days == 0 ? options.TimeProvider : new ShiftedClock(options.TimeProvider, TimeSpan.FromDays(-days));

        private static T Expect<T>(CaseOutcome<T> outcome, object? subject) =>
            outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"The demo could not be loaded: a step on {subject} answered {outcome.Refusal}");
    }

    /// <summary>The server's clock moved by a fixed offset, to date a demo step in the past.</summary>
    private sealed class ShiftedClock(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    }
}
