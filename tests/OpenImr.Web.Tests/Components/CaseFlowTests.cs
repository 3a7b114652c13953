using Microsoft.Playwright;
using OpenImr.Documents;
using OpenImr.Web.Demo;
using OpenImr.Web.Tests.Features.Workflow;

namespace OpenImr.Web.Tests.Components;

/// <summary>
/// The whole case in the browser, as people do it: a coordinator takes in an application and
/// assigns it; the reviewer opens it, follows a criterion to its evidence, overrides one request,
/// issues the letter and downloads the PDF. Screenshots of each page go to docs/screenshots.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class CaseFlowTests(BrowserServer browser)
{
    private const string Records =
        "Synthetic record written for the OpenIMR browser test; the worker and every person named are invented.\n" +
        "Patient: Synthetic Worker 90.\n" +
        "The patient is a stock clerk with low back pain after lifting a carton at work.\n" +
        "She has completed 6 sessions of physical therapy for the lumbar spine with documented functional improvement: " +
        "her lifting tolerance increased from 10 to 25 pounds.\n" +
        "Pain is rated 5/10. She remains on modified duty.\n" +
        "Synthetic utilization review: the request for 10 work conditioning sessions was not certified.";

    [Fact]
    public async Task Case_TakenInAssignedReviewedAndIssued_DownloadsPdfWithTheOverride()
    {
        var coordinator = await browser.NewPageAsync();
        IPage? reviewer = null;
        try
        {
            await RunAsync(coordinator, page => reviewer = page);
        }
        catch
        {
            // Note that the pages as they stood when the step failed are the quickest diagnosis.
            await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "imr-case-flow-coordinator.png") });
            if (reviewer is not null)
            {
                await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "imr-case-flow-reviewer.png") });
            }

            throw;
        }
    }

    private async Task RunAsync(IPage coordinator, Action<IPage> opened)
    {
        await BrowserServer.SignInAsync(coordinator, DemoUsers.Coordinator.Token);
        await coordinator.GotoAsync("/queue");
        await Assertions.Expect(coordinator.GetByTestId("queue")).ToContainTextAsync("DEMO-0003");
        await BrowserServer.ScreenshotAsync(coordinator, "queue");

        // Intake.
        await coordinator.GotoAsync("/intake");
        await coordinator.GetByLabel("Case number (optional)").FillAsync("CM-SYNTH-9001");
        await coordinator.GetByLabel("Claim number (optional)").FillAsync("SYN-WC-9001-77");
        await coordinator.GetByLabel("Worker's name").FillAsync("Synthetic Worker 90");
        await FillDateAsync(coordinator, "Date of injury", "2016-01-04");
        await FillDateAsync(coordinator, "Date of the UR decision (served)", "2016-09-12");
        await FillDateAsync(coordinator, "Application received", "2016-09-20");
        await coordinator.GetByLabel("Employer").FillAsync(DemoSeeder.ConflictedEmployer);
        await coordinator.GetByLabel("Disputed treatment, one request per line").FillAsync(
            "Additional physical therapy 2 times a week for 3 weeks for the lumbar spine\n10 work conditioning sessions");
        await coordinator.GetByLabel("Medical records (text)").FillAsync(Records);
        await coordinator.GetByLabel("Medical records (text)").PressAsync("Tab");
        await coordinator.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserServer.ScreenshotAsync(coordinator, "intake");
        await coordinator.GetByTestId("file-case").ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("/cases/", StringComparison.Ordinal));
        var caseUrl = coordinator.Url;
        var filed = await browser.Server.Client().GetCaseAsync(Guid.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..]));
        Assert.Equal("SYN-WC-9001-77", filed.GetProperty("claimNumber").GetString());
        Assert.Equal("Synthetic Worker 90", filed.GetProperty("worker").GetProperty("name").GetString());

        // Eligibility, then assignment to the demo reviewer, then records complete.
        await coordinator.GetByTestId("screen").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("eligibility")).ToContainTextAsync("Eligible");
        var assign = coordinator.GetByRole(AriaRole.Button, new() { Name = $"Assign {DemoUsers.Reviewer.Name}" });
        await Assertions.Expect(assign).ToBeVisibleAsync();
        // Note that the demo's reviewer B is affiliated with this employer: a warning, and no button to assign.
        await Assertions.Expect(coordinator.GetByTestId("conflict").Filter(new() { HasText = "RVW010" })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Assign Dr. Synthetic Reviewer B" })).ToHaveCountAsync(0);
        await BrowserServer.ScreenshotAsync(coordinator, "assignment");
        await assign.ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("assigned-reviewer")).ToHaveTextAsync(DemoUsers.Reviewer.Name);
        await coordinator.GetByTestId("records-complete").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("clock")).ToContainTextAsync("Determination due");

        // The reviewer.
        var reviewer = await browser.NewPageAsync();
        opened(reviewer);
        await BrowserServer.SignInAsync(reviewer, DemoUsers.Reviewer.Token);
        await reviewer.GotoAsync("/my-cases");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "CM-SYNTH-9001" }).ClickAsync();
        await reviewer.WaitForURLAsync(url => url.Contains("/review/", StringComparison.Ordinal));
        Assert.EndsWith(caseUrl[(caseUrl.LastIndexOf('/') + 1)..], reviewer.Url, StringComparison.Ordinal);

        // A criterion leads to its sentence in the records.
        var criterion = reviewer.Locator("button.imr-criterion").First;
        await Assertions.Expect(criterion).ToBeVisibleAsync();
        var target = await criterion.GetAttributeAsync("data-evidence");
        await criterion.ClickAsync();
        var highlighted = reviewer.Locator("mark.imr-evidence-active");
        await Assertions.Expect(highlighted).ToHaveCountAsync(1);
        Assert.Equal(target, await highlighted.GetAttributeAsync("id"));
        Assert.Contains((await highlighted.InnerTextAsync()).Trim(), Records, StringComparison.Ordinal);
        await Assertions.Expect(highlighted).ToBeInViewportAsync();
        await BrowserServer.ScreenshotAsync(reviewer, "case-view");

        // Override the work conditioning request, accept the other, and issue.
        var workConditioning = reviewer.GetByTestId("request").Filter(new() { HasText = "10 work conditioning sessions" });
        await workConditioning.GetByText("Overturned (treatment medically necessary)").ClickAsync();
        await workConditioning.GetByLabel("Rationale for request 2").FillAsync(
            "Synthetic reviewer rationale: the records show measured gains in lifting tolerance and a stated plan to return to full duty, so a short work conditioning course is reasonable.");
        await reviewer.GetByTestId("save-decisions").ClickAsync();
        // Note that a refused save shows its reason in the page's problem alert: a failure here names it.
        try
        {
            await Assertions.Expect(reviewer.GetByText("Decisions saved")).ToBeVisibleAsync();
        }
        catch (PlaywrightException)
        {
            var problem = reviewer.GetByTestId("problem");
            Assert.Fail(await problem.CountAsync() > 0 ? $"the decisions were not saved: {await problem.InnerTextAsync()}" : "the decisions were not saved, and the page says nothing");
        }

        await Assertions.Expect(reviewer.GetByTestId("issue-letter")).ToBeEnabledAsync();
        await reviewer.GetByTestId("preview-letter").ClickAsync();
        var preview = reviewer.FrameLocator("[data-testid=letter-preview]");
        await Assertions.Expect(preview.Locator("body")).ToContainTextAsync("Synthetic reviewer rationale");
        await reviewer.GetByTestId("letter-preview").ScrollIntoViewIfNeededAsync();
        await BrowserServer.ScreenshotAsync(reviewer, "letter-preview");
        await reviewer.GetByTestId("issue-letter").ClickAsync();
        // Issuing is final, so the page asks first and says what will happen.
        await Assertions.Expect(reviewer.GetByTestId("confirm-issue")).ToContainTextAsync("Issuing is final");
        await reviewer.GetByTestId("confirm-issue-letter").ClickAsync();

        var download = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByTestId("download-pdf").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(DocumentText.IsPdf(bytes), "the download is not a PDF");
        var text = DocumentText.FromBytes(bytes);
        Assert.Contains("CM-SYNTH-9001", text, StringComparison.Ordinal);
        Assert.Contains("Overturned", text, StringComparison.Ordinal);
        Assert.Contains("Synthetic reviewer rationale", text, StringComparison.Ordinal);
    }

    private static async Task FillDateAsync(IPage page, string label, string date)
    {
        var field = page.GetByLabel(label);
        await field.FillAsync(date);
        await field.PressAsync("Tab");
    }
}
