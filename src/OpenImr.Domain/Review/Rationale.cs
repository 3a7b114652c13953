using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>Writes a determination's rationale from the criteria library's templates (our own words).</summary>
internal static class Rationale
{
    /// <summary>How the engine words the finding of a decisive question it cannot answer.</summary>
    internal const string QuestionPrefix = "a question for the physician reviewer";

    public static string Write(RationaleTemplates templates, ParsedRequest request, HierarchySelection selection, GuidelineCitation citation,
        Decision decision, RecommendationStrength strength, IReadOnlyList<Assessed> assessments)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["request"] = request.Description,
            ["service"] = request.Service.ToString(),
            ["guideline"] = $"{citation.Source} {citation.Title}",
            ["section"] = citation.Section,
            ["pages"] = citation.Pages is null ? null : $"pages {citation.Pages}",
        };
        var sentences = new List<string>
        {
            templates.Render(strength switch
            {
                RecommendationStrength.MetWithEvidence => "openings.overturned",
                RecommendationStrength.NotEstablished => "openings.not-established",
                _ => "openings.upheld",
            }, values),
            templates.Render(selection.MtusSilent ? "hierarchy.mtus-silent" : "hierarchy.mtus", values),
        };

        // Upheld: say what failed or is missing; overturned: say what was shown.
        var relevant = decision == Decision.Overturned
            ? assessments.Where(a => a.Decisive && a.Assessment.Status == CriterionStatus.Met)
            : assessments.Where(a => a.Decisive && a.Assessment.Status != CriterionStatus.Met);
        var quantityExceeded = false;
        foreach (var assessed in relevant)
        {
            var assessment = assessed.Assessment;
            var criterionValues = new Dictionary<string, string?>(values, StringComparer.Ordinal)
            {
                ["criterion"] = assessment.Text.TrimEnd('.'),
                ["evidence"] = Evidence(assessment),
            };
            var key = assessment.Status switch
            {
                CriterionStatus.Met => "criteria.met",
                CriterionStatus.NotMet => "criteria.not-met",
                _ when assessment.Finding?.StartsWith(QuestionPrefix, StringComparison.Ordinal) == true => "criteria.question",
                _ => "criteria.not-documented",
            };
            sentences.Add(templates.Render(key, criterionValues));
            quantityExceeded |= assessment.Id.Contains(".qty.", StringComparison.Ordinal) && assessment.Status == CriterionStatus.NotMet;
        }

        if (quantityExceeded)
        {
            sentences.Add(templates.Render("quantity.cannot-modify", values));
        }

        if (strength == RecommendationStrength.NotEstablished && !assessments.Any(a => a.Decisive && a.Assessment.Status != CriterionStatus.Met))
        {
            sentences.Add(templates.Render("criteria.none-established", values));
        }

        sentences.Add(templates.Render(decision == Decision.Overturned ? "closings.overturned" : "closings.upheld", values));
        return string.Join(" ", sentences.Where(s => s.Length > 0));
    }

    /// <summary>A service that serves a surgery found not medically necessary.</summary>
    public static string Dependent(RationaleTemplates templates, ParsedRequest request, Determination surgery) =>
        templates.Render("openings.dependent-upheld", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["request"] = request.Description,
            ["surgery"] = surgery.Request,
        });

    public static string NoRecommendation(RationaleTemplates templates, ParsedRequest request, string reason) =>
        templates.Render("openings.no-recommendation", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["request"] = request.Description,
            ["reason"] = reason,
        });

    private static string? Evidence(CriterionAssessment assessment)
    {
        var parts = new List<string>();
        if (assessment.Finding is { Length: > 0 } finding)
        {
            parts.Add(char.ToUpperInvariant(finding[0]) + finding[1..] + (finding[^1] is '.' or '?' or '!' ? "" : "."));
        }

        if (assessment.Evidence.Count > 0)
        {
            parts.Add($"The records say: \"{assessment.Evidence[0].Quote.Trim()}\"");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
