namespace OpenImr.Domain.Guidelines;

/// <summary>What follows when a criterion is not met.</summary>
public enum FailureEffect
{
    /// <summary>Decisive: the denial stands (Upheld).</summary>
    Upheld,

    /// <summary>Supporting only: weighs in the rationale but does not decide.</summary>
    Supporting,
}

/// <summary>Where a criterion or quantity comes from.</summary>
/// <param name="Pages">Pages of the guideline, if cited by page.</param>
/// <param name="Section">Section, criterion number or regulation subsection.</param>
/// <param name="Document">Another document the rule is borrowed from (e.g. <c>ODG</c>), if not the topic's own.</param>
public sealed record SourceReference(string? Pages, string? Section, string? Document)
{
    /// <summary>"p.125, criterion 5" style text.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Document, Pages is null ? null : $"p.{Pages}", Section }.Where(s => s is not null));
}

/// <summary>One test a request must pass, stated in plain language and as a rule over facts.</summary>
/// <param name="Id">Stable id, e.g. <c>wc.rtw-goal</c>.</param>
/// <param name="Test">The test in our own words.</param>
/// <param name="Facts">Fact kinds it reads.</param>
/// <param name="Rule">How the facts combine.</param>
/// <param name="When">The criterion applies only when this rule is met (e.g. only after prior therapy); <see langword="null"/> for always.</param>
/// <param name="OnFail">Whether failing it decides the request.</param>
/// <param name="Source">Page or section.</param>
/// <param name="Confidence">How well it is established.</param>
/// <param name="Note">Implementation remark.</param>
public sealed record Criterion(
    string Id,
    string Test,
    IReadOnlyList<string> Facts,
    CriterionRule Rule,
    CriterionRule? When,
    FailureEffect OnFail,
    SourceReference Source,
    Confidence Confidence,
    string? Note);

/// <summary>How much care a topic supports, e.g. 9-10 visits over 8 weeks.</summary>
/// <param name="Id">Stable id, e.g. <c>pm.qty.myalgia</c>.</param>
/// <param name="Test">The limit in our own words.</param>
/// <param name="Unit">One of <see cref="GuidelineVocabulary.QuantityUnits"/>.</param>
/// <param name="Min">Lower end of a range such as 9-10 (informative).</param>
/// <param name="Max">The limit.</param>
/// <param name="OverWeeks">The span the limit covers, in weeks.</param>
/// <param name="Cumulative">Whether care already given counts against the limit.</param>
/// <param name="PerDiscipline">Whether the limit applies per discipline (PT, OT, chiropractic).</param>
/// <param name="When">The limit applies only when this rule is met (e.g. a diagnosis).</param>
/// <param name="ExemptWhen">The limit does not apply when this rule is met.</param>
/// <param name="Condition">The surgery or condition of a table row.</param>
/// <param name="InitialFraction">Share of the general course allowed as the initial course (postsurgical: 0.5).</param>
/// <param name="PeriodMonths">Treatment period in months (postsurgical).</param>
/// <param name="OnFail">Whether exceeding it decides the request.</param>
/// <param name="Source">Page or section.</param>
/// <param name="Confidence">How well it is established.</param>
/// <param name="Note">Implementation remark.</param>
public sealed record QuantityRule(
    string Id,
    string Test,
    string Unit,
    decimal? Min,
    decimal? Max,
    int? OverWeeks,
    bool Cumulative,
    bool PerDiscipline,
    CriterionRule? When,
    CriterionRule? ExemptWhen,
    string? Condition,
    decimal? InitialFraction,
    int? PeriodMonths,
    FailureEffect OnFail,
    SourceReference Source,
    Confidence Confidence,
    string? Note);
