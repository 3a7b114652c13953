using Microsoft.Playwright;
using OpenImr.Domain.Clinical;
using OpenImr.Storage.Letters;
using OpenImr.Web.Tests.Components.Pages.Corpus;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Analytics;

[Collection(SharedBrowser.Name)]
public sealed class AnalyticsTests(BrowserServer browser)
{
    [Fact]
    public async Task Analytics_StoredLetters_ChartsAndTablesMatchTheStoredCounts()
    {
        await SyntheticLibrary.UploadAsync(browser.Server);
        var stored = await new LetterStore(browser.Server.Database, new LetterStoreOptions
        {
            ClassifyService = item => RequestParser.Parse(item.Request).Service.ToString(),
        }).StatsAsync(TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, ImrServer.AdminToken);

        await page.GotoAsync("/analytics");

        var chart = page.GetByTestId("chart-by-family");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        var rows = chart.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(stored.ByService.Count);
        Assert.True(stored.ByService.Count >= 2, "the synthetic letters span at least two service families");
        foreach (var bucket in stored.ByService)
        {
            var row = chart.Locator($"tbody tr[data-key='{bucket.Key ?? ""}']");
            await Assertions.Expect(row.Locator("[data-column=items]")).ToHaveTextAsync(bucket.Items.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator("[data-column=upheld]")).ToHaveTextAsync(bucket.Upheld.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator("[data-column=overturned]")).ToHaveTextAsync(bucket.Overturned.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Assertions.Expect(page.GetByTestId("analytics-summary")).ToContainTextAsync($"{stored.Items} decided items");
        await Assertions.Expect(page.GetByTestId("chart-by-month").Locator("tbody tr")).ToHaveCountAsync(stored.ByMonth.Count(m => m.Key is not null));
        await BrowserServer.ScreenshotAsync(page, "analytics");
    }
}
