using System.Text;
using Microsoft.Playwright;
using OpenImr.Web.Demo;
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
}
