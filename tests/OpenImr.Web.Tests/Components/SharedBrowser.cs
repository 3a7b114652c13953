namespace OpenImr.Web.Tests.Components;

/// <summary>
/// The browser tests share one server and one chromium and run one after another: a browser and
/// a server per test class would crowd a small machine running the other tests beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserServer>
{
    public const string Name = "browser";
}
