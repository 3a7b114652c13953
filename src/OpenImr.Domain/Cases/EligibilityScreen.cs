namespace OpenImr.Domain.Cases;

/// <summary>
/// The stable codes of eligibility reasons (ELG001–ELG099). A code never changes meaning; new
/// reasons get new codes.
/// </summary>
public static class EligibilityCodes
{
    /// <summary>The application was received after its deadline.</summary>
    public const string Late = "ELG001";

    /// <summary>The application is not signed by the worker or a representative.</summary>
    public const string Unsigned = "ELG002";

    /// <summary>A copy of the UR decision is not attached.</summary>
    public const string UrDecisionNotAttached = "ELG003";

    /// <summary>The UR decision is a conditional non-certification (treatment denied for missing information).</summary>
    public const string ConditionalNonCertification = "ELG004";

    /// <summary>No disputed treatment is named.</summary>
    public const string NoDisputedTreatment = "ELG005";

    /// <summary>Injury before 2013-01-01 and UR decision before 2013-07-01: not within IMR.</summary>
    public const string OutOfScope = "ELG006";

    /// <summary>A fact needed to decide eligibility is missing.</summary>
    public const string MissingInformation = "ELG007";
}

/// <summary>Why an application is not (or not yet) eligible.</summary>
/// <param name="Code">One of <see cref="EligibilityCodes"/>.</param>
/// <param name="Source">The rule's source, e.g. <c>LC 4610.5(h)(1)</c>.</param>
/// <param name="Message">Plain words for the parties.</param>
/// <param name="Field">The <see cref="Case"/> field concerned, camelCase as in CONTRACTS.md, e.g. <c>application.signed</c>.</param>
public sealed record EligibilityReason(string Code, string Source, string Message, string? Field = null);

/// <summary>The outcome of a screen: eligible when there is no reason against it.</summary>
public sealed record EligibilityResult(bool Eligible, IReadOnlyList<EligibilityReason> Reasons)
{
    /// <summary>True when the only reasons are missing information: the application may become eligible once it is supplied.</summary>
    public bool NeedsInformation => !Eligible && Reasons.All(r => r.Code == EligibilityCodes.MissingInformation);
}

/// <summary>
/// Screens an IMR application by DWC's published ineligibility reasons and the scope of LC
/// 4610.5(a), collecting every reason rather than stopping at the first.
/// </summary>
public static class EligibilityScreen
{
    // Source: LC 4610.5(a)(1),(2)
    private static readonly DateOnly InjuryScopeStart = new(2013, 1, 1);
    private static readonly DateOnly DecisionScopeStart = new(2013, 7, 1);

    /// <summary>
    /// Screens <paramref name="case"/>. An application without a received date is taken as received
    /// on <paramref name="asOf"/>, the day it is screened. Timeliness that cannot be settled because
    /// the date or manner of service of the UR decision is missing is reported as
    /// <see cref="EligibilityCodes.MissingInformation"/>, never guessed: an application on time even
    /// on the earliest possible deadline passes.
    /// </summary>
    public static EligibilityResult Screen(Case @case, DateOnly asOf, ClockRules? rules = null, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        rules ??= ClockRules.Default;
        calendar ??= BusinessCalendar.California;
        var reasons = new List<EligibilityReason>();
        var application = @case.Application;

        CheckTimeliness(@case, @case.Dates?.ApplicationReceived ?? asOf, rules, calendar, reasons);

        // Source: 8 CCR 9792.10.1(b)(1); DWC IMR updates page (PROC-03)
        switch (application?.Signed)
        {
            case false:
                reasons.Add(new(EligibilityCodes.Unsigned, "8 CCR 9792.10.1(b)(1)",
                    "The application is not signed by the injured worker or a representative.", "application.signed"));
                break;
            case null:
                reasons.Add(Missing("application.signed", "8 CCR 9792.10.1(b)(1)", "Whether the application is signed is not stated."));
                break;
        }

        // Source: 8 CCR 9792.10.1(b)(1); DWC notice: no reminder letters for a missing UR decision from 2014-04-01 (PROC-03)
        switch (application?.UrDecisionAttached)
        {
            case false:
                reasons.Add(new(EligibilityCodes.UrDecisionNotAttached, "8 CCR 9792.10.1(b)(1)",
                    "A copy of the utilization review decision is not attached to the application.", "application.urDecisionAttached"));
                break;
            case null:
                reasons.Add(Missing("application.urDecisionAttached", "8 CCR 9792.10.1(b)(1)", "Whether the UR decision is attached is not stated."));
                break;
        }

        // Source: DWC IMR updates page (PROC-04)
        switch (application?.ConditionalNonCertification)
        {
            case true:
                reasons.Add(new(EligibilityCodes.ConditionalNonCertification, "DWC IMR updates (conditional non-certification)",
                    "The UR decision is a conditional non-certification: treatment was denied because requested information was not supplied, so there is no valid UR decision to review.",
                    "application.conditionalNonCertification"));
                break;
            case null:
                reasons.Add(Missing("application.conditionalNonCertification", "DWC IMR updates (conditional non-certification)",
                    "Whether the UR decision is a conditional non-certification is not stated."));
                break;
        }

        // Source: LC 4610.5(c)(1): disputed medical treatment is what a UR decision modified, delayed or denied
        if (!@case.Requests.Any(r => !string.IsNullOrWhiteSpace(r.Description)))
        {
            reasons.Add(new(EligibilityCodes.NoDisputedTreatment, "LC 4610.5(c)(1)",
                "The application names no disputed treatment.", "requests"));
        }

        CheckScope(@case, reasons);
        return new EligibilityResult(reasons.Count == 0, reasons);
    }

