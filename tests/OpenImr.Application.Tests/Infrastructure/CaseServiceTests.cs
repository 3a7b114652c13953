using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using OpenImr.Domain.Cases;
using OpenImr.Storage;
using OpenImr.Storage.Service;

namespace OpenImr.Application.Tests.Infrastructure;

/// <summary>
/// A suite of use cases written once and run on every provider: each test gets a database of its own
/// (a SQLite file, or a new PostgreSQL database), with a synthetic coordinator, reviewer and party,
/// a clock at a fixed instant, and the built-in criteria library.
/// </summary>
public abstract class CaseServiceTests : IAsyncLifetime
{
    /// <summary>17:00 UTC on 20 September 2016: 10:00 in California, a date the built-in MTUS edition covers.</summary>
    protected static readonly DateTimeOffset Start = new(2016, 9, 20, 17, 0, 0, TimeSpan.Zero);

    private DatabaseTarget? _target;

    protected DatabaseTarget Target => _target ?? throw new InvalidOperationException("The database is not set up yet.");

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected ClaimsPrincipal Coordinator { get; private set; } = new();

    protected ClaimsPrincipal Reviewer { get; private set; } = new();

    protected ClaimsPrincipal Party { get; private set; } = new();

    protected Guid ReviewerId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _target = await CreateTargetAsync();
        await _target.MigrateAsync(Cancel);
        var now = Clock.GetUtcNow();
        var coordinator = new ServiceUser { Id = Guid.NewGuid(), Name = "Synthetic Coordinator", Role = UserRoles.Coordinator, CreatedAt = now };
        var reviewer = new ServiceUser { Id = Guid.NewGuid(), Name = "Dr. Synthetic Reviewer", Role = UserRoles.Reviewer, CreatedAt = now };
        var party = new ServiceUser { Id = Guid.NewGuid(), Name = "Synthetic Applicant", Role = UserRoles.Party, CreatedAt = now };
        var stored = new StoredReviewer
        {
            Id = Guid.NewGuid(),
            UserId = reviewer.Id,
            User = reviewer,
            Name = reviewer.Name,
            Licensure = ["CA"],
            Specialties = ["Physical Medicine & Rehabilitation", "Occupational Medicine"],
            Affiliations = [],
            YearsOfPractice = 12,
            HoursPerWeek = 30,
            CreatedAt = now,
        };
        await using (var db = Target.CreateContext())
        {
            db.Users.AddRange(coordinator, party);
            db.Reviewers.Add(stored);
            await db.SaveChangesAsync(Cancel);
        }

        ReviewerId = stored.Id;
        Coordinator = Principal(coordinator);
        Reviewer = Principal(reviewer);
        Party = Principal(party);
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await DeleteTargetAsync(_target);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty database.</summary>
    protected abstract Task<DatabaseTarget> CreateTargetAsync();

    protected abstract Task DeleteTargetAsync(DatabaseTarget target);

    /// <summary>Runs <paramref name="use"/> on a database context of its own, as a host does for one request.</summary>
    protected async Task<T> WithAsync<T>(Func<CaseRepository, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var db = Target.CreateContext();
        return await use(new CaseRepository(db, Clock, CriteriaLibrary.Embedded));
    }

    /// <summary>Files <paramref name="submitted"/> (default <see cref="SyntheticCase"/>) as the coordinator and returns its id.</summary>
    protected async Task<Guid> FileAsync(Case? submitted = null)
    {
        var created = await WithAsync(cases => new CaseIntake(cases).FileAsync(submitted ?? SyntheticCase(), Coordinator, Cancel));
        Assert.True(created.Succeeded, created.Refusal);
        return created.Value!.Id;
    }

    /// <summary>Files a case and takes it to in review: screened eligible, assigned to the reviewer, records complete.</summary>
    protected async Task<Guid> InReviewAsync()
    {
        var id = await FileAsync();
        Assert.True((await WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, Coordinator, null, Cancel))).Succeeded);
        Assert.True((await WithAsync(cases => new ReviewerAssignment(cases).AssignAsync(id, ReviewerId, false, Coordinator, null, Cancel))).Succeeded);
        Assert.True((await WithAsync(cases => new RecordsCompletion(cases).CompleteAsync(id, Coordinator, null, Cancel))).Succeeded);
        return id;
    }

    /// <summary>The stored history of a case, oldest first: (action, detail).</summary>
    protected async Task<List<(string Action, string? Detail)>> HistoryAsync(Guid id)
    {
        await using var db = Target.CreateContext();
        return [.. db.AuditEntries.Where(a => a.CaseId == id).OrderBy(a => a.Id).Select(a => new { a.Action, a.Detail }).AsEnumerable().Select(a => (a.Action, a.Detail))];
    }

    /// <summary>
    /// A synthetic case (every person and firm invented for the test): one physical therapy request,
    /// a progress report that documents measured gains, filed 8 days after the UR decision.
    /// </summary>
    protected static Case SyntheticCase(int applicationDaysAfterDecision = 8)
    {
        var decision = new DateOnly(2016, 9, 12);
        return new Case
        {
            CaseNumber = $"TEST-{Guid.NewGuid():N}"[..16],
            Priority = "standard",
            Dates = new CaseDates { Injury = decision.AddMonths(-9), UrDenial = decision, ApplicationReceived = decision.AddDays(applicationDaysAfterDecision) },
            Patient = new CasePatient { Age = 44, Sex = "female" },
            Application = new CaseApplication { Signed = true, UrDecisionServed = decision, ServedBy = "electronic", UrDecisionAttached = true, ConditionalNonCertification = false },
            Parties = new CaseParties { Employer = "Synthetic Test Bakery", Insurer = "Synthetic Test Mutual", RequestingPhysician = "Dr. Synthetic Test Requester" },
            Requests = [new CaseRequest { Description = "Additional physical therapy 2 times a week for 3 weeks for the lumbar spine" }],
            Documents =
            [
                new CaseDocument
                {
                    Type = "progress-report",
                    Date = decision.AddDays(-18),
                    Text = "Synthetic test record. The patient, a pastry cook, hurt her low back lifting a flour sack at work.\n" +
                        "She has completed 6 sessions of physical therapy for the lumbar spine with documented functional improvement: " +
                        "her carrying tolerance rose from 8 to 20 pounds and her standing tolerance from 15 to 40 minutes.\n" +
                        "Pain is 4/10. Plan: continue physical therapy.",
                },
            ],
        };
    }

    private static ClaimsPrincipal Principal(ServiceUser user) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
            authenticationType: "test"));
}
