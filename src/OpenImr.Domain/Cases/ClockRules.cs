using System.Text.Json.Serialization;

namespace OpenImr.Domain.Cases;

/// <summary>The legal clocks of an IMR case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClockKind>))]
public enum ClockKind
{
    /// <summary>The application must be received (PROC-02).</summary>
    [JsonStringEnumMemberName("application")]
    Application,

    /// <summary>The notice of assignment must go out after the eligibility finding (PROC-08).</summary>
    [JsonStringEnumMemberName("assignment-notice")]
    AssignmentNotice,

    /// <summary>The IMRO must have received the records (PROC-11).</summary>
    [JsonStringEnumMemberName("records")]
    Records,

    /// <summary>The final determination must be issued (PROC-13).</summary>
    [JsonStringEnumMemberName("determination")]
    Determination,
}

/// <summary>How a clock's amount is counted.</summary>
public enum ClockUnit
{
    /// <summary>Calendar days, excluding the first day (CCP 12); the last day moves to the next business day (CCP 12a).</summary>
    CalendarDays,

    /// <summary>Business (working) days, excluding the first day.</summary>
    BusinessDays,

    /// <summary>Hours, running through weekends and holidays; at date resolution, rounded up to whole days.</summary>
    Hours,
}

/// <summary>The facts that select a variant of a clock. A rule applies when all its conditions hold.</summary>
[Flags]
public enum ClockCondition
{
    /// <summary>Always applies.</summary>
    None = 0,

    /// <summary>The UR decision was served by mail.</summary>
    ServedByMail = 1,

    /// <summary>The notice of assignment was sent electronically.</summary>
    NoticeElectronic = 2,

    /// <summary>The review is expedited.</summary>
    Expedited = 4,

    /// <summary>The dispute is over a drug under the MTUS drug formulary.</summary>
    FormularyDispute = 8,
}

/// <summary>
/// One legal clock as dated data.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>CLK-APP-30</c>.</param>
/// <param name="Extension">
/// An extension adds its amount to the base rule chosen (the 5 days for mail service); a base
/// rule sets the period itself. Where several base rules apply, the one giving the earliest
/// deadline wins (expedited records in 24 hours, not 12 days).
/// </param>
/// <param name="Process">The workflow rule in domain-facts.md 6.6, e.g. <c>PROC-02</c>.</param>
/// <param name="Confidence">The domain-facts.md tag: V, K-high, K-medium, K-low or I.</param>
public sealed record ClockRule(
    string Id,
    ClockKind Clock,
    ClockCondition Condition,
    int Amount,
    ClockUnit Unit,
    bool Extension,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    string Confidence,
    string Process,
    string Description)
{
    /// <summary>Whether the rule governs a clock that starts on <paramref name="start"/>.</summary>
    public bool InEffectOn(DateOnly start) => start >= EffectiveFrom && (EffectiveTo is null || start <= EffectiveTo);

    /// <summary>Whether the rule's conditions all hold.</summary>
    public bool AppliesTo(ClockCondition conditions) => (conditions & Condition) == Condition;
}

/// <summary>A clock computed: the base rule, any extensions, and the due date before and after moving off a weekend or holiday.</summary>
public sealed record ClockComputation(ClockRule Rule, IReadOnlyList<ClockRule> Extensions, DateOnly CalendarDue, DateOnly Due);

/// <summary>The set of clock rules in force, with effective dates. <see cref="Default"/> holds the rules of domain-facts.md 4 and 6.6.</summary>
public sealed class ClockRules
{
    private static readonly DateOnly ImrStart = new(2013, 1, 1);

    // Source: domain-facts.md 1 (version table): MTUS drug formulary from 2018-01-01 [K-medium]
    private static readonly DateOnly FormularyStart = new(2018, 1, 1);

    /// <summary>A rule set; rules are kept in the given order.</summary>
    public ClockRules(IEnumerable<ClockRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
    }

    /// <summary>Every rule, in force or not.</summary>
    public IReadOnlyList<ClockRule> Rules { get; }

