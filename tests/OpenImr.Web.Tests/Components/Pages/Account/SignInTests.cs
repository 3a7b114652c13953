using Microsoft.Playwright;
using OpenImr.Web.Demo;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Account;

[Collection(SharedBrowser.Name)]
public sealed class SignInTests(BrowserServer browser)
{
    [Fact]
    public async Task SignIn_AdministratorToken_OpensStartPageWithStylesAndNavigation()
    {
        var page = await browser.NewPageAsync();

        await BrowserServer.SignInAsync(page, ImrServer.AdminToken);

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("administrator");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Queue", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Check before you file" })).ToHaveAttributeAsync("href", "/check");
        // MudBlazor's stylesheet sets the app bar's position; unstyled, it would be static.
        Assert.Equal("fixed", await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position"));
    }

    [Fact]
    public async Task MenuButton_Clicked_ClosesTheDrawerInteractively()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, ImrServer.AdminToken);
        var drawer = page.Locator(".mud-drawer").First;
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        // Note that the click needs the interactive circuit (blazor.web.js and its WebSocket) to do anything.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync();

        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
    }

    [Fact]
    public async Task SignIn_DemoCoordinatorButton_SignsInAsTheDemoCoordinator()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("Demo data: synthetic cases");
        await BrowserServer.ScreenshotAsync(page, "sign-in");

        await page.GetByTestId("demo-coordinator").ClickAsync();

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(DemoUsers.Coordinator.Name);
    }

    [Fact]
    public async Task SignIn_UnknownToken_ShowsErrorAtTheField()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.GetByLabel("Access token").FillAsync("imr_not_a_real_token");
        await page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(page.Locator("#token-error")).ToContainTextAsync("not known");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_SignedOut_RedirectsToSignIn()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_SignedIn_ReturnsToSignInAndForgetsTheSession()
    {
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, ImrServer.AdminToken);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync("/");

        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_TokenRevokedAfterSignIn_EndsAtTheNextPage()
    {
        var token = await browser.Server.CreateUserAsync("coordinator", "Synthetic Revoked Coordinator");
        var page = await browser.NewPageAsync();
        await BrowserServer.SignInAsync(page, token);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Synthetic Revoked Coordinator");

        await using (var db = browser.Server.Database.CreateContext())
        {
            var hash = OpenImr.Web.Infrastructure.ApiTokens.Hash(token);
            var stored = db.ApiTokens.Single(t => t.TokenHash == hash);
            stored.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await page.GotoAsync("/queue");

        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }
}
