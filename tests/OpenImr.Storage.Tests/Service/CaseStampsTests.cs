using OpenImr.Storage.Service;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Service;

/// <summary>The case stamp read in plain SQL, written once and run on every provider: the version, the latest audit line, and who may see the case.</summary>
public abstract class CaseStampsTests : DatabaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected override bool Migrate => true;

    [Fact]
    public async Task ReadAsync_AfterAnAuditLine_ReturnsTheVersionAndTheLatestLine()
    {
        var (caseId, _, _) = await SeedAsync();
        long lastAudit;
        await using (var db = Target.CreateContext())
        {
            var entry = new AuditEntry { CaseId = caseId, Actor = "synthetic", Action = "case.step-refused", At = Now };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(Cancel);
            lastAudit = entry.Id;
        }

        await using var reader = Target.CreateContext();
        var stamp = await CaseStamps.ReadAsync(reader, caseId, CaseVisibility.All, Guid.Empty, Cancel);

        Assert.Equal((3, (long?)lastAudit), stamp);
    }

    [Fact]
    public async Task ReadAsync_ByVisibility_SeesOnlyTheAssignedReviewerAndTheFilingParty()
    {
        var (caseId, partyId, reviewerUserId) = await SeedAsync();
        await using var db = Target.CreateContext();

        Assert.NotNull(await CaseStamps.ReadAsync(db, caseId, CaseVisibility.AssignedReviewer, reviewerUserId, Cancel));
        Assert.NotNull(await CaseStamps.ReadAsync(db, caseId, CaseVisibility.FiledBy, partyId, Cancel));
        Assert.Null(await CaseStamps.ReadAsync(db, caseId, CaseVisibility.AssignedReviewer, partyId, Cancel));
        Assert.Null(await CaseStamps.ReadAsync(db, caseId, CaseVisibility.FiledBy, reviewerUserId, Cancel));
        Assert.Null(await CaseStamps.ReadAsync(db, caseId, CaseVisibility.None, partyId, Cancel));
        Assert.Null(await CaseStamps.ReadAsync(db, Guid.NewGuid(), CaseVisibility.All, Guid.Empty, Cancel));
    }

    private async Task<(Guid Case, Guid Party, Guid ReviewerUser)> SeedAsync()
    {
        var party = new ServiceUser { Id = Guid.NewGuid(), Name = "Synthetic Party", Role = UserRoles.Party, CreatedAt = Now };
        var reviewerUser = new ServiceUser { Id = Guid.NewGuid(), Name = "Dr Synthetic Stamp", Role = UserRoles.Reviewer, CreatedAt = Now };
        var stored = new StoredCase
        {
            Id = Guid.NewGuid(),
            CaseNumber = "CM-TEST-STAMP-0001",
            CaseJson = "{}",
            PartyUserId = party.Id,
            AssignedReviewer = new StoredReviewer { Id = Guid.NewGuid(), UserId = reviewerUser.Id, User = reviewerUser, Name = "Dr Synthetic Stamp", CreatedAt = Now },
            CreatedAt = Now,
            UpdatedAt = Now,
            Version = 3,
        };
        await using var db = Target.CreateContext();
        db.Users.Add(party);
        db.Cases.Add(stored);
        await db.SaveChangesAsync(Cancel);
        return (stored.Id, party.Id, reviewerUser.Id);
    }
}

public sealed class SqliteCaseStampsTests : CaseStampsTests
{
    private readonly TempSqliteFolder _folder = new("imr-stamp-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

public sealed class PostgresCaseStampsTests(PostgresServer server) : CaseStampsTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() => DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_stamps"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
