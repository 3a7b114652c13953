using Microsoft.Playwright;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Corpus;

[Collection(SharedBrowser.Name)]
public sealed class CorpusTests(BrowserServer browser)
{
    private async Task<IPage> SignedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await SyntheticLibrary.UploadAsync(browser.Server);
        await BrowserServer.SignInAsync(page, ImrServer.AdminToken);
        return page;
    }

    [Fact]
    public async Task Search_WithDecisionAndYearFacets_FindsTheLetterAndOpensIt()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/corpus");
        await page.Locator("form[data-interactive]").WaitForAsync();

        await page.GetByLabel("Search the letters").FillAsync("synthetic knee");
        await page.GetByTestId("corpus-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("3 decided items");
        await Assertions.Expect(page.GetByTestId("corpus-snippet").First.Locator("mark", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^knee$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();

        await page.GetByTestId("facet-Decision").GetByRole(AriaRole.Link, new() { Name = "Overturned" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("2 decided items");
        await page.GetByTestId("facet-Year").GetByRole(AriaRole.Link, new() { Name = "2015" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("1 decided item");
        Assert.Contains("decision=Overturned", page.Url, StringComparison.Ordinal);
        await BrowserServer.ScreenshotAsync(page, "corpus");

        await page.GetByRole(AriaRole.Link, new() { Name = SyntheticLibrary.KneeMri }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Final Determination Letter {SyntheticLibrary.KneeMri}");
        await Assertions.Expect(page.GetByTestId("letter-body")).ToContainTextAsync("locking of the knee after the twist supports imaging");
        await BrowserServer.ScreenshotAsync(page, "letter");
    }

    [Fact]
    public async Task Facets_Query_ShowCountsOfTheMatchingItems()
    {
        var page = await SignedInPageAsync();

        // Note that only the synthetic letters say "synthetic"; the demo's seed letters are real ones.
        await page.GotoAsync("/corpus?q=synthetic");

        var decisions = page.GetByTestId("facet-Decision");
        await Assertions.Expect(decisions.Locator("li", new() { HasText = "Upheld" }).Locator(".imr-facet-count")).ToHaveTextAsync("2");
        await Assertions.Expect(decisions.Locator("li", new() { HasText = "Overturned" }).Locator(".imr-facet-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("facet-Guideline").GetByRole(AriaRole.Link, new() { Name = "MTUS: Chronic Pain Medical Treatment Guidelines" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("source=MTUS&title=Chronic"));
        await Assertions.Expect(page.GetByTestId("facet-Reviewer specialty").Locator("li", new() { HasText = "Orthopedic Surgery" }).Locator(".imr-facet-count")).ToHaveTextAsync("4");

        await page.GetByTestId("facet-Reviewer specialty").GetByRole(AriaRole.Link, new() { Name = "Orthopedic Surgery" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("specialty=Orthopedic"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remove the filter Reviewer specialty: Orthopedic Surgery" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("4 decided items");
    }

    [Fact]
    public async Task SearchAndFacet_KeyboardOnly_NarrowTheHits()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/corpus");
        await page.Locator("form[data-interactive]").WaitForAsync();

        await page.GetByLabel("Search the letters").FocusAsync();
        await page.Keyboard.TypeAsync("synthetic");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("4 decided items");
        // From the search button, the next stop is the first decision facet: two each, so in name order, Overturned.
        await page.GetByTestId("corpus-search").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Overturned");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("corpus-total")).ToHaveTextAsync("2 decided items");
        Assert.Contains("decision=Overturned", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadYearInTheAddress_SaysWhatIsWrong()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync("/corpus?year=20x6");

        await Assertions.Expect(page.GetByTestId("corpus-errors")).ToContainTextAsync("'20x6' is not a year");
    }

    [Fact]
    public async Task LetterView_UnknownCaseNumber_SaysNoneIsStored()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync("/corpus/CM-SYNTH-NONE");

        await Assertions.Expect(page.GetByTestId("letter-missing")).ToContainTextAsync("No stored letter has the case number 'CM-SYNTH-NONE'");
    }
}