    private static void CheckTimeliness(Case @case, DateOnly received, ClockRules rules, BusinessCalendar calendar, List<EligibilityReason> reasons)
    {
        // Source: LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1); CCP 1013(a); CCP 12a (PROC-02)
        const string source = "LC 4610.5(h)(1); CCP 1013(a); CCP 12a";
        var served = @case.Application?.UrDecisionServed;
        var start = served ?? @case.Dates?.UrDenial;
        if (start is not { } from)
        {
            reasons.Add(Missing("application.urDecisionServed", source, "The date the UR decision was served is not stated."));
            return;
        }

        var servedBy = @case.Application?.ServedBy;
        var byMail = CaseClock.ServedByMail(@case);

        // Note that service is never before the decision and mail only extends: this is the earliest the deadline can be.
        var earliest = rules.Compute(ClockKind.Application, from, byMail ? ClockCondition.ServedByMail : ClockCondition.None, calendar);
        if (earliest is null || received <= earliest.Due)
        {
            return;
        }

        if (served is null)
        {
            reasons.Add(Missing("application.urDecisionServed", source,
                $"The application was received {Iso(received)}, after {Iso(earliest.Due)}, 30 days from the UR decision; the date it was served is needed to decide whether it is late."));
            return;
        }

        var latest = string.IsNullOrWhiteSpace(servedBy)
            ? rules.Compute(ClockKind.Application, from, ClockCondition.ServedByMail, calendar)!
            : earliest;
        if (received <= latest.Due)
        {
            reasons.Add(Missing("application.servedBy", source,
                $"The application was received {Iso(received)}: on time only if the UR decision was served by mail; how it was served is needed."));
            return;
        }

        var days = received.DayNumber - from.DayNumber;
        reasons.Add(new(EligibilityCodes.Late, source,
            $"The application was received {Iso(received)}, {days} days after the UR decision was served on {Iso(from)}; it was due by {Iso(latest.Due)}.",
            "dates.applicationReceived"));
    }

    private static void CheckScope(Case @case, List<EligibilityReason> reasons)
    {
        // Source: LC 4610.5(a)(1),(2) (PROC-01)
        const string source = "LC 4610.5(a)";
        var injury = @case.Dates?.Injury;
        var decision = @case.Dates?.UrDenial ?? @case.Application?.UrDecisionServed;
        if (injury >= InjuryScopeStart || decision >= DecisionScopeStart)
        {
            return;
        }

        if (injury is { } i && decision is { } d)
        {
            reasons.Add(new(EligibilityCodes.OutOfScope, source,
                $"The injury ({Iso(i)}) is before 2013-01-01 and the UR decision ({Iso(d)}) before 2013-07-01: the dispute is not within IMR.",
                "dates.injury"));
            return;
        }

        if (injury is null)
        {
            reasons.Add(Missing("dates.injury", source, "The date of injury is not stated and the UR decision does not by itself bring the dispute within IMR."));
        }

        if (decision is null)
        {
            reasons.Add(Missing("dates.urDenial", source, "The date of the UR decision is not stated and the date of injury does not by itself bring the dispute within IMR."));
        }
    }

    private static EligibilityReason Missing(string field, string source, string message) =>
        new(EligibilityCodes.MissingInformation, source, message, field);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
