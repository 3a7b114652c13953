using System.Reflection;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// The manifests that say where the UI's static files are (this library's, MudBlazor's, the
/// framework's blazor.web.js) and which URLs serve them. A host built with the web SDK (imr, the
/// web tests) writes its own next to its assembly; any other host falls back to this library's,
/// which lacks blazor.web.js, so pages render but stay static there.
/// </summary>
internal sealed record StaticAssetManifests(string Runtime, string Endpoints)
{
    public static StaticAssetManifests? Find()
    {
        string?[] names = [Assembly.GetEntryAssembly()?.GetName().Name, typeof(StaticAssetManifests).Assembly.GetName().Name];
        return names.OfType<string>()
            .Select(name => new StaticAssetManifests(
                Path.Combine(AppContext.BaseDirectory, name + ".staticwebassets.runtime.json"),
                Path.Combine(AppContext.BaseDirectory, name + ".staticwebassets.endpoints.json")))
            .FirstOrDefault(manifests => File.Exists(manifests.Endpoints));
    }
}
