using Microsoft.Playwright;
using OpenImr.Web.Demo;
using OpenImr.Web.Tests.Features.Workflow;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Reviewer;

[Collection(SharedBrowser.Name)]
public sealed class CaseReviewTests(BrowserServer browser)
{
    [Fact]
    public async Task MyCases_DemoReviewer_ListsOnlyTheCasesAssignedToThem()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Reviewer.Token);

        await page.GotoAsync("/my-cases");

        var links = page.GetByTestId("review-link");
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        var numbers = await links.AllInnerTextsAsync();
        Assert.Contains("DEMO-0003", numbers);
        Assert.DoesNotContain("DEMO-0001", numbers);
    }

    [Fact]
    public async Task Review_CaseNotAssignedToTheReviewer_IsNotShown()
    {
        var coordinator = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(coordinator, DemoUsers.Coordinator.Token);
        await coordinator.GotoAsync("/queue");
        var unassigned = await coordinator.GetByRole(AriaRole.Link, new() { Name = "DEMO-0001" }).GetAttributeAsync("href");
        var reviewer = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(reviewer, DemoUsers.Reviewer.Token);

        await reviewer.GotoAsync(unassigned!.Replace("/cases/", "/review/", StringComparison.Ordinal));

        await Assertions.Expect(reviewer.GetByText("There is no such case assigned to you.")).ToBeVisibleAsync();
        Assert.Equal(0, await reviewer.GetByTestId("records").CountAsync());
    }

    [Fact]
    public async Task Review_DemoCaseInReview_ShowsTheEnginesChecklistWithGuideline()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, DemoUsers.Reviewer.Token);
        await page.GotoAsync("/my-cases");

        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-0003" }).ClickAsync();

        var requests = page.GetByTestId("request");
        await Assertions.Expect(requests).ToHaveCountAsync(2);
        await Assertions.Expect(requests.First.GetByTestId("recommendation")).ToContainTextAsync("MTUS");
        await Assertions.Expect(requests.First.GetByTestId("recommendation-strength")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            "^\\((criteria met with evidence|criteria not met|not established by the records|the engine cannot judge it)\\)$"));
        Assert.True(await page.GetByTestId("criterion-status").CountAsync() > 2, "the checklist lists the criteria");
        await Assertions.Expect(page.GetByTestId("rationale-0")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task Review_CaseChangedElsewhereWhileOpen_OffersToShowItWithoutLosingWorkUnasked()
    {
        var (reviewerId, token) = await browser.Server.CreateReviewerAsync("Dr. Synthetic Watchful Reviewer");
        var id = await browser.Server.AssignedCaseAsync("CM-SYNTH-9201", reviewerId);
        using (var complete = await browser.Server.Client().PostJsonAsync($"/api/cases/{id}/records-complete", new { }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, complete.StatusCode);
        }

        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, token);
        await page.GotoAsync($"/review/{id}");
        await Assertions.Expect(page.GetByTestId("request").First).ToBeVisibleAsync();
        await page.GetByLabel("Rationale for request 1").FillAsync("Synthetic rationale being written when the case changed.");

        using var expedited = await browser.Server.Client().PostJsonAsync($"/api/cases/{id}/expedite", new { certifiedBy = "Dr. Synthetic Treating Physician" });
        Assert.Equal(System.Net.HttpStatusCode.OK, expedited.StatusCode);

        var changed = page.GetByTestId("case-changed");
        await Assertions.Expect(changed).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByLabel("Rationale for request 1")).ToHaveValueAsync("Synthetic rationale being written when the case changed.");
        await page.GetByTestId("reload").ClickAsync();
        await Assertions.Expect(changed).ToHaveCountAsync(0);
    }
}
