using System.Net;
using OpenImr.Documents.Letters;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.CaseDocuments;

public sealed class CaseDocumentEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AddDocument_Pdf_ExtractsTextAndKeepsOriginal()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        var pdf = LetterDocuments.Pdf(TestCases.Letter("CM-TEST-PDF-0001"));
        using var form = Http.File(pdf, "progress-report.pdf", "application/pdf");
        form.Add(new StringContent("progress-report"), "type");
        form.Add(new StringContent("2015-08-19"), "date");

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var document = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, document.GetProperty("size").GetInt64());
        Assert.Equal(2, document.GetProperty("ordinal").GetInt32());
        Assert.True(document.GetProperty("textLength").GetInt32() > 100);
        using var get = await client.GetAsync($"/api/cases/{id}", Http.Cancel);
        var view = await get.ExpectAsync(HttpStatusCode.OK);
        var stored = view.GetProperty("documents").EnumerateArray().Last();
        Assert.Equal("progress-report.pdf", stored.GetProperty("fileName").GetString());
        Assert.Equal("2015-08-19", stored.GetProperty("date").GetString());
        Assert.Equal(pdf.Length, stored.GetProperty("size").GetInt64());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "case.document-added");
    }

    [Fact]
    public async Task GetFacts_UploadedText_ReturnsFactsWithSpansIntoTheDocumentText()
    {
        var client = app.Client("party");
        var id = await client.CreateCaseAsync("CM-TEST-FACTS-0001");
        var note = "Synthetic progress note. She has completed 6 sessions of physical therapy for the lumbar spine. " +
            "There is no documentation of functional improvement. She takes naproxen 550 mg twice daily.";
        using var form = Http.File(System.Text.Encoding.UTF8.GetBytes(note), "note.txt", "text/plain");
        using var upload = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);
        var documentId = (await upload.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        using var response = await client.GetAsync($"/api/cases/{id}/facts", Http.Cancel);

        var facts = (await response.ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var fromNote = facts.Where(f => f.GetProperty("documentId").GetInt32() == documentId).ToList();
        Assert.NotEmpty(fromNote);
        Assert.All(fromNote, f =>
        {
            var (start, end) = (f.GetProperty("start").GetInt32(), f.GetProperty("end").GetInt32());
            Assert.Equal(f.GetProperty("fact").GetProperty("evidence").GetProperty("quote").GetString(), note[start..end]);
        });
        Assert.Contains(fromNote, f => f.GetProperty("kind").GetString() == "treatment.physical-therapy" && f.GetProperty("fact").GetProperty("number").GetDecimal() == 6);
        Assert.Contains(fromNote, f => f.GetProperty("kind").GetString() == "response.functional-improvement" && f.GetProperty("status").GetString() == "Negated");
        Assert.Contains(facts, f => f.GetProperty("documentId").GetInt32() != documentId);
    }

    [Fact]
    public async Task GetFacts_OfOneKind_ReturnsOnlyThatKindAndHidesOtherPartiesCases()
    {
        var client = app.Client("party");
        var id = await client.CreateCaseAsync("CM-TEST-FACTS-0002");
        using var form = Http.File("Synthetic note: she takes naproxen 550 mg twice daily and has completed 6 sessions of physical therapy."u8.ToArray(), "note.txt", "text/plain");
        using var upload = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);
        await upload.ExpectAsync(HttpStatusCode.Created);

        using var drugs = await client.GetAsync($"/api/cases/{id}/facts?kind=treatment.medication", Http.Cancel);
        using var hidden = await app.Client("reviewer").GetAsync($"/api/cases/{id}/facts", Http.Cancel);

        var kinds = (await drugs.ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Distinct().ToArray();
        Assert.Equal(["treatment.medication"], kinds);
        await hidden.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetDocument_UploadedPdf_ReturnsTextAndOriginalBytes()
    {
        var client = app.Client("party");
        var id = await client.CreateCaseAsync();
        var pdf = LetterDocuments.Pdf(TestCases.Letter("CM-TEST-PDF-0002"));
        using var form = Http.File(pdf, "report.pdf", "application/pdf");
        using var upload = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);
        var documentId = (await upload.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        using var text = await client.GetAsync($"/api/cases/{id}/documents/{documentId}", Http.Cancel);
        using var original = await client.GetAsync($"/api/cases/{id}/documents/{documentId}/content", Http.Cancel);
        using var reviewer = await app.Client("reviewer").GetAsync($"/api/cases/{id}/documents/{documentId}", Http.Cancel);

        var body = await text.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("CM-TEST-PDF-0002", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(pdf.Length, body.GetProperty("document").GetProperty("size").GetInt64());
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("application/pdf", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(original.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await original.Content.ReadAsByteArrayAsync(Http.Cancel));
        await reviewer.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetDocumentContent_InlineText_ReturnsNotFoundProblem()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using var view = await client.GetAsync($"/api/cases/{id}", Http.Cancel);
        var inline = (await view.ExpectAsync(HttpStatusCode.OK)).GetProperty("documents")[0].GetProperty("id").GetInt32();

        using var text = await client.GetAsync($"/api/cases/{id}/documents/{inline}", Http.Cancel);
        using var original = await client.GetAsync($"/api/cases/{id}/documents/{inline}/content", Http.Cancel);

        Assert.StartsWith("Synthetic:", (await text.ExpectAsync(HttpStatusCode.OK)).GetProperty("text").GetString(), StringComparison.Ordinal);
        await original.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddDocument_Text_ReturnsCreatedAsTextPlain()
    {
        var client = app.Client("party");
        var id = await client.CreateCaseAsync();
        using var form = Http.File("Synthetic progress note: pain 6/10, no return-to-work goal."u8.ToArray(), "note.txt", "text/plain");

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var document = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("text/plain", document.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task AddDocument_ClosedCase_RefusedWithTheWorkflowCodeAndAudited()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using (var close = await client.PostJsonAsync($"/api/cases/{id}/close", new { reason = "withdrawn" }))
        {
            await close.ExpectAsync(HttpStatusCode.OK);
        }

        using var form = Http.File("Synthetic progress note written after the case closed."u8.ToArray(), "late.txt", "text/plain");
        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("add records to", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var get = await client.GetAsync($"/api/cases/{id}", Http.Cancel);
        var view = await get.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(view.GetProperty("documents").EnumerateArray(), d => d.TryGetProperty("fileName", out var f) && f.GetString() == "late.txt");
    }

    [Fact]
    public async Task AddDocument_StaleIfMatch_ReturnsConflictAndStoresNothing()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using var form = Http.File("Synthetic progress note.\n"u8.ToArray(), "note.txt", "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/documents") { Content = form };
        request.Headers.TryAddWithoutValidation("If-Match", "\"999\"");

        using var response = await client.SendAsync(request, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.Conflict);
        using var get = await client.GetAsync($"/api/cases/{id}", Http.Cancel);
        var view = await get.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(view.GetProperty("documents").EnumerateArray(), d => d.TryGetProperty("fileName", out var f) && f.GetString() == "note.txt");
    }

    [Fact]
    public async Task AddDocument_FakePdf_ReturnsBadRequest()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using var form = Http.File("This is plain text pretending to be a PDF."u8.ToArray(), "records.pdf", "application/pdf");

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("records.pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocument_Binary_ReturnsBadRequest()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using var form = Http.File([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00], "scan.bin", "application/octet-stream");

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddDocument_OverSizeLimit_ReturnsPayloadTooLarge()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        var big = new byte[ImrServer.MaxDocumentBytes + 1];
        Array.Fill(big, (byte)'a');
        using var form = Http.File(big, "huge.txt", "text/plain");

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AddDocument_OverRequestLimit_ReturnsPayloadTooLarge()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        var huge = new byte[ImrServer.MaxRequestBytes + 1024];
        Array.Fill(huge, (byte)'a');
        using var form = Http.File(huge, "huge.txt", "text/plain");
        // Note that a client sending a large upload asks first (Expect: 100-continue), so a refusal reaches it before
        // the body does; without it the server's 413 may race the client's writing into a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/documents") { Content = form };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AddDocument_NoFile_ReturnsValidationProblem()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync();
        using var form = new MultipartFormDataContent { { new StringContent("progress-report"), "type" } };

        using var response = await client.PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], problem.ErrorKeys());
    }

    [Fact]
    public async Task AddDocument_UnknownCase_ReturnsNotFound()
    {
        using var form = Http.File("Synthetic."u8.ToArray(), "note.txt", "text/plain");

        using var response = await app.Server.Client().PostAsync($"/api/cases/{Guid.NewGuid()}/documents", form, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2999-01-01")]
    public async Task AddDocument_DateOutOfRange_ReturnsBadRequestNamingTheField(string date)
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-DOC-DATE");
        using var form = Http.File("Synthetic note: low back pain."u8.ToArray(), "note.txt", "text/plain");
        form.Add(new StringContent(date), "date");

        using var response = await app.Client("coordinator").PostAsync($"/api/cases/{id}/documents", form, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["date"], problem.ErrorKeys());
    }
}
