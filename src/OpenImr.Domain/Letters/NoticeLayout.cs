using System.Text.RegularExpressions;
using OpenImr.Domain.Text;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The 2013 "Notice of Independent Medical Review Determination" layout: numbered findings
/// ("1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically
/// necessary and appropriate"), then "Medical Qualifications of the Expert Reviewer",
/// "Case Summary" and "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" with one
/// "Regarding the request for X" part per finding.
/// </summary>
internal static partial class NoticeLayout
{
    public static bool Recognises(LetterText text)
    {
        foreach (var line in text.Lines.Take(80))
        {
            if (NoticeTitle().IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }

    public static LetterParseResult Read(LetterText text, string? source, List<LetterParseIssue> issues)
    {
        var lines = text.Lines;
        var all = LetterText.Flow(lines);
        var findings = Finding().Matches(all);
        if (findings.Count == 0)
        {
            var hasRationale = LetterParser.FindHeading(lines, RationaleHeading(), 0) >= 0;
            issues.Add(hasRationale
                ? new(LetterIssueCodes.NoDecisions, IssueSeverity.Error, "the notice states no determination: no 'has determined the request for ... is (not) medically necessary' finding was found")
                : new(LetterIssueCodes.NoIssuesSection, IssueSeverity.Error, "the notice has no determinations and no 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE' section (is the file cut short?)"));
            return new(null, issues);
        }

        var firstFindingLine = FirstLineContaining(lines, "has determined");
        var header = LetterHeader.Read(lines, 0, firstFindingLine < 0 ? Math.Min(lines.Count, 40) : firstFindingLine, issues);
        var decided = Dated().Match(all) is { Success: true } dated ? DateText.Parse(dated.Groups["d"].Value) : null;
        var assigned = NoticeOfAssignment().Match(all) is { Success: true } notice ? DateText.Parse(notice.Groups["d"].Value) : null;

        var qualifications = SectionBetween(all, QualificationsLabel(), [CaseSummaryLabel(), RationaleHeadingInline(), RegardingRequest()]);
        var credentials = qualifications is null ? ReviewerCredentials.None : ReviewerCredentialsReader.Read(qualifications);
        var summaryText = SectionBetween(all, CaseSummaryLabel(), [RegardingRequest(), QualificationsLabel(), RationaleHeadingInline()]);
        var summary = summaryText is null ? null : SummaryDisclaimer().Replace(summaryText, "").Trim();
        if (summary is { Length: 0 })
        {
            summary = null;
        }

        var rationales = RegardingRequest().Matches(all);
        var items = new List<LetterItem>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var request = finding.Groups["request"].Value.Trim();
            var decision = finding.Groups["not"].Success ? Decision.Upheld : Decision.Overturned;
            string? claims = null, imr = null, rationale = null;
            if (i < rationales.Count)
            {
                var from = rationales[i].Index + rationales[i].Length;
                var to = i + 1 < rationales.Count ? rationales[i + 1].Index : all.Length;
                var part = all[from..to];
                claims = Field(part, ClaimsGuideline(), [ExpertGuideline(), RationaleLabel()]);
                imr = Field(part, ExpertGuideline(), [RationaleLabel()]);
                rationale = Field(part, RationaleLabel(), []);
            }

            var citations = GuidelineCitationParser.Parse(AsDecisionBasedOn(imr));
            if (citations.Count == 0 && imr is not null && AdoptsClaimsGuideline().IsMatch(imr))
            {
                citations = GuidelineCitationParser.Parse(AsDecisionBasedOn(claims));
            }

            if (rationale is null)
            {
                issues.Add(new(LetterIssueCodes.MissingRationale, IssueSeverity.Warning, $"the item '{request}' has no rationale for the decision"));
            }

            items.Add(new LetterItem(request, decision, claims, imr, citations, rationale));
        }

        var dates = header.Dates with
        {
            Decision = header.Dates.Decision ?? decided,
            Assigned = header.Dates.Assigned ?? assigned,
        };
        if (dates.Injury is null && SummaryFacts.InjuryDate(summary) is { } injury)
        {
            dates = dates with { Injury = injury };
        }

        var letter = new Letter(source, LetterFormats.Notice, header.CaseNumber, dates, header.Priority, credentials,
            SummaryFacts.Patient(summary), summary, items);
        return new(letter, issues);
    }

    private static string? AsDecisionBasedOn(string? guideline) =>
        guideline is null ? null : BasedItsDecisionOn().Replace(guideline, "Decision based on ");

    private static int FirstLineContaining(IReadOnlyList<string> lines, string text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? SectionBetween(string text, Regex start, Regex[] ends)
    {
        var match = start.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var from = match.Index + match.Length;
        var to = text.Length;
        foreach (var end in ends)
        {
            var next = end.Match(text, from);
            if (next.Success && next.Index < to)
            {
                to = next.Index;
            }
        }

        var value = text[from..to].Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? Field(string part, Regex label, Regex[] ends) => SectionBetween(part, label, ends);

    [GeneratedRegex(@"Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"\d{1,2}\)\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+determined\s+the\s+request\s+for\s+(?<request>.{1,400}?)\s+is\s+(?<not>not\s+)?medically\s+necessary\s+and\s+appropriate", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Finding();

    [GeneratedRegex(@"Dated:?\s*(?<d>" + DateText.Pattern + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dated();

    [GeneratedRegex(@"Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+Information\s+was\s+provided\s+to\s+the\s+above\s+parties\s+on\s+(?<d>" + DateText.Pattern + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoticeOfAssignment();

    [GeneratedRegex(@"Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualificationsLabel();

    [GeneratedRegex(@"Case\s+Summary\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseSummaryLabel();

    [GeneratedRegex(@"^\s*INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RationaleHeading();

    [GeneratedRegex(@"INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE", RegexOptions.CultureInvariant)]
    private static partial Regex RationaleHeadingInline();

    [GeneratedRegex(@"\d{1,2}\)\s*Regarding\s+the\s+request\s+for\s+.{1,400}?:\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegardingRequest();

    [GeneratedRegex(@"Medical\s+Treatment\s+Guideline\(?s?\)?\s+used\s+by\s+the\s+Claims\s+Administrator\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimsGuideline();

    [GeneratedRegex(@"Medical\s+Treatment\s+Guideline\(?s?\)?\s+used\s+by\s+the\s+Expert\s+Reviewer\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpertGuideline();

    [GeneratedRegex(@"Rationale\s+for\s+the\s+Decision\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RationaleLabel();

    [GeneratedRegex(@"found\s+the\s+Guidelines?\s+used\s+by\s+the\s+Claims\s+Administrator\s+(?:relevant|appropriate)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdoptsClaimsGuideline();

    [GeneratedRegex(@"(?:The\s+(?:Claims\s+Administrator|Expert\s+Reviewer)\s+)?based\s+(?:its|their|his/her)\s+decision\s+on\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BasedItsDecisionOn();

    [GeneratedRegex(@"^The\s+case\s+summary\s+was\s+taken\s+directly\s+from\s+the\s+Utilization\s+Review\s+(?:denial|determination)(?:/modification)?(?:\s+dated\s+" + DateText.Pattern + @")?\.?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryDisclaimer();
}
