using System.Text.Json;

namespace OpenImr.Domain.Guidelines;

/// <summary>Reads <c>hierarchy.json</c> and <c>templates.json</c> and checks them against the guidelines and the vocabulary.</summary>
internal static class HierarchyReader
{
    public static (IReadOnlyList<HierarchyEntry> Entries, IReadOnlyList<NotCoveredService> NotCovered) Read(JsonElement root, IReadOnlyList<Guideline> guidelines, JsonWalker walker)
    {
        if (!walker.IsObject(root, "$"))
        {
            return ([], []);
        }

        walker.CheckProperties(root, "$", "note", "entries", "notCovered");
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<HierarchyEntry>();
        foreach (var (item, path) in walker.Array(root, "entries", "$", required: true))
        {
            if (!walker.IsObject(item, path))
            {
                continue;
            }

            walker.CheckProperties(item, path, "service", "candidates");
            var service = walker.String(item, "service", path, required: true);
            if (service is null || !CheckService(service, path, listed, walker))
            {
                continue;
            }

            var candidates = walker.Array(item, "candidates", path, required: true)
                .Select(c => ReadCandidate(c.Item, c.Path, service, guidelines, walker))
                .OfType<HierarchyCandidate>()
                .ToList();
            entries.Add(new HierarchyEntry(service, candidates));
        }

        var notCovered = new List<NotCoveredService>();
        foreach (var (item, path) in walker.Array(root, "notCovered", "$", required: false))
        {
            if (!walker.IsObject(item, path))
            {
                continue;
            }

            walker.CheckProperties(item, path, "service", "reason");
            var service = walker.String(item, "service", path, required: true);
            var reason = walker.String(item, "reason", path, required: true);
            if (service is not null && CheckService(service, path, listed, walker) && reason is not null)
            {
                notCovered.Add(new NotCoveredService(service, reason));
            }
        }

        foreach (var missing in GuidelineVocabulary.ServiceKinds.Order(StringComparer.Ordinal).Where(s => !listed.ContainsKey(s)))
        {
            walker.Report("GL302", "$", $"service kind '{missing}' is neither in 'entries' nor in 'notCovered' (with a reason).");
        }

        return (entries, notCovered);
    }

    private static bool CheckService(string service, string path, Dictionary<string, string> listed, JsonWalker walker)
    {
        if (!GuidelineVocabulary.ServiceKinds.Contains(service))
        {
            walker.Report("GL203", $"{path}.service", $"unknown service kind '{service}'.");
            return false;
        }

        if (!listed.TryAdd(service, path))
        {
            walker.Report("GL302", $"{path}.service", $"service kind '{service}' is listed twice (first at {listed[service]}).");
            return false;
        }

        return true;
    }

    private static HierarchyCandidate? ReadCandidate(JsonElement item, string path, string service, IReadOnlyList<Guideline> guidelines, JsonWalker walker)
    {
        string? reference;
        IReadOnlyList<string> qualifiers = [];
        var referencePath = path;
        if (item.ValueKind == JsonValueKind.String)
        {
            reference = item.GetString();
        }
        else if (walker.IsObject(item, path))
        {
            walker.CheckProperties(item, path, "topic", "qualifiers");
            reference = walker.String(item, "topic", path, required: true);
            qualifiers = walker.Strings(item, "qualifiers", path, required: true) ?? [];
            referencePath = $"{path}.topic";
        }
        else
        {
            return null;
        }

        var parts = reference?.Split('/') ?? [];
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            walker.Report("GL301", referencePath, $"'{reference}' is not 'family/topic'.");
            return null;
        }

        var topics = guidelines.Where(g => g.Family == parts[0]).Select(g => g.FindTopic(parts[1])).OfType<GuidelineTopic>().ToList();
        if (topics.Count == 0)
        {
            walker.Report("GL301", referencePath, $"'{reference}' names no topic of any guideline edition in the library.");
            return null;
        }

        if (!topics.Any(t => t.CoversService(service)))
        {
            walker.Report("GL301", referencePath, $"topic '{reference}' does not list the service '{service}' in any edition.");
            return null;
        }

        return new HierarchyCandidate(parts[0], parts[1], qualifiers);
    }

    public static RationaleTemplates ReadTemplates(JsonElement root, JsonWalker walker)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!walker.IsObject(root, "$"))
        {
            return new RationaleTemplates(templates);
        }

        foreach (var group in root.EnumerateObject().Where(p => p.Name != "note"))
        {
            var groupPath = $"$.{group.Name}";
            if (!walker.IsObject(group.Value, groupPath))
            {
                continue;
            }

            foreach (var template in group.Value.EnumerateObject())
            {
                var path = $"{groupPath}.{template.Name}";
                if (template.Value.ValueKind != JsonValueKind.String)
                {
                    walker.Report("GL102", path, $"a template must be a string, found {JsonWalker.Describe(template.Value)}.");
                    continue;
                }

                var text = template.Value.GetString()!;
                foreach (var unknown in RationaleTemplates.PlaceholdersOf(text).Where(p => !GuidelineVocabulary.TemplatePlaceholders.Contains(p)))
                {
                    walker.Report("GL401", path, $"unknown placeholder '{{{unknown}}}'; known: {string.Join(", ", GuidelineVocabulary.TemplatePlaceholders)}.");
                }

                templates[$"{group.Name}.{template.Name}"] = text;
            }
        }

        return new RationaleTemplates(templates);
    }
}
