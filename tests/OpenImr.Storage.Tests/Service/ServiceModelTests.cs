using Microsoft.EntityFrameworkCore;
using OpenImr.Storage.Service;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Service;

/// <summary>The service tables, written once and run on every provider: round trips and optimistic concurrency.</summary>
public abstract class ServiceModelTests : DatabaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected override bool Migrate => true;

    private async Task<Guid> SeedCaseAsync()
    {
        var party = new ServiceUser { Id = Guid.NewGuid(), Name = "Synthetic Party", Role = UserRoles.Party, CreatedAt = Now };
        party.Tokens.Add(new ApiToken { TokenHash = new string('a', 64), CreatedAt = Now });
        var reviewerUser = new ServiceUser { Id = Guid.NewGuid(), Name = "Dr Synthetic", Role = UserRoles.Reviewer, CreatedAt = Now };
        var reviewer = new StoredReviewer
        {
            Id = Guid.NewGuid(),
            UserId = reviewerUser.Id,
            User = reviewerUser,
            Name = "Dr Synthetic",
            Licensure = ["CA", "NY"],
            Specialties = ["Occupational Medicine"],
            Affiliations = ["Synthetic Clinic"],
            YearsOfPractice = 10,
            HoursPerWeek = 8,
            CreatedAt = Now,
        };
        var stored = new StoredCase
        {
            Id = Guid.NewGuid(),
            CaseNumber = "CM-TEST-SVC-0001",
            CaseJson = "{}",
            Priority = "expedited",
            InjuryDate = new DateOnly(2015, 5, 14),
            PartyUserId = party.Id,
            AssignedReviewer = reviewer,
            CreatedAt = Now,
            UpdatedAt = Now,
            Version = 1,
        };
        stored.Requests.Add(new StoredCaseRequest { Ordinal = 0, Description = "10 work conditioning sessions" });
        stored.Documents.Add(new StoredCaseDocument { Ordinal = 0, FileName = "a.pdf", Content = [0x25, 0x50, 0x44, 0x46], Text = "Synthetic.", AddedAt = Now });

        await using var db = Target.CreateContext();
        db.Users.Add(party);
        db.Cases.Add(stored);
        await db.SaveChangesAsync(Cancel);
        return stored.Id;
    }

    [Fact]
    public async Task Case_SavedWithChildren_ReadsBackWhole()
    {
        var id = await SeedCaseAsync();

        await using var db = Target.CreateContext();
        var stored = await db.Cases.AsNoTracking().Include(c => c.Requests).Include(c => c.Documents).Include(c => c.AssignedReviewer)
            .SingleAsync(c => c.Id == id, Cancel);

        Assert.Equal("expedited", stored.Priority);
        Assert.Equal(CaseStatuses.Received, stored.Status);
        Assert.Equal("10 work conditioning sessions", Assert.Single(stored.Requests).Description);
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46 }, Assert.Single(stored.Documents).Content);
        Assert.Equal(["CA", "NY"], stored.AssignedReviewer!.Licensure);
    }

    [Fact]
    public async Task Case_StaleVersion_FailsWithConcurrencyException()
    {
        var id = await SeedCaseAsync();
        await using var first = Target.CreateContext();
        await using var second = Target.CreateContext();
        var mine = await first.Cases.SingleAsync(c => c.Id == id, Cancel);
        var theirs = await second.Cases.SingleAsync(c => c.Id == id, Cancel);

        mine.Status = CaseStatuses.AwaitingRecords;
        mine.Version++;
        await first.SaveChangesAsync(Cancel);
        theirs.Status = CaseStatuses.Ineligible;
        theirs.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Cancel));
    }

    [Fact]
    public async Task ApiToken_DuplicateHash_IsRejected()
    {
        await SeedCaseAsync();
        await using var db = Target.CreateContext();
        var user = new ServiceUser { Id = Guid.NewGuid(), Name = "Copycat", Role = UserRoles.Party, CreatedAt = Now };
        user.Tokens.Add(new ApiToken { TokenHash = new string('a', 64), CreatedAt = Now });
        db.Users.Add(user);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
    }
}

public sealed class SqliteServiceModelTests : ServiceModelTests
{
    private readonly TempSqliteFolder _folder = new("imr-svc-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

public sealed class PostgresServiceModelTests(PostgresServer server) : ServiceModelTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() => DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_service"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
