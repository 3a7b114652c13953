using System.Net;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>
/// The steps beside the main path: conversion to expedited, closing a case, refused steps in the
/// audit trail, the running clock, and the public (redacted) letter.
/// </summary>
public sealed class WorkflowLifecycleEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Expedite_WithoutCertifyingPhysician_ReturnsBadRequestNamingTheField()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-EXP-BAD");

        var problem = await app.Client("coordinator").PostStepAsync(id, "expedite", HttpStatusCode.BadRequest, new { note = "no name" });

        Assert.Equal(["certifiedBy"], problem.ErrorKeys());
    }

    [Fact]
    public async Task Expedite_CertifyingPhysicianOfFiveThousandCharacters_ReturnsBadRequestNamingTheField()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-EXP-LONG");

        var problem = await app.Client("coordinator").PostStepAsync(id, "expedite", HttpStatusCode.BadRequest, new { certifiedBy = new string('x', 5000) });

        Assert.Equal(["certifiedBy"], problem.ErrorKeys());
    }

    [Fact]
    public async Task Expedite_InReview_ShortensTheDeterminationClockAndRecordsWhoCertified()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Expedite");
        var id = await app.Server.AssignedCaseAsync("CM-TEST-EXP-0001", reviewerId);
        var standard = await app.Client("coordinator").PostStepAsync(id, "records-complete", HttpStatusCode.OK);
        var standardDue = DateOnly.Parse(standard.GetProperty("deadlines").GetProperty("determinationDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var expedited = await app.Client("coordinator").PostStepAsync(id, "expedite", HttpStatusCode.OK, new { certifiedBy = "Dr Synthetic Treating", note = "synthetic certification" });

        var expeditedDue = DateOnly.Parse(expedited.GetProperty("deadlines").GetProperty("determinationDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expeditedDue < standardDue, $"expedited due {expeditedDue} is not before standard due {standardDue}");
        var view = await app.Client("coordinator").GetCaseAsync(id);
        Assert.Equal("expedited", view.GetProperty("priority").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("action").GetString() == "case.expedited" && h.GetProperty("detail").GetString()!.Contains("Dr Synthetic Treating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expedite_Twice_IsRefusedAndTheRefusalIsInTheHistory()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-EXP-TWICE");
        var before = await app.Client("coordinator").GetCaseAsync(id);
        await app.Client("coordinator").PostStepAsync(id, "expedite", HttpStatusCode.OK, new { certifiedBy = "Dr Synthetic Treating" });

        var problem = await app.Client("coordinator").PostStepAsync(id, "expedite", HttpStatusCode.Conflict, new { certifiedBy = "Dr Synthetic Treating" });

        Assert.Equal("WFL005", problem.GetProperty("code").GetString());
        var after = await app.Client("coordinator").GetCaseAsync(id);
        Assert.Equal(["case.created"], before.History());
        Assert.Equal(["case.created", "case.expedited", "case.step-refused"], after.History());
        Assert.StartsWith("WFL005 convert-to-expedited while received", after.GetProperty("history").EnumerateArray().Last().GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedStep_KeepsTheCaseVersion_SoAnotherClientsIfMatchStillHolds()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-REFUSED-VERSION");
        var version = (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("version").GetInt32();

        await app.Client("coordinator").PostStepAsync(id, "records-complete", HttpStatusCode.Conflict);

        var view = await app.Client("coordinator").GetCaseAsync(id);
        Assert.Equal(version, view.GetProperty("version").GetInt32());
        Assert.Equal("case.step-refused", view.History()[^1]);
    }

    [Fact]
    public async Task Close_UnknownReason_ReturnsBadRequestListingTheReasons()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-CLOSE-BAD");

        var problem = await app.Client("coordinator").PostStepAsync(id, "close", HttpStatusCode.BadRequest, new { reason = "bored" });

        Assert.Equal(["reason"], problem.ErrorKeys());
        Assert.Contains("withdrawn", problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_Withdrawn_ClosesTheCaseAndLaterStepsAreRefused()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-CLOSE-WITHDRAWN");

        var closed = await app.Client("coordinator").PostStepAsync(id, "close", HttpStatusCode.OK, new { reason = "Withdrawn", note = "synthetic withdrawal letter" });

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("withdrawn", closed.GetProperty("reason").GetString());
        var refused = await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.Conflict);
        Assert.Equal("WFL001", refused.GetProperty("code").GetString());
        Assert.Equal(["case.created", "case.closed", "case.step-refused"], (await app.Client("coordinator").GetCaseAsync(id)).History());
    }

    [Fact]
    public async Task Close_CompletedBeforeTheLetter_IsRefused()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-CLOSE-EARLY");

        var problem = await app.Client("coordinator").PostStepAsync(id, "close", HttpStatusCode.Conflict, new { reason = "completed" });

        Assert.Equal("WFL001", problem.GetProperty("code").GetString());
        Assert.Equal("received", (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CaseViews_AwaitingRecords_ShowTheRecordsClockRunning()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Clock");
        var id = await app.Server.AssignedCaseAsync("CM-TEST-CLOCK-0001", reviewerId);

        var view = await app.Client("coordinator").GetCaseAsync(id);

        var clock = view.GetProperty("clock");
        Assert.Equal("records", clock.GetProperty("clock").GetString());
        Assert.Equal(view.GetProperty("deadlines").GetProperty("recordsDue").GetString(), clock.GetProperty("due").GetString());
        Assert.InRange(clock.GetProperty("daysLeft").GetInt32(), 1, 15);
        Assert.False(clock.GetProperty("overdue").GetBoolean());
        using var list = await app.Client("coordinator").GetAsync("/api/cases?status=awaiting-records&pageSize=500", Http.Cancel);
        var listed = (await list.ExpectAsync(HttpStatusCode.OK)).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(clock.GetProperty("due").GetString(), listed.GetProperty("clock").GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("2018-03-01", "Naproxen 550 mg #60", 5, 9)]
    [InlineData("2018-03-02", "Physical therapy 2 times a week for 3 weeks for the lumbar spine", 30, 30)]
    public async Task RecordsComplete_MedicationOnlyDispute_RunsTheFiveWorkingDayFormularyClock(string urDenial, string otherRequest, int minDays, int maxDays)
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync($"Dr Synthetic Formulary {urDenial}");
        using var created = await app.Client("coordinator").PostJsonAsync("/api/cases", new
        {
            caseNumber = $"CM-TEST-FORMULARY-{urDenial}",
            dates = new { injury = "2015-06-01", urDenial, applicationReceived = urDenial },
            application = new { signed = true, urDecisionServed = urDenial, servedBy = "electronic", urDecisionAttached = true, conditionalNonCertification = false },
            requests = new[] { new { description = "Tramadol 50 mg #60" }, new { description = otherRequest } },
            documents = new[] { new { type = "clinical-summary", text = "Synthetic record: chronic low back pain on tramadol." } },
        });
        var id = (await created.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.OK, new { reviewerId });

        var complete = await app.Client("coordinator").PostStepAsync(id, "records-complete", HttpStatusCode.OK);

        var due = DateOnly.Parse(complete.GetProperty("deadlines").GetProperty("determinationDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
        Assert.InRange(due.DayNumber - today.DayNumber, minDays, maxDays + 3);
    }

    [Fact]
    public async Task Assignment_NoticeSentElectronically_MakesTheRecordsDueSoonerAndKeepsItThroughLaterSteps()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Electronic");
        var byMail = await app.Client("coordinator").CreateCaseAsync("CM-TEST-NOTICE-MAIL");
        var electronic = await app.Client("coordinator").CreateCaseAsync("CM-TEST-NOTICE-ELECTRONIC");
        await app.Client("coordinator").PostStepAsync(byMail, "eligibility", HttpStatusCode.OK);
        await app.Client("coordinator").PostStepAsync(electronic, "eligibility", HttpStatusCode.OK);

        var mailed = await app.Client("coordinator").PostStepAsync(byMail, "assignment", HttpStatusCode.OK, new { reviewerId });
        var sent = await app.Client("coordinator").PostStepAsync(electronic, "assignment", HttpStatusCode.OK, new { reviewerId, electronically = true });

        var mailedDue = RecordsDue(mailed);
        var electronicDue = RecordsDue(sent);
        Assert.True(electronicDue < mailedDue, $"electronic notice: records due {electronicDue}, not before {mailedDue}");
        var reassigned = await app.Client("coordinator").PostStepAsync(electronic, "assignment", HttpStatusCode.OK, new { reviewerId });
        Assert.Equal(electronicDue, RecordsDue(reassigned));
    }

    private static DateOnly RecordsDue(System.Text.Json.JsonElement step) =>
        DateOnly.Parse(step.GetProperty("deadlines").GetProperty("recordsDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PublicLetter_AfterIssue_RemovesTheNamesTheIssuedLetterShows()
    {
        var (reviewerId, reviewerToken) = await app.Server.CreateReviewerAsync("Dr Synthetic Public");
        var id = await CaseWithNamesAsync(reviewerId, reviewerToken);
        using var issuedText = await app.Client("party").GetAsync($"/api/cases/{id}/letter?format=text", Http.Cancel);
        await issuedText.ExpectAsync(HttpStatusCode.NotFound);

        var original = await TextAsync(app.Client("coordinator"), $"/api/cases/{id}/letter?format=text");
        var published = await TextAsync(app.Client("party"), $"/api/cases/{id}/letter/public?format=text");

        string[] identifying = ["Roe", "Acme Synthetic Freight", "Synthetic Valley Clinic", "Synthetic Worker", "(555) 010-0199", "SYN-12345"];
        Assert.All(identifying, name => Assert.Contains(name, original, StringComparison.Ordinal));
        Assert.All(identifying, name => Assert.DoesNotContain(name, published, StringComparison.Ordinal));
        Assert.Contains("[redacted]", published, StringComparison.Ordinal);
        Assert.Contains("CM-TEST-PUBLIC-0001", published, StringComparison.Ordinal);
        Assert.Contains("chronic low back pain", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicLetter_BeforeIssue_ReturnsNotFound()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-PUBLIC-EARLY");

        using var response = await app.Client("party").GetAsync($"/api/cases/{id}/letter/public", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("pdf")]
    public async Task PublicLetter_WorkerDataTheApplicationGives_IsRemovedInEverySpellingAndFormat(string format)
    {
        var (reviewerId, reviewerToken) = await app.Server.CreateReviewerAsync("Dr Synthetic Xanthe Public");
        var id = await CaseWithWorkerAsync(reviewerId, reviewerToken, $"CM-TEST-PUBLIC-{format.ToUpperInvariant()}");

        using var response = await app.Client("party").GetAsync($"/api/cases/{id}/letter/public?format={format}", Http.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = format == "pdf"
            ? OpenImr.Documents.Pdf.PdfTextExtractor.Extract(await response.Content.ReadAsByteArrayAsync(Http.Cancel))
            : await response.Content.ReadAsStringAsync(Http.Cancel);

        Assert.DoesNotMatch(@"(?i)fenwick|okonkwo|amaranth|quillon|4412|77441298|zephyrine|1961|acme|xanthe|synthetic\.test", published);
        Assert.Contains("[redacted]", published, StringComparison.Ordinal);
        Assert.Contains($"CM-TEST-PUBLIC-{format.ToUpperInvariant()}", published, StringComparison.Ordinal);
        Assert.Contains("low back pain", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicLetterPreview_BeforeIssue_ShowsStaffTheRedactedDraft()
    {
        var (reviewerId, reviewerToken) = await app.Server.CreateReviewerAsync("Dr Synthetic Preview");
        var id = await CaseWithWorkerAsync(reviewerId, reviewerToken, "CM-TEST-PREVIEW-0001", issue: false);

        var preview = await TextAsync(app.Client("coordinator"), $"/api/cases/{id}/letter/public/preview?format=text");

        Assert.DoesNotMatch(@"(?i)fenwick|okonkwo|amaranth|4412|zephyrine|acme", preview);
        Assert.Contains("[redacted]", preview, StringComparison.Ordinal);
        Assert.Contains("CM-TEST-PREVIEW-0001", preview, StringComparison.Ordinal);
        using var published = await app.Client("party").GetAsync($"/api/cases/{id}/letter/public", Http.Cancel);
        await published.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublicLetterPreview_BeforeReview_ReturnsConflict()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-PREVIEW-EARLY");

        using var response = await app.Client("coordinator").GetAsync($"/api/cases/{id}/letter/public/preview", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Case_WorkerAndClaimNumber_AreKeptAndShownToStaff()
    {
        var (reviewerId, reviewerToken) = await app.Server.CreateReviewerAsync("Dr Synthetic Keeper");
        var id = await CaseWithWorkerAsync(reviewerId, reviewerToken, "CM-TEST-WORKER-0001", issue: false);

        var view = await app.Client("coordinator").GetCaseAsync(id);

        Assert.Equal("WC-77-4412-98", view.GetProperty("claimNumber").GetString());
        Assert.Equal("Amaranth Quillon Fenwick-Okonkwo", view.GetProperty("worker").GetProperty("name").GetString());
        Assert.Equal("1961-03-07", view.GetProperty("worker").GetProperty("dateOfBirth").GetString());
    }

    /// <summary>A synthetic case whose application names the worker, and whose records write them, their claim and their employer in other spellings.</summary>
    private Task<Guid> CaseWithWorkerAsync(Guid reviewerId, string reviewerToken, string caseNumber, bool issue = true) =>
        DecidedCaseAsync(new
        {
            caseNumber,
            claimNumber = "WC-77-4412-98",
            worker = new { name = "Amaranth Quillon Fenwick-Okonkwo", address = "1428 Zephyrine Street, Synthetic Falls, CA 90000", dateOfBirth = "1961-03-07" },
            dates = new { injury = "2015-05-14", urDenial = "2015-08-20", applicationReceived = "2015-09-04" },
            patient = new { age = 52, sex = "female" },
            application = new { signed = true, urDecisionServed = "2015-08-27", servedBy = "mail", urDecisionAttached = true, conditionalNonCertification = false },
            parties = new { employer = "Acme Synthetic Freight, Inc.", insurer = "Synthetic Insurer" },
            requests = new[] { new { description = "MRI of the lumbar spine" } },
            documents = new[]
            {
                new
                {
                    type = "clinical-summary",
                    text = "Synthetic record. FENWICK-OKONKWO, AMARANTH (DOB March 7, 1961), claim WC77441298, of 1428 Zephyrine St. works for ACME SYNTHETIC FREIGHT LLC " +
                        "and has low back pain after lifting. Fenwick-Okonkwo's pain persists; Ms. Okonkwo asks for an MRI. Contact amaranth@synthetic.test.",
                },
            },
        }, reviewerId, reviewerToken, "Synthetic rationale: Amaranth's records (claim WC-77-4412-98) document no red flags.", issue);

    private Task<Guid> CaseWithNamesAsync(Guid reviewerId, string reviewerToken) =>
        DecidedCaseAsync(new
        {
            caseNumber = "CM-TEST-PUBLIC-0001",
            dates = new { injury = "2015-05-14", urDenial = "2015-08-20", applicationReceived = "2015-09-04" },
            patient = new { age = 52, sex = "male" },
            application = new { signed = true, urDecisionServed = "2015-08-27", servedBy = "mail", urDecisionAttached = true, conditionalNonCertification = false },
            parties = new { employer = "Acme Synthetic Freight", insurer = "Synthetic Insurer", requestingPhysician = "Dr. Jane Q. Roe, MD", facility = "Synthetic Valley Clinic" },
            requests = new[] { new { description = "MRI of the lumbar spine" } },
            documents = new[]
            {
                new
                {
                    type = "clinical-summary",
                    text = "Synthetic record. Patient: Synthetic Worker, claim number SYN-12345, telephone (555) 010-0199. He works for Acme Synthetic Freight " +
                        "and has chronic low back pain after lifting. Dr. Roe at Synthetic Valley Clinic requested an MRI of the lumbar spine.",
                },
            },
        }, reviewerId, reviewerToken, "Synthetic rationale: Dr. Roe documented no red flags.", issue: true);

    /// <summary>Files <paramref name="submitted"/> (one request, the MRI), takes it through review to the reviewer's decision with <paramref name="rationale"/>, and issues the letter if asked.</summary>
    private async Task<Guid> DecidedCaseAsync(object submitted, Guid reviewerId, string reviewerToken, string rationale, bool issue)
    {
        using var created = await app.Client("coordinator").PostJsonAsync("/api/cases", submitted);
        var id = (await created.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.OK, new { reviewerId });
        await app.Client("coordinator").PostStepAsync(id, "records-complete", HttpStatusCode.OK);
        var reviewer = app.Server.Client(reviewerToken);
        await reviewer.PostStepAsync(id, "review", HttpStatusCode.OK);
        await reviewer.PutDecisionsAsync(id, new[] { new { request = "MRI of the lumbar spine", decision = "Upheld", rationale } }, HttpStatusCode.OK);
        if (issue)
        {
            await reviewer.PostStepAsync(id, "letter", HttpStatusCode.Created);
        }

        return id;
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Http.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Http.Cancel);
    }
}
