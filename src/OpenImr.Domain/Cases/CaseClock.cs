using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Cases;

/// <summary>
/// Facts of a case's progress that the <see cref="Case"/> input does not carry. Each is null (or
/// false) until known; a clock whose start is unknown is not reported.
/// </summary>
public sealed record ClockFacts
{
    /// <summary>The date the Administrative Director found the application eligible: starts the notice clock.</summary>
    public DateOnly? EligibleOn { get; init; }

    /// <summary>Whether the notice of assignment was sent electronically (12 rather than 15 days for records).</summary>
    public bool NoticeSentElectronically { get; init; }

    /// <summary>The date all records were received: starts the determination clock.</summary>
    public DateOnly? RecordsComplete { get; init; }

    /// <summary>Whether the dispute is over a drug under the MTUS drug formulary.</summary>
    public bool FormularyDispute { get; init; }

    /// <summary>The date the final determination was issued.</summary>
    public DateOnly? DeterminationIssued { get; init; }
}

/// <summary>
/// A deadline of a case: which clock, the rule that set it and its source, when it started, when
/// it is due, and when the act was done if it has been.
/// </summary>
/// <param name="CalendarDue">The due date before moving off a weekend or holiday (CCP 12a).</param>
/// <param name="Done">The date the act was done, or null while it is pending.</param>
public sealed record Deadline(
    ClockKind Clock,
    string RuleId,
    DateOnly Start,
    DateOnly CalendarDue,
    DateOnly Due,
    DateOnly? Done,
    string Source,
    string Confidence,
    string Description)
{
    /// <summary>Ids of the extension rules added (e.g. <c>CLK-APP-MAIL</c>).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Why the deadline is uncertain, e.g. its start date was taken from a proxy; null when it is not.</summary>
    public string? Note { get; init; }
}

/// <summary>The legal clocks of a case, computed from <see cref="ClockRules"/> and a <see cref="BusinessCalendar"/>.</summary>
public static class CaseClock
{
    /// <summary>Whether the case's priority is <c>expedited</c>.</summary>
    public static bool IsExpedited(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return IsExpedited(@case.Priority);
    }

