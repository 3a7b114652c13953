using System.Text;
using Microsoft.Playwright;
using OpenImr.Web.Demo;
using OpenImr.Web.Tests.Features.Workflow;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Coordinator;

/// <summary>The coordinator's case page after intake: more records, conversion to expedited, closing.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CaseDetailTests(BrowserServer browser)
{
    private async Task<IPage> CasePageAsync(string caseNumber)
    {
        var id = await browser.Server.Client().CreateCaseAsync(caseNumber);
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync($"/cases/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(caseNumber);
        return page;
    }

    [Fact]
    public async Task CaseDetail_RecordAddedThenExpeditedThenWithdrawn_EachShowsAndIsInTheHistory()
    {
        var page = await CasePageAsync("CM-SYNTH-9101");

        await page.GetByLabel("Record files").SetInputFilesAsync(new FilePayload
        {
            Name = "synthetic-progress-report.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Synthetic progress report for a browser test: low back pain, six therapy sessions completed."),
        });
        await page.GetByTestId("add-records").ClickAsync();
        await Assertions.Expect(page.GetByTestId("records")).ToContainTextAsync("synthetic-progress-report.txt");

        await page.GetByLabel("Certified by (treating physician)").FillAsync("Dr. Synthetic Treating Physician");
        await page.GetByTestId("expedite").ClickAsync();
        await Assertions.Expect(page.GetByText("expedited", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("expedite")).ToHaveCountAsync(0);
        await page.GetByLabel("Reason to close").SelectOptionAsync("withdrawn");
        await page.GetByTestId("close-case").ScrollIntoViewIfNeededAsync();
        await BrowserServer.ScreenshotAsync(page, "case-actions");

        await page.GetByLabel("Note on closing (optional)").FillAsync("Synthetic: the applicant withdrew by letter.");
        await page.GetByTestId("close-case").ClickAsync();
        // Closing is final, so the page asks first; nothing is closed until it is confirmed.
        await Assertions.Expect(page.GetByTestId("confirm-close")).ToContainTextAsync("Closing is final");
        await page.GetByTestId("confirm-close-case").ClickAsync();

        await Assertions.Expect(page.GetByTestId("close-case")).ToHaveCountAsync(0);
        var history = page.GetByRole(AriaRole.Heading, new() { Name = "History" }).Locator("..");
        await Assertions.Expect(history).ToContainTextAsync("case.closed withdrawn: Synthetic: the applicant withdrew by letter.");
        await Assertions.Expect(history).ToContainTextAsync("case.expedited certified by Dr. Synthetic Treating Physician");
        await Assertions.Expect(history).ToContainTextAsync("synthetic-progress-report.txt");
    }

    [Fact]
    public async Task CaseDetail_ExpediteWithoutCertifyingPhysician_SaysWhoIsMissing()
    {
        var page = await CasePageAsync("CM-SYNTH-9102");

        await page.GetByTestId("expedite").ClickAsync();

        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Name the treating physician who certified the imminent and serious threat to health.");
        await Assertions.Expect(page.GetByText("expedited", new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CaseDetail_CaseScreenedThroughTheApiWhileOpen_ShowsTheNewStateWithoutReloading()
    {
        var page = await CasePageAsync("CM-SYNTH-9103");
        await Assertions.Expect(page.GetByTestId("screen")).ToBeVisibleAsync();
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        using var screened = await browser.Server.Client().PostJsonAsync($"/api/cases/{id}/eligibility", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, screened.StatusCode);

        // Note that the page checks every 5 s (WebAppOptions.CasePageRefresh).
        await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("Eligibility", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("screen")).ToHaveCountAsync(0);
        Assert.EndsWith(id, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseDetail_DecidedCase_PreviewsThePublicLetterRedacted()
    {
        var (reviewerId, reviewerToken) = await browser.Server.CreateReviewerAsync("Dr Synthetic Browser Preview");
        using var created = await browser.Server.Client().PostJsonAsync("/api/cases", new
        {
            caseNumber = "CM-SYNTH-9104",
            claimNumber = "WC-55-1234-77",
            worker = new { name = "Ysolde Brackenwhistle" },
            dates = new { injury = "2015-05-14", urDenial = "2015-08-20", applicationReceived = "2015-09-04" },
            application = new { signed = true, urDecisionServed = "2015-08-27", servedBy = "mail", urDecisionAttached = true, conditionalNonCertification = false },
            parties = new { employer = "Synthetic Browser Employer" },
            requests = new[] { new { description = "MRI of the lumbar spine" } },
            documents = new[] { new { type = "clinical-summary", text = "Synthetic record: BRACKENWHISTLE, Ysolde (claim WC55123477) has low back pain after lifting." } },
        });
        var id = (await created.ExpectAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await browser.Server.Client().PostStepAsync(id, "eligibility", System.Net.HttpStatusCode.OK);
        await browser.Server.Client().PostStepAsync(id, "assignment", System.Net.HttpStatusCode.OK, new { reviewerId });
        await browser.Server.Client().PostStepAsync(id, "records-complete", System.Net.HttpStatusCode.OK);
        await browser.Server.Client(reviewerToken).PostStepAsync(id, "review", System.Net.HttpStatusCode.OK);
        await browser.Server.Client(reviewerToken).PutDecisionsAsync(id,
            new[] { new { request = "MRI of the lumbar spine", decision = "Upheld", rationale = "Synthetic rationale: Ysolde's records show no red flags." } }, System.Net.HttpStatusCode.OK);
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync($"/cases/{id}");

        var link = page.GetByTestId("public-letter-preview");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var preview = await page.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!.Replace(".html", ".txt", StringComparison.Ordinal));

        Assert.Equal(200, preview.Status);
        var text = await preview.TextAsync();
        Assert.DoesNotMatch("(?i)brackenwhistle|ysolde|1234|55123477", text);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
        Assert.Contains("CM-SYNTH-9104", text, StringComparison.Ordinal);
    }
}
