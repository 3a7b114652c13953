using System.Net;
using System.Text.Json;
using OpenImr.Documents.Letters;
using OpenImr.Storage;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>
/// A case from intake to the issued Final Determination Letter through the API, with the server
/// restarted half way on the same database; written once and run on SQLite and PostgreSQL.
/// </summary>
public abstract class WorkflowFlowTests
{
    protected abstract Task<DatabaseTarget> CreateTargetAsync();

    protected abstract Task DeleteTargetAsync(DatabaseTarget target);

    [Fact]
    public async Task Workflow_IntakeToIssuedLetterAcrossRestart_IssuesTheReviewersDecisions()
    {
        var target = await CreateTargetAsync();
        try
        {
            Guid caseId, reviewerId;
            string reviewerToken, partyToken, coordinatorToken;
            await using (var server = await ImrServer.StartAsync(target))
            {
                (reviewerId, reviewerToken) = await server.CreateReviewerAsync("Dr Synthetic Flow");
                await server.CreateReviewerAsync("Dr Synthetic Unqualified", years: 3);
                await server.CreateReviewerAsync("Dr Synthetic Conflicted", affiliations: ["Synthetic Insurer, Inc."]);
                coordinatorToken = await server.CreateUserAsync("coordinator", "Flow Coordinator");
                partyToken = await server.CreateUserAsync("party", "Flow Party");
                caseId = await server.Client(partyToken).CreateCaseAsync("CM-TEST-WFL-0001");

                var coordinator = server.Client(coordinatorToken);
                var eligibility = await coordinator.PostStepAsync(caseId, "eligibility", HttpStatusCode.OK);
                Assert.True(eligibility.GetProperty("eligible").GetBoolean());
                Assert.Empty(eligibility.GetProperty("reasons").EnumerateArray());
                var assignment = await coordinator.PostStepAsync(caseId, "assignment", HttpStatusCode.OK);
                Assert.Equal(reviewerId, assignment.GetProperty("reviewerId").GetGuid());
                Assert.Equal("awaiting-records", assignment.GetProperty("status").GetString());
            }

            await using (var restarted = await ImrServer.StartAsync(target))
            {
                var complete = await restarted.Client(coordinatorToken).PostStepAsync(caseId, "records-complete", HttpStatusCode.OK);
                Assert.Equal("in-review", complete.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.String, complete.GetProperty("deadlines").GetProperty("determinationDue").ValueKind);
                Assert.Contains(complete.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("clock").GetString() == "determination");

                var reviewer = restarted.Client(reviewerToken);
                var review = await reviewer.PostStepAsync(caseId, "review", HttpStatusCode.OK);
                Assert.Equal("CM-TEST-WFL-0001", review.GetProperty("caseNumber").GetString());
                var engine = review.GetProperty("determinations").EnumerateArray().Select(d => d.GetProperty("decision").GetString()!).ToArray();
                Assert.Equal(2, engine.Length);

                using (var early = await restarted.Client(partyToken).GetAsync($"/api/cases/{caseId}/letter?format=pdf", Http.Cancel))
                {
                    await early.ExpectAsync(HttpStatusCode.NotFound);
                }

                var decided = await reviewer.PutDecisionsAsync(caseId, Workflow.Decisions(engine), HttpStatusCode.OK);
                Assert.Equal("decided", decided.GetProperty("status").GetString());
                var issued = await reviewer.PostStepAsync(caseId, "letter", HttpStatusCode.Created);
                Assert.Equal("letter-issued", issued.GetProperty("status").GetString());
                var again = await reviewer.PostStepAsync(caseId, "letter", HttpStatusCode.Conflict);
                Assert.Equal("WFL002", again.GetProperty("code").GetString());

                using var pdf = await restarted.Client(partyToken).GetAsync($"/api/cases/{caseId}/letter?format=pdf", Http.Cancel);
                Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
                Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
                var parsed = LetterFileReader.Read(await pdf.Content.ReadAsByteArrayAsync(Http.Cancel), "issued.pdf");
                Assert.True(parsed.Succeeded, parsed.FirstError);
                var letter = parsed.Letter!;
                Assert.Equal("CM-TEST-WFL-0001", letter.CaseNumber);
                Assert.Equal(
                    [(engine[0] == "NoRecommendation" ? "Upheld" : engine[0]), "Overturned"],
                    letter.Items.Select(i => i.Decision.ToString()).ToArray());
                Assert.Equal(["10 work conditioning sessions", "MRI of the lumbar spine"], letter.Items.Select(i => i.Request).ToArray());
                Assert.Contains("CA", letter.Reviewer.Licensure);
                Assert.Contains("Occupational Medicine", letter.Reviewer.Specialties);
                Assert.Contains("red flags documented", letter.Items[1].Rationale, StringComparison.Ordinal);

                foreach (var format in new[] { "html", "text", "markdown" })
                {
                    using var rendered = await restarted.Client(partyToken).GetAsync($"/api/cases/{caseId}/letter?format={format}", Http.Cancel);
                    Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
                    Assert.Contains("MRI of the lumbar spine", await rendered.Content.ReadAsStringAsync(Http.Cancel), StringComparison.Ordinal);
                }

                // Note that the party reads the steps without the IRO's internal choices: no refused step, staff and reviewer by role.
                var partyView = await restarted.Client(partyToken).GetCaseAsync(caseId);
                Assert.Equal("letter-issued", partyView.GetProperty("status").GetString());
                Assert.Equal(
                    ["case.created", "case.eligible", "case.assigned", "case.records-complete", "case.reviewed", "case.decided", "case.letter-issued"],
                    partyView.History());
                Assert.Equal("coordinator", partyView.GetProperty("history")[1].GetProperty("actor").GetString());
                Assert.Equal("reviewer", partyView.GetProperty("history")[6].GetProperty("actor").GetString());

                var view = await restarted.Client(coordinatorToken).GetCaseAsync(caseId);
                Assert.Equal(
                    ["case.created", "case.eligible", "case.assigned", "case.records-complete", "case.reviewed", "case.decided", "case.letter-issued", "case.step-refused"],
                    view.History());
                Assert.StartsWith("WFL002 issue-letter", view.GetProperty("history").EnumerateArray().Last().GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.All(view.GetProperty("history").EnumerateArray(), h =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("libraryVersion").GetString()));
                    Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("actor").GetString()));
                });
                Assert.Contains("Flow Coordinator", view.GetProperty("history")[1].GetProperty("actor").GetString(), StringComparison.Ordinal);
                Assert.Contains("Dr Synthetic Flow", view.GetProperty("history")[6].GetProperty("actor").GetString(), StringComparison.Ordinal);
                Assert.NotNull(letter.Dates.Assigned);

                var strangerToken = await restarted.CreateUserAsync("party", "Another Party");
                using var stranger = await restarted.Client(strangerToken).GetAsync($"/api/cases/{caseId}/letter?format=pdf", Http.Cancel);
                await stranger.ExpectAsync(HttpStatusCode.NotFound);
                var (_, otherReviewerToken) = await restarted.CreateReviewerAsync("Dr Synthetic Not Assigned");
                using var otherReviewer = await restarted.Client(otherReviewerToken).GetAsync($"/api/cases/{caseId}/letter?format=text", Http.Cancel);
                await otherReviewer.ExpectAsync(HttpStatusCode.NotFound);
                var closed = await reviewer.PutDecisionsAsync(caseId, Workflow.Decisions(engine), HttpStatusCode.Conflict);
                Assert.Equal("WFL002", closed.GetProperty("code").GetString());
            }
        }
        finally
        {
            await DeleteTargetAsync(target);
        }
    }
}

public sealed class SqliteWorkflowFlowTests : WorkflowFlowTests, IDisposable
{
    private readonly TempSqlite _database = new();

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target) => Task.CompletedTask;

    public void Dispose() => _database.Dispose();
}

public sealed class PostgresWorkflowFlowTests(OpenImr.Tests.Shared.PostgresServer server) : WorkflowFlowTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_wfl"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
