using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenImr.Application.Tests.Infrastructure;
using OpenImr.Domain.Cases;
using OpenImr.Storage;
using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests.Cases;

/// <summary>Adding a record goes through the Domain's rule (records only before the decision) with the caller's version.</summary>
public abstract class RecordAdditionTests : CaseServiceTests
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public async Task AddAsync_TextRecordWhileOpen_StoresItWithItsFactsAndBumpsTheVersion()
    {
        var id = await FileAsync();

        var added = await AddAsync(id, "Synthetic later note: she now walks 30 minutes without pain.", expectedVersion: 1);

        Assert.True(added.Succeeded, added.Refusal);
        Assert.Equal(1, added.Value!.Ordinal);
        Assert.Equal(RecordAddition.TextContentType, added.Value.ContentType);
        await using var db = Target.CreateContext();
        Assert.Equal(2, (await db.Cases.SingleAsync(c => c.Id == id, Cancel)).Version);
        Assert.Equal(CaseActions.DocumentAdded, (await HistoryAsync(id))[^1].Action);
    }

    [Fact]
    public async Task AddAsync_AfterTheLetterIsIssued_RefusedByTheDomainAndAudited()
    {
        var id = await IssuedAsync();

        var added = await AddAsync(id, "Synthetic record sent too late.", expectedVersion: null);

        Assert.Equal(OutcomeKind.Refused, added.Kind);
        Assert.Equal(WorkflowCodes.LetterIssued, added.Failure!.Code);
        Assert.Equal(CaseStep.AddRecords, added.Failure.Step);
        var last = (await HistoryAsync(id))[^1];
        Assert.Equal(CaseActions.StepRefused, last.Action);
        Assert.StartsWith("WFL002 add-records while letter-issued", last.Detail, StringComparison.Ordinal);
        await using var db = Target.CreateContext();
        Assert.Equal(1, await db.CaseDocuments.CountAsync(d => d.CaseId == id, Cancel));
    }

    [Fact]
    public async Task AddAsync_StaleVersion_IsStaleAndAddsNothing()
    {
        var id = await FileAsync();

        var added = await AddAsync(id, "Synthetic record.", expectedVersion: 7);

        Assert.Equal(OutcomeKind.Stale, added.Kind);
        await using var db = Target.CreateContext();
        Assert.Equal(1, await db.CaseDocuments.CountAsync(d => d.CaseId == id, Cancel));
    }

    [Fact]
    public async Task AddAsync_OverTheLimit_TooLargeBeforeItIsRead()
    {
        var id = await FileAsync();
        using var unreadable = new UnreadableStream();

        var added = await WithAsync(cases => new RecordAddition(cases).AddAsync(
            id, new RecordUpload("huge.txt", "text/plain", Limit + 1, unreadable, null, null), Limit, Coordinator, null, Cancel));

        Assert.Equal(OutcomeKind.TooLarge, added.Kind);
        Assert.Contains("huge.txt", added.Detail, StringComparison.Ordinal);
        Assert.Contains(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), added.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_PdfNameButNotAPdf_BadInputNamingTheFile()
    {
        var id = await FileAsync();

        var added = await WithAsync(cases =>
        {
            var bytes = Encoding.UTF8.GetBytes("plain words, not a PDF");
            return new RecordAddition(cases).AddAsync(id, new RecordUpload("scan.pdf", "application/pdf", bytes.Length, new MemoryStream(bytes), null, null), Limit, Coordinator, null, Cancel);
        });

        Assert.Equal(OutcomeKind.BadInput, added.Kind);
        Assert.Contains("'scan.pdf' claims to be a PDF", added.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_BadDateAndControlCharacterInType_InvalidNamingBothFields()
    {
        var id = await FileAsync();
        var bytes = Encoding.UTF8.GetBytes("Synthetic record.");

        var added = await WithAsync(cases => new RecordAddition(cases).AddAsync(
            id, new RecordUpload("note.txt", "text/plain", bytes.Length, new MemoryStream(bytes), "progress\0report", "2016-13-40"), Limit, Coordinator, null, Cancel));

        Assert.Equal(OutcomeKind.Invalid, added.Kind);
        Assert.Equal(["date", "type"], added.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private Task<CaseOutcome<DocumentView>> AddAsync(Guid id, string text, int? expectedVersion)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return WithAsync(cases => new RecordAddition(cases).AddAsync(
            id, new RecordUpload("later-note.txt", "text/plain", bytes.Length, new MemoryStream(bytes), "progress-report", "2016-09-15"), Limit, Coordinator, expectedVersion, Cancel));
    }

    private async Task<Guid> IssuedAsync()
    {
        var id = await InReviewAsync();
        var review = await WithAsync(cases => new EngineReview(cases).RunAsync(id, Reviewer, null, Cancel));
        Assert.True(review.Succeeded, review.Refusal);
        var decided = await WithAsync(cases => new ReviewerDecisions(cases).DecideAsync(
            id, [new GivenDecision(review.Value!.Determinations[0].Request, "Upheld", "Synthetic rationale: the records reviewed do not show the conditions are met.")], Reviewer, null, Cancel));
        Assert.True(decided.Succeeded, decided.Refusal);
        var issued = await WithAsync(cases => new LetterIssuance(cases).IssueAsync(id, Reviewer, null, Cancel));
        Assert.True(issued.Succeeded, issued.Refusal);
        return id;
    }

    /// <summary>A stream whose reading fails the test: proof that a record over the limit is never read.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The record over the limit was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The record over the limit was read.");
    }
}

public sealed class SqliteRecordAdditionTests : RecordAdditionTests
{
    private readonly TempSqliteFolder _database = new("imr-app-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}

public sealed class PostgresRecordAdditionTests(PostgresServer server) : RecordAdditionTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() => DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_app"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
