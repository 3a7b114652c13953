using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenImr.Domain.Formulary;

namespace OpenImr.Domain.Guidelines;

/// <summary>
/// The criteria library: guideline documents with their topics, criteria and quantity rules, the
/// evidence hierarchy and the rationale templates, read from the JSON files under <c>guidelines/</c>.
/// Loading never throws on bad data: it returns what it could read plus every problem found.
/// </summary>
public sealed class GuidelineLibrary
{
    /// <summary>File name of the manifest.</summary>
    public const string ManifestName = "library.json";

    private const string ResourcePrefix = "guidelines/";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonSerializerOptions DrugListJson = new(Serialization.ImrJson.Compact) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private GuidelineLibrary(string version, IReadOnlyList<Guideline> guidelines, EvidenceHierarchy hierarchy, RationaleTemplates templates, IReadOnlyList<GuidelineExample> examples, DrugListVersions drugLists, IReadOnlyList<LibraryProblem> problems)
    {
        Version = version;
        DrugLists = drugLists;
        Examples = examples;
        Guidelines = guidelines;
        Hierarchy = hierarchy;
        Templates = templates;
        Problems = problems;
    }

    /// <summary>The library version from the manifest, e.g. <c>0.1.0</c>; <c>unknown</c> without a manifest.</summary>
    public string Version { get; }

    /// <summary>Every guideline edition read.</summary>
    public IReadOnlyList<Guideline> Guidelines { get; }

    /// <summary>Which topic governs which service.</summary>
    public EvidenceHierarchy Hierarchy { get; }

    /// <summary>Rationale sentences.</summary>
    public RationaleTemplates Templates { get; }

    /// <summary>The synthetic example cases kept beside the topics (the manifest's <c>examples</c> files).</summary>
    public IReadOnlyList<GuidelineExample> Examples { get; }

    /// <summary>
    /// The MTUS Drug List versions the library holds (the manifest's <c>drugLists</c>, written by <c>imr formulary import</c>
    /// from a published list). The shipped library holds none: no row is encoded that was not read from a published version.
    /// </summary>
    public DrugListVersions DrugLists { get; }

    /// <summary>Every problem found while loading; empty for a sound library.</summary>
    public IReadOnlyList<LibraryProblem> Problems { get; }

    /// <summary>The guideline edition with this id, or <see langword="null"/>.</summary>
    public Guideline? FindGuideline(string id) => Guidelines.FirstOrDefault(g => g.Id == id);