    /// <summary>The rules of domain-facts.md 4.2, 4.5, 4.6 and 4.7.</summary>
    public static ClockRules Default { get; } = new(
    [
        new("CLK-APP-30", ClockKind.Application, ClockCondition.None, 30, ClockUnit.CalendarDays, Extension: false, ImrStart, null,
            "LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1)", "V", "PROC-02",
            "Application for IMR received within 30 days after service of the UR decision"),
        new("CLK-APP-MAIL", ClockKind.Application, ClockCondition.ServedByMail, 5, ClockUnit.CalendarDays, Extension: true, ImrStart, null,
            "CCP 1013(a)", "V", "PROC-02",
            "Five more days when the UR decision was served by mail"),
        new("CLK-NOA-1BD", ClockKind.AssignmentNotice, ClockCondition.None, 1, ClockUnit.BusinessDays, Extension: false, ImrStart, null,
            "8 CCR 9792.10.4(b)", "V", "PROC-08",
            "Notice of assignment within 1 business day of the eligibility finding"),
        new("CLK-REC-15", ClockKind.Records, ClockCondition.None, 15, ClockUnit.CalendarDays, Extension: false, ImrStart, null,
            "8 CCR 9792.10.5(a)(1)", "V", "PROC-11",
            "Records received within 15 days of the mailing of the notice of assignment"),
        new("CLK-REC-12-ELEC", ClockKind.Records, ClockCondition.NoticeElectronic, 12, ClockUnit.CalendarDays, Extension: false, ImrStart, null,
            "8 CCR 9792.10.5(a)(1)", "V", "PROC-11",
            "Records received within 12 days when the notice of assignment was sent electronically"),
        new("CLK-REC-24H-EXP", ClockKind.Records, ClockCondition.Expedited, 24, ClockUnit.Hours, Extension: false, ImrStart, null,
            "8 CCR 9792.10.5(a)(1)", "V", "PROC-11",
            "Records received within 24 hours of the notice for expedited review"),
        new("CLK-DET-30", ClockKind.Determination, ClockCondition.None, 30, ClockUnit.CalendarDays, Extension: false, ImrStart, null,
            "LC 4610.6(d)(1)(B)", "V", "PROC-13",
            "Determination within 30 days of receipt of the request and supporting documents (directory, not mandatory: Margaris)"),
        new("CLK-DET-3-EXP", ClockKind.Determination, ClockCondition.Expedited, 3, ClockUnit.CalendarDays, Extension: false, ImrStart, null,
            "LC 4610.6(d)", "K-high", "PROC-13",
            "Determination within 3 days of receipt of the information for expedited review"),
        new("CLK-DET-5WD-FORM", ClockKind.Determination, ClockCondition.FormularyDispute, 5, ClockUnit.BusinessDays, Extension: false, FormularyStart, null,
            "LC 4610.6(d)(1)(A)", "V", "PROC-13",
            "Determination within 5 working days for a dispute over a drug under the formulary (formulary in force from 2018-01-01, K-medium)"),
    ]);

    /// <summary>
    /// The due date of <paramref name="clock"/> started on <paramref name="start"/>, under the rules in
    /// effect on that date and the <paramref name="conditions"/> that hold; null when no rule covers it.
    /// </summary>
    public ClockComputation? Compute(ClockKind clock, DateOnly start, ClockCondition conditions, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var inEffect = Rules.Where(r => r.Clock == clock && r.InEffectOn(start) && r.AppliesTo(conditions)).ToList();
        var extensions = inEffect.Where(r => r.Extension).ToList();
        var extra = extensions.Sum(r => r.Amount);
        ClockComputation? best = null;
        foreach (var rule in inEffect.Where(r => !r.Extension))
        {
            var computation = Apply(rule, extra, start, calendar) with { Extensions = extensions };
            if (best is null || computation.Due < best.Due)
            {
                best = computation;
            }
        }

        return best;
    }

    private static ClockComputation Apply(ClockRule rule, int extraDays, DateOnly start, BusinessCalendar calendar)
    {
        switch (rule.Unit)
        {
            case ClockUnit.BusinessDays:
                var business = calendar.AddBusinessDays(start, rule.Amount + extraDays);
                return new ClockComputation(rule, [], business, business);
            case ClockUnit.Hours:
                // Note that hours run through weekends and holidays: CCP 12a moves a last *day*.
                var hours = start.AddDays(((rule.Amount + 23) / 24) + extraDays);
                return new ClockComputation(rule, [], hours, hours);
            default:
                var calendarDue = start.AddDays(rule.Amount + extraDays);
                // Source: CCP 12a(a): a last day on a weekend or holiday moves to the next business day
                return new ClockComputation(rule, [], calendarDue, calendar.OnOrNextBusinessDay(calendarDue));
        }
    }
}