    /// <summary>Whether a priority (<c>standard</c> or <c>expedited</c>, as a case or its stored row gives it) is expedited.</summary>
    public static bool IsExpedited(string? priority) => string.Equals(priority?.Trim(), "expedited", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the dispute is over medication only, so that the formulary clock (5 working days,
    /// LC 4610.6(d)(1)(A)) applies where it is in force: every request reads as a drug. A case that
    /// also disputes other treatment keeps the 30-day clock.
    /// </summary>
    public static bool IsMedicationDispute(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Requests.Count > 0 &&
            @case.Requests.All(r => RequestParser.Parse(r.Description).Service.Family == ServiceFamilies.Medication);
    }

    /// <summary>Whether the UR decision was served by mail.</summary>
    public static bool ServedByMail(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return string.Equals(@case.Application?.ServedBy?.Trim(), "mail", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every deadline of <paramref name="case"/> whose start is known, in clock order: the
    /// application (from service of the UR decision, or the UR decision date when service is not
    /// stated, with a <see cref="Deadline.Note"/>), the notice of assignment (from
    /// <see cref="ClockFacts.EligibleOn"/>), the records (from <see cref="CaseDates.Assigned"/>) and
    /// the determination (from <see cref="ClockFacts.RecordsComplete"/>).
    /// </summary>
    /// <param name="rules">Defaults to <see cref="ClockRules.Default"/>.</param>
    /// <param name="calendar">Defaults to <see cref="BusinessCalendar.California"/>.</param>
    public static IReadOnlyList<Deadline> Deadlines(Case @case, ClockFacts? facts = null, ClockRules? rules = null, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        facts ??= new ClockFacts();
        rules ??= ClockRules.Default;
        calendar ??= BusinessCalendar.California;

        var conditions = ClockCondition.None;
        if (ServedByMail(@case))
        {
            conditions |= ClockCondition.ServedByMail;
        }

        if (facts.NoticeSentElectronically)
        {
            conditions |= ClockCondition.NoticeElectronic;
        }

        if (IsExpedited(@case))
        {
            conditions |= ClockCondition.Expedited;
        }

        if (facts.FormularyDispute)
        {
            conditions |= ClockCondition.FormularyDispute;
        }

        var deadlines = new List<Deadline>();
        var served = @case.Application?.UrDecisionServed;
        var urStart = served ?? @case.Dates?.UrDenial;
        Add(ClockKind.Application, urStart, @case.Dates?.ApplicationReceived,
            served is null && urStart is not null ? "Service of the UR decision not stated: counted from the UR decision date." : null);
        Add(ClockKind.AssignmentNotice, facts.EligibleOn, @case.Dates?.Assigned, null);
        Add(ClockKind.Records, @case.Dates?.Assigned, facts.RecordsComplete, null);
        Add(ClockKind.Determination, facts.RecordsComplete, facts.DeterminationIssued, null);
        return deadlines;

        void Add(ClockKind clock, DateOnly? start, DateOnly? done, string? note)
        {
            if (start is not { } from || rules.Compute(clock, from, conditions, calendar) is not { } computed)
            {
                return;
            }

            deadlines.Add(new Deadline(clock, computed.Rule.Id, from, computed.CalendarDue, computed.Due, done,
                computed.Rule.Source, computed.Rule.Confidence, computed.Rule.Description)
            {
                Extensions = [.. computed.Extensions.Select(e => e.Id)],
                Note = note,
            });
        }
    }

    /// <summary>
    /// Whether <paramref name="deadline"/> is missed as of <paramref name="asOf"/>: done after it
    /// was due, or still pending after the due date. A deadline is met on its due date.
    /// </summary>
    public static bool IsOverdue(Deadline deadline, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Done is { } done ? done > deadline.Due : asOf > deadline.Due;
    }

    /// <summary>
    /// The clock a case in <paramref name="status"/> is waiting on, as of <paramref name="asOf"/>: the
    /// records clock while awaiting records, the determination clock while in review or decided
    /// (until the letter is issued); null in every other status or while the due date is unknown.
    /// </summary>
    public static RunningClock? Running(CaseStatus status, DateOnly? recordsDue, DateOnly? determinationDue, DateOnly asOf)
    {
        var (kind, due) = status switch
        {
            CaseStatus.AwaitingRecords => (ClockKind.Records, recordsDue),
            CaseStatus.InReview or CaseStatus.Decided => (ClockKind.Determination, determinationDue),
            _ => (ClockKind.Determination, (DateOnly?)null),
        };
        return due is { } date ? new RunningClock(kind, date, date.DayNumber - asOf.DayNumber, asOf > date) : null;
    }

    /// <summary>Calendar days from <paramref name="asOf"/> to the due date: 0 on the due date, negative once past it.</summary>
    public static int DaysLeft(Deadline deadline, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Due.DayNumber - asOf.DayNumber;
    }

    /// <summary>Business days from <paramref name="asOf"/> to the due date (negative once past it).</summary>
    public static int BusinessDaysLeft(Deadline deadline, DateOnly asOf, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return (calendar ?? BusinessCalendar.California).BusinessDaysBetween(asOf, deadline.Due);
    }

    /// <summary>The time zone of every IMR clock: California (America/Los_Angeles).</summary>
    public static TimeZoneInfo California { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>Today in California by <paramref name="time"/>: the one "today" of the API, the pages, the CLI and the demo.</summary>
    public static DateOnly Today(TimeProvider time) => Today(time, California);

    /// <summary>The California date of <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, California).DateTime);

    /// <summary>The date in <paramref name="timeZone"/> of the time provider's current instant: the <c>asOf</c> of a host that injects a <see cref="TimeProvider"/>.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone).DateTime);
    }
}

/// <summary>The clock a case is waiting on: its due date, calendar days left (negative once past) and whether it is overdue.</summary>
public sealed record RunningClock(ClockKind Clock, DateOnly Due, int DaysLeft, bool Overdue);
