using System.Text.Json;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Guidelines;

/// <summary>The shipped library's files as the test output holds them, for tests that change one.</summary>
internal static class LibraryFiles
{
    public static List<(string Name, string Json)> Read()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "guidelines");
        return [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))];
    }

    /// <summary>An examples file holding exactly these examples.</summary>
    public static string ExamplesJson(params GuidelineExample[] examples) => JsonSerializer.Serialize(new
    {
        examples = examples.Select(e => new
        {
            id = e.Id,
            topic = e.Topic,
            request = e.Request,
            record = e.Record,
            injury = e.Injury?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            urDenial = e.UrDenial.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            decision = e.Decision.ToString(),
            criteria = e.Criteria.ToDictionary(c => c.Key, c => c.Value switch
            {
                CriterionStatus.Met => "met",
                CriterionStatus.NotMet => "not-met",
                _ => "not-documented",
            }),
        }),
    });
}
