using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>
/// The API's input contract (issue 16): a body that does not read, or a query value of the wrong
/// type, answers 400 with the field it concerns; a body over its limit answers 413.
/// </summary>
public sealed class RequestProblemsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Requests = "\"requests\": [{\"description\": \"MRI of the lumbar spine\"}]";
    private const string Documents = "\"documents\": [{\"type\": \"clinical-summary\", \"text\": \"Synthetic note: low back pain.\"}]";

    [Theory]
    [InlineData("{\"nickname\": \"x\", " + Requests + ", " + Documents + "}", "nickname", "not a field")]
    [InlineData("{\"dates\": {\"injuryy\": \"2015-05-14\"}, " + Requests + ", " + Documents + "}", "dates.injuryy", "not a field")]
    [InlineData("{\"caseNumber\": \"CM-1\", \"caseNumber\": \"CM-2\", " + Requests + ", " + Documents + "}", "caseNumber", "more than once")]
    [InlineData("{\"requests\": [{\"description\": \"MRI\\u0000 of the lumbar spine\"}], " + Documents + "}", "requests[0].description", "control character")]
    [InlineData("{\"dates\": {\"injury\": 5}, " + Requests + ", " + Documents + "}", "dates.injury", "yyyy-MM-dd")]
    [InlineData("{\"patient\": {\"age\": \"old\"}, " + Requests + ", " + Documents + "}", "patient.age", "whole number")]
    [InlineData("{\"requests\": \"MRI\", " + Documents + "}", "requests", "list")]
    [InlineData("{\"requests\": [", "requests[0]", "not valid JSON")]
    public async Task CreateCase_BodyThatDoesNotRead_ReturnsBadRequestWithTheField(string body, string field, string message)
    {
        using var response = await PostRawAsync("/api/cases", body);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}': {errors}");
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("OpenImr.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCase_RecordWithTabsFormFeedsAndVerticalTabs_IsFiled()
    {
        using var response = await PostRawAsync("/api/cases", "{" + Requests + ", \"documents\": [{\"text\": \"Synthetic note:\\tlow back pain.\\fPage 2\\u000bline\\r\\nend.\"}]}");

        await response.ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task CreateCase_DateOutOfRange_ReturnsBadRequestWithTheField(string date)
    {
        using var response = await PostRawAsync("/api/cases", $"{{\"dates\": {{\"injury\": \"{date}\"}}, {Requests}, {Documents}}}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dates.injury"], problem.ErrorKeys());
    }

    [Fact]
    public async Task CreateCase_CaseNumberOfFiveThousandCharacters_ReturnsBadRequestWithTheField()
    {
        using var response = await PostRawAsync("/api/cases", $"{{\"caseNumber\": \"{new string('9', 5000)}\", {Requests}, {Documents}}}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["caseNumber"], problem.ErrorKeys());
    }

    [Fact]
    public async Task CreateCase_BodyOverTheJsonLimit_ReturnsPayloadTooLarge()
    {
        var text = new string('x', 17 * 1024 * 1024);

        // Note that the client waits for 100-continue, so the server's early answer is read before the body is sent.
        using var response = await PostRawAsync("/api/cases", $"{{{Requests}, \"documents\": [{{\"text\": \"{text}\"}}]}}", expectContinue: true);

        await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ListCases_PageOfTheWrongType_ReturnsBadRequestWithTheParameter()
    {
        using var response = await app.Client("coordinator").GetAsync("/api/cases?page=abc", Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["page"], problem.ErrorKeys());
        Assert.Contains("whole number", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignment_UnknownMember_ReturnsBadRequestWithTheField()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-STRICT-0001");

        using var response = await PostRawAsync($"/api/cases/{id}/assignment", "{\"reviewer\": \"someone\"}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reviewer"], problem.ErrorKeys());
    }

    [Fact]
    public async Task Response_Any_SaysNoSniff()
    {
        using var response = await app.Client("coordinator").GetAsync("/api/cases", Http.Cancel);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string url, string json, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = expectContinue;
        return await app.Client("coordinator").SendAsync(request, Http.Cancel);
    }
}
