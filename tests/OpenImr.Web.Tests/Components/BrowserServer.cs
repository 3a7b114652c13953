using Microsoft.Playwright;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components;

/// <summary>
/// The real server with the demo loaded, on a temporary SQLite file, and one headless chromium.
/// Each test opens its own browser context (its own cookies) at 1366×768, a laptop screen.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    private readonly TempSqlite _database = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ImrServer? _server;

    public ImrServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            // Note that the tests skip with the message; starting the server would be wasted.
            return;
        }

        // Note that the machine runs the other tests beside these: a server step can take seconds, not milliseconds.
        Assertions.SetDefaultExpectTimeout(20_000);
        _server = await ImrServer.StartAsync(_database.Target, demo: true);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh page at 1366×768 in a context of its own; skips when chromium is absent.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            Assert.Skip(Chromium.MissingMessage);
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page with a token, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Access token").FillAsync(token);
        await page.GetByTestId("sign-in").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException exception) when (page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            // Note that the page as it stood says why: a message at the field, or an error page.
            throw new InvalidOperationException($"Signing in did not leave {page.Url}; the page reads: {await page.InnerTextAsync("body")}", exception);
        }
        catch (TimeoutException)
        {
            // Note that under load the redirect can land while the wait is still subscribing and its
            // navigation event is missed; the page has left the sign-in page, which is all this waits for.
        }
    }

    /// <summary>Saves a screenshot of the page to docs/screenshots/NAME.png in the repository.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _database.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenImr.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: OpenImr.slnx is in no folder above " + AppContext.BaseDirectory);
    }
}
