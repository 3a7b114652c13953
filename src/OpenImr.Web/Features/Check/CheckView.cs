using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Web.Features.Check;

/// <summary>The words the check page shows for statuses, outlooks and citations.</summary>
public static class CheckView
{
    public static string Citation(GuidelineCitation? guideline) => guideline is null
        ? "no guideline in the library covers it"
        : $"{guideline.Source}{(guideline.Title is null ? "" : " " + guideline.Title)}{(guideline.Pages is null ? "" : $", p. {guideline.Pages}")}{(guideline.Section is null ? "" : $" ({guideline.Section})")}";

    public static string Status(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "Met",
        CriterionStatus.NotMet => "Not met",
        _ => "Not documented yet",
    };

    public static string StatusClass(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "imr-status-met",
        CriterionStatus.NotMet => "imr-status-not-met",
        _ => "imr-status-missing",
    };

    public static string Outlook(Decision decision) => decision switch
    {
        Decision.Overturned => "the criteria are met; a denial would likely be overturned",
        Decision.Upheld => "the criteria are not met or not shown; a denial would likely be upheld",
        _ => "not enough to tell; see what is missing",
    };
}
