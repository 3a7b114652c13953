using System.Net;
using OpenImr.Documents.Letters;
using OpenImr.Storage;
using OpenImr.Web.Tests.Features.Letters;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests;

/// <summary>
/// The core flow over a real database, written once and run on SQLite and PostgreSQL: make a
/// reviewer and a party, file a case, upload a PDF record, upload letters and search them; then
/// restart the server on the same database and find everything again.
/// </summary>
public abstract class ServerFlowTests
{
    protected abstract Task<DatabaseTarget> CreateTargetAsync();

    protected abstract Task DeleteTargetAsync(DatabaseTarget target);

    [Fact]
    public async Task CoreFlow_RestartOnSameDatabase_FindsEverythingAgain()
    {
        var target = await CreateTargetAsync();
        try
        {
            Guid caseId;
            string reviewerToken, partyToken;
            await using (var server = await ImrServer.StartAsync(target))
            {
                reviewerToken = await server.CreateUserAsync("reviewer", "Dr Flow Reviewer");
                partyToken = await server.CreateUserAsync("party", "Flow Party");
                caseId = await server.Client(partyToken).CreateCaseAsync("CM-TEST-FLOW-0001");

                var pdf = LetterDocuments.Pdf(TestCases.Letter("CM-TEST-FLOW-PDF"));
                using (var form = Http.File(pdf, "records.pdf", "application/pdf"))
                {
                    using var upload = await server.Client(partyToken).PostAsync($"/api/cases/{caseId}/documents", form, Http.Cancel);
                    await upload.ExpectAsync(HttpStatusCode.Created);
                }

                var letters = await LetterEndpointsTests.UploadLettersAsync(server.Client());
                Assert.Equal(LetterEndpointsTests.StoredLetters, letters.GetProperty("inserted").GetInt32());
                using var search = await server.Client(reviewerToken).GetAsync("/api/letters?q=work%20conditioning", Http.Cancel);
                Assert.True((await search.ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32() >= 1);
            }

            await using (var restarted = await ImrServer.StartAsync(target, bootstrapToken: "imr_ignored_once_users_exist"))
            {
                using var view = await restarted.Client(partyToken).GetAsync($"/api/cases/{caseId}", Http.Cancel);
                var stored = await view.ExpectAsync(HttpStatusCode.OK);
                Assert.Equal("CM-TEST-FLOW-0001", stored.GetProperty("caseNumber").GetString());
                var documents = stored.GetProperty("documents").EnumerateArray().ToList();
                Assert.Equal(3, documents.Count);
                Assert.Equal("application/pdf", documents[2].GetProperty("contentType").GetString());
                Assert.True(documents[2].GetProperty("textLength").GetInt32() > 100);
                Assert.Equal(["case.created", "case.document-added"],
                    stored.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToArray());

                using var search = await restarted.Client(reviewerToken).GetAsync("/api/letters?q=work%20conditioning", Http.Cancel);
                Assert.True((await search.ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32() >= 1);
                using var letter = await restarted.Client(reviewerToken).GetAsync("/api/letters/CM15-0174261", Http.Cancel);
                await letter.ExpectAsync(HttpStatusCode.OK);
                using var stats = await restarted.Client().GetAsync("/api/stats", Http.Cancel);
                Assert.Equal(LetterEndpointsTests.StoredLetters, (await stats.ExpectAsync(HttpStatusCode.OK)).GetProperty("letters").GetInt32());
                using var ignored = await restarted.Client("imr_ignored_once_users_exist").GetAsync("/api/stats", Http.Cancel);
                await ignored.ExpectAsync(HttpStatusCode.Unauthorized);
            }
        }
        finally
        {
            await DeleteTargetAsync(target);
        }
    }
}

public sealed class SqliteServerFlowTests : ServerFlowTests, IDisposable
{
    private readonly TempSqlite _database = new();

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target) => Task.CompletedTask;

    public void Dispose() => _database.Dispose();
}

public sealed class PostgresServerFlowTests(OpenImr.Tests.Shared.PostgresServer server) : ServerFlowTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_web"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
