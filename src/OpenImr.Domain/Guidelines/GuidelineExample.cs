using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Guidelines;

/// <summary>
/// A synthetic case kept beside a topic (in an examples file the manifest lists) with the decision and the criterion
/// statuses the topic must give it: <c>imr guidelines test</c> runs them as a suite.
/// </summary>
/// <param name="Id">Unique id of the example.</param>
/// <param name="File">The examples file.</param>
/// <param name="Path">JSON path of the example in that file.</param>
/// <param name="Topic">The topic that must govern the request, <c>guideline-id/topic-id</c>.</param>
/// <param name="Request">The request as a requester words it.</param>
/// <param name="Record">A synthetic clinical record (it must say it is synthetic).</param>
/// <param name="Injury">Date of injury, if the example needs one.</param>
/// <param name="UrDenial">The UR decision date: it picks the guideline edition.</param>
/// <param name="Decision">The expected decision.</param>
/// <param name="Criteria">The expected status of each criterion the example speaks to.</param>
public sealed record GuidelineExample(
    string Id,
    string File,
    string Path,
    string Topic,
    string Request,
    string Record,
    DateOnly? Injury,
    DateOnly UrDenial,
    Decision Decision,
    IReadOnlyDictionary<string, CriterionStatus> Criteria);

/// <summary>Reads examples files (<c>{"examples": [...]}</c>), reporting problems as the library loader does.</summary>
internal static class GuidelineExampleReader
{
    private static readonly Dictionary<string, Decision> Decisions = new(StringComparer.Ordinal)
    {
        ["Upheld"] = Decision.Upheld,
        ["Overturned"] = Decision.Overturned,
        ["NoRecommendation"] = Decision.NoRecommendation,
    };

    private static readonly Dictionary<string, CriterionStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["met"] = CriterionStatus.Met,
        ["not-met"] = CriterionStatus.NotMet,
        ["not-documented"] = CriterionStatus.NotDocumented,
    };

    public static List<GuidelineExample> Read(JsonElement root, IReadOnlyList<Guideline> guidelines, JsonWalker walker)
    {
        var examples = new List<GuidelineExample>();
        if (!walker.IsObject(root, "$"))
        {
            return examples;
        }

        walker.CheckProperties(root, "$", "note", "examples");
        foreach (var (item, path) in walker.Array(root, "examples", "$", required: true))
        {
            if (!walker.IsObject(item, path))
            {
                continue;
            }

            walker.CheckProperties(item, path, "id", "topic", "request", "record", "injury", "urDenial", "decision", "criteria");
            var id = walker.String(item, "id", path, required: true);
            var topic = walker.String(item, "topic", path, required: true);
            var request = walker.String(item, "request", path, required: true);
            var record = walker.String(item, "record", path, required: true);
            var injury = walker.Date(item, "injury", path, required: false);
            var urDenial = walker.Date(item, "urDenial", path, required: true);
            var decision = walker.Word(item, "decision", path, Decisions, required: true);
            var criteria = new Dictionary<string, CriterionStatus>(StringComparer.Ordinal);
            if (item.TryGetProperty("criteria", out var expected) && walker.IsObject(expected, JsonWalker.Child(path, "criteria")))
            {
                foreach (var property in expected.EnumerateObject())
                {
                    if (walker.Word(expected, property.Name, JsonWalker.Child(path, "criteria"), Statuses, required: true) is { } status)
                    {
                        criteria[property.Name] = status;
                    }
                }
            }

            if (record is not null && !record.Contains("synthetic", StringComparison.OrdinalIgnoreCase))
            {
                walker.Report("GL502", JsonWalker.Child(path, "record"), "an example's record must say it is synthetic (write 'Synthetic record.'); never a real patient's words.");
            }

            var target = topic is null ? null : Find(guidelines, topic);
            if (topic is not null && target is null)
            {
                walker.Report("GL501", JsonWalker.Child(path, "topic"), $"'{topic}' is not 'guideline-id/topic-id' of a topic in the library.");
            }

            foreach (var criterion in criteria.Keys.Where(c => target is not null && !target.Criteria.Any(k => k.Id == c) && !target.Quantities.Any(q => q.Id == c)))
            {
                walker.Report("GL501", JsonWalker.Child(JsonWalker.Child(path, "criteria"), criterion), $"topic '{topic}' has no criterion '{criterion}'.");
            }

            if (examples.Any(e => e.Id == id))
            {
                walker.Report("GL201", JsonWalker.Child(path, "id"), $"duplicate example id '{id}'.");
            }
            else if (id is not null && target is not null && request is not null && record is not null && urDenial is { } ur && decision is { } d)
            {
                examples.Add(new GuidelineExample(id, walker.File, path, topic!, request, record, injury, ur, d, criteria));
            }
        }

        return examples;
    }

    private static GuidelineTopic? Find(IReadOnlyList<Guideline> guidelines, string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : guidelines.FirstOrDefault(g => g.Id == reference[..slash])?.FindTopic(reference[(slash + 1)..]);
    }
}
