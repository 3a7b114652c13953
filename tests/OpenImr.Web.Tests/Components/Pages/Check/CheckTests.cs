using Microsoft.Playwright;
using OpenImr.Web.Tests.Features.Check;

namespace OpenImr.Web.Tests.Components.Pages.Check;

[Collection(SharedBrowser.Name)]
public sealed class CheckTests(BrowserServer browser)
{
    private const string Request = RecordCheckTests.Request;

    private const string RecordWithoutOutcome = RecordCheckTests.RecordWithoutOutcome;

    private async Task<IPage> RequesterPageAsync()
    {
        var token = await browser.Server.CreateUserAsync("party", "Synthetic Requester");
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, token);
        await page.GotoAsync("/check");
        await page.Locator("form[data-interactive]").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Check_RecordsWithoutOutcome_ShowsMissingDocumentationWithItsCitation()
    {
        var page = await RequesterPageAsync();

        await page.GetByLabel("Requested treatments, one a line").FillAsync(Request);
        await page.GetByLabel("Date of the UR decision (optional)").FillAsync("2016-11-20");
        await page.GetByLabel("Medical records (pasted text)").FillAsync(RecordWithoutOutcome);
        await page.GetByTestId("run-check").ClickAsync();

        var missing = page.GetByTestId("check-item").Filter(new() { Has = page.GetByTestId("check-supply") }).Filter(new() { HasText = "progress report" });
        await Assertions.Expect(missing.First).ToBeVisibleAsync();
        await Assertions.Expect(missing.First.GetByTestId("check-supply")).ToContainTextAsync("progress report (PR-2) comparing function before and after");
        await Assertions.Expect(missing.First).ToHaveAttributeAsync("data-status", "NotDocumented");
        await Assertions.Expect(missing.First).ToContainTextAsync("Not documented yet");
        await Assertions.Expect(missing.First.GetByTestId("check-source")).ToContainTextAsync("MTUS");
        await Assertions.Expect(page.GetByTestId("check-guideline").First).ToContainTextAsync("MTUS");
        await page.EvaluateAsync("() => document.getElementById('check-results').scrollIntoView()");
        await BrowserServer.ScreenshotAsync(page, "check");
    }

    [Fact]
    public async Task Check_UploadedTextRecord_IsReadLikePastedText()
    {
        var page = await RequesterPageAsync();

        await page.GetByLabel("Requested treatments, one a line").FillAsync(Request);
        await page.GetByLabel("Date of the UR decision (optional)").FillAsync("2016-11-20");
        await page.GetByLabel("Or upload records (PDF or text)").SetInputFilesAsync(new FilePayload
        {
            Name = "synthetic-progress-report.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(RecordWithoutOutcome),
        });
        await Assertions.Expect(page.GetByTestId("check-files")).ToContainTextAsync("synthetic-progress-report.txt");
        await page.GetByTestId("run-check").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-request")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("check-supply").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Check_FakePdfUpload_NamesTheFileAndWhatToDo()
    {
        var page = await RequesterPageAsync();

        await page.GetByLabel("Requested treatments, one a line").FillAsync(Request);
        await page.GetByLabel("Or upload records (PDF or text)").SetInputFilesAsync(new FilePayload
        {
            Name = "records.pdf",
            MimeType = "application/pdf",
            Buffer = "Synthetic: this is not a PDF"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByTestId("check-files")).ToContainTextAsync("records.pdf");
        await page.GetByTestId("run-check").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-errors")).ToContainTextAsync("'records.pdf' is named .pdf but is not a PDF");
        await Assertions.Expect(page.GetByTestId("check-request")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Check_NoRequests_AsksForThem()
    {
        var page = await RequesterPageAsync();

        await page.GetByLabel("Medical records (pasted text)").FillAsync(RecordWithoutOutcome);
        await page.GetByTestId("run-check").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-errors")).ToContainTextAsync("Requests: enter at least one requested treatment");
    }

    [Fact]
    public async Task Check_Reviewer_IsNotOffered()
    {
        var token = await browser.Server.CreateUserAsync("reviewer", "Dr. Synthetic Check Reviewer");
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, token);

        await page.GotoAsync("/check");

        await Assertions.Expect(page.GetByLabel("Requested treatments, one a line")).ToHaveCountAsync(0);
    }
}
