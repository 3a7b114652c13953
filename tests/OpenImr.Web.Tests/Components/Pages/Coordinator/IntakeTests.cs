using Microsoft.Playwright;
using OpenImr.Web.Demo;

namespace OpenImr.Web.Tests.Components.Pages.Coordinator;

[Collection(SharedBrowser.Name)]
public sealed class IntakeTests(BrowserServer browser)
{
    [Fact]
    public async Task Intake_EmptyForm_ShowsAMessageAtEachRequiredField()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync("/intake");

        await page.GetByTestId("file-case").ClickAsync();

        await Assertions.Expect(page.GetByText("Enter the date of injury.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Name the employer: reviewers are screened for conflicts with it.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("List at least one disputed treatment, one per line.")).ToBeVisibleAsync();
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_ApplicationBeforeDecision_SaysWhichDateIsWrong()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync("/intake");

        // Note that the check across fields runs once every field on its own is valid.
        await page.GetByLabel("Date of injury").FillAsync("2016-01-04");
        await page.GetByLabel("Date of injury").PressAsync("Tab");
        await page.GetByLabel("Employer").FillAsync("Synthetic Test Employer");
        await page.GetByLabel("Disputed treatment, one request per line").FillAsync("10 work conditioning sessions");
        await page.GetByLabel("Medical records (text)").FillAsync("Synthetic record for the intake test: low back pain after lifting, six therapy sessions completed.");
        await page.GetByLabel("Date of the UR decision (served)").FillAsync("2016-09-12");
        await page.GetByLabel("Date of the UR decision (served)").PressAsync("Tab");
        await page.GetByLabel("Application received").FillAsync("2016-09-01");
        await page.GetByLabel("Application received").PressAsync("Tab");
        await page.GetByTestId("file-case").ClickAsync();

        await Assertions.Expect(page.GetByText("The application cannot be received before the UR decision it disputes.")).ToBeVisibleAsync();
    }
}