    /// <summary>The library shipped inside this assembly (the repository's <c>guidelines/**/*.json</c>).</summary>
    public static GuidelineLibrary LoadEmbedded()
    {
        var assembly = typeof(GuidelineLibrary).Assembly;
        return Load(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, ReadResource(assembly, n)))
            .ToList());
    }

    /// <summary>Reads the library from file texts; names are paths relative to <c>guidelines/</c> (a leading <c>guidelines/</c> is ignored).</summary>
    /// <param name="files">Each file's name and JSON text. Hosts read the files; this method does no I/O.</param>
    public static GuidelineLibrary Load(IEnumerable<(string Name, string Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<LibraryProblem>();
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            var normalized = Normalize(name);
            try
            {
                using var document = JsonDocument.Parse(json, JsonOptions);
                documents[normalized] = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problems.Add(new LibraryProblem("GL001", normalized, $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", $"not valid JSON: {e.Message}"));
            }
        }

        var manifest = ReadManifest(documents, problems);
        var guidelineFiles = documents.Keys
            .Where(n => n != ManifestName && n != manifest.Hierarchy && n != manifest.Templates && !manifest.Examples.Contains(n) && !manifest.DrugLists.Contains(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (manifest.Files is not null)
        {
            foreach (var missing in manifest.Files.Concat(manifest.Examples).Concat(manifest.DrugLists).Where(f => !documents.ContainsKey(f) && !problems.Any(p => p.File == f)))
            {
                problems.Add(new LibraryProblem("GL002", ManifestName, "$.files", $"the manifest lists '{missing}', which was not given."));
            }

            foreach (var extra in guidelineFiles.Where(f => !manifest.Files.Contains(f)))
            {
                problems.Add(new LibraryProblem("GL002", extra, "$", $"'{extra}' is not listed in {ManifestName} 'files'."));
            }
        }

        var drafts = new List<GuidelineDraft>();
        foreach (var file in guidelineFiles)
        {
            var draft = GuidelineReader.Read(documents[file], new JsonWalker(file, problems));
            if (draft is null)
            {
                continue;
            }

            var earlier = drafts.FirstOrDefault(d => d.Id == draft.Id && d.Complete);
            if (earlier is not null)
            {
                problems.Add(new LibraryProblem("GL201", file, "$.id", $"duplicate guideline id '{draft.Id}' (also in {earlier.File})."));
                continue;
            }

            drafts.Add(draft);
        }

        var guidelines = TopicResolver.Resolve(drafts, problems);
        var (entries, notCovered) = documents.TryGetValue(manifest.Hierarchy, out var hierarchyJson)
            ? HierarchyReader.Read(hierarchyJson, guidelines, new JsonWalker(manifest.Hierarchy, problems))
            : (Missing(manifest.Hierarchy, problems), (IReadOnlyList<NotCoveredService>)[]);
        var templates = documents.TryGetValue(manifest.Templates, out var templatesJson)
            ? HierarchyReader.ReadTemplates(templatesJson, new JsonWalker(manifest.Templates, problems))
            : new RationaleTemplates(new Dictionary<string, string>());

        var examples = manifest.Examples.Where(documents.ContainsKey)
            .SelectMany(f => GuidelineExampleReader.Read(documents[f], guidelines, new JsonWalker(f, problems)))
            .ToList();
        var drugLists = new List<DrugListVersion>();
        foreach (var file in manifest.DrugLists.Where(documents.ContainsKey))
        {
            try
            {
                drugLists.Add(documents[file].Deserialize<DrugListVersion>(DrugListJson) ?? throw new JsonException("the file holds null"));
            }
            catch (JsonException e)
            {
                problems.Add(new LibraryProblem("GL601", file, e.Path ?? "$", $"not a Drug List version as 'imr formulary import' writes it: {e.Message}"));
            }
        }

        var version = manifest.Version ?? "unknown";
        return new GuidelineLibrary(version, guidelines, new EvidenceHierarchy(guidelines, entries, notCovered, version), templates, examples, new DrugListVersions(drugLists), problems);
    }

    private static List<HierarchyEntry> Missing(string name, List<LibraryProblem> problems)
    {
        problems.Add(new LibraryProblem("GL002", name, "$", $"the hierarchy file '{name}' was not given."));
        return [];
    }

    private static (string? Version, IReadOnlyList<string>? Files, string Hierarchy, string Templates, IReadOnlyList<string> Examples, IReadOnlyList<string> DrugLists) ReadManifest(Dictionary<string, JsonElement> documents, List<LibraryProblem> problems)
    {
        if (!documents.TryGetValue(ManifestName, out var root))
        {
            if (!problems.Any(p => p.File == ManifestName))
            {
                problems.Add(new LibraryProblem("GL003", ManifestName, "$", $"no {ManifestName} manifest was given; the library has no version."));
            }

            return (null, null, "hierarchy.json", "templates.json", [], []);
        }

        var walker = new JsonWalker(ManifestName, problems);
        if (!walker.IsObject(root, "$"))
        {
            return (null, null, "hierarchy.json", "templates.json", [], []);
        }

        walker.CheckProperties(root, "$", "name", "version", "released", "note", "files", "hierarchy", "templates", "examples", "drugLists");
        walker.String(root, "name", "$", required: true);
        walker.Date(root, "released", "$", required: false);
        return (
            walker.String(root, "version", "$", required: true),
            walker.Strings(root, "files", "$", required: true)?.Select(Normalize).ToList(),
            Normalize(walker.String(root, "hierarchy", "$", required: false) ?? "hierarchy.json"),
            Normalize(walker.String(root, "templates", "$", required: false) ?? "templates.json"),
            walker.Strings(root, "examples", "$", required: false)?.Select(Normalize).ToList() ?? [],
            walker.Strings(root, "drugLists", "$", required: false)?.Select(Normalize).ToList() ?? []);
    }

    private static string Normalize(string name)
    {
        var path = name.Replace('\\', '/').TrimStart('/');
        return path.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? path[ResourcePrefix.Length..] : path;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        // Note that an embedded resource is part of the assembly, not a file: no I/O policy is bent here.
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded resource '{name}' vanished.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
