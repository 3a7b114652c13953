using Microsoft.Playwright;
using OpenImr.Web.Demo;

namespace OpenImr.Web.Tests.Components.Pages.Coordinator;

[Collection(SharedBrowser.Name)]
public sealed class QueueTests(BrowserServer browser)
{
    [Fact]
    public async Task Queue_DemoCases_ShowsTheOverdueClockInRed()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);

        await page.GotoAsync("/queue");

        var overdue = page.GetByTestId("queue").Locator(".imr-overdue");
        await Assertions.Expect(overdue).ToContainTextAsync("overdue");
        var color = await overdue.First.EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.Equal("rgb(179, 38, 30)", color);
    }

    [Fact]
    public async Task Queue_OverdueOnly_ListsOnlyOverdueCases()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync("/queue");
        var rows = page.GetByTestId("queue").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();

        await page.GetByLabel("Overdue only").CheckAsync();

        await Assertions.Expect(rows).Not.ToHaveCountAsync(all);
        Assert.All(await rows.AllInnerTextsAsync(), row => Assert.Contains("overdue", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_Search_NarrowsToMatchingCaseNumber()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Coordinator.Token);
        await page.GotoAsync("/queue");

        await page.GetByLabel("Search case number, request or reviewer").FillAsync("DEMO-0005");

        var rows = page.GetByTestId("queue").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Letter issued");
    }

    [Fact]
    public async Task Queue_Reviewer_CannotOpenIt()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Reviewer.Token);

        await page.GotoAsync("/queue");

        await Assertions.Expect(page.GetByText("Your role cannot open this page")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("queue").CountAsync());
    }
}
