using Microsoft.Playwright;

namespace OpenImr.Web.Tests.Components;

/// <summary>
/// Debian's chromium (the <c>chromium</c> package, which test.sh installs), driven by Playwright.
/// Playwright never downloads a browser here: the executable is the one on PATH.
/// </summary>
internal static class Chromium
{
    public const string MissingMessage =
        "chromium is not on PATH: install Debian's chromium package (./test.sh does) to run the browser tests.";

    private static readonly Lazy<string?> Executable = new(Locate);

    public static string? Path => Executable.Value;

    /// <summary>The flags of a quiet, headless, sandbox-free browser that makes no calls of its own.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Starts Playwright and a headless chromium, or skips the calling test when chromium is absent.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (Path is null)
        {
            Assert.Skip(MissingMessage);
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Path,
                Headless = true,
                Args = Arguments,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
}
