using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Redaction;

/// <summary>
/// What a case tells about the people it concerns, for <see cref="Redactor"/> to remove from text
/// meant for the public: the worker, the providers and the reviewer (people), the employer, insurer,
/// claims administrator and facility (organisations), the claim number and other identifying
/// numbers, addresses, dates of birth and e-mail addresses. Blank entries are ignored.
/// </summary>
public sealed record RedactionSubjects
{
    /// <summary>Names of people: found whole and surname first in any capitalisation, and by their parts capitalised or in capitals.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>
    /// Names of parties that may be an organisation or a person (an attorney, a physician, an
    /// employer): found whole with any company suffix, and by their parts where they look like a person's name.
    /// </summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>Claim numbers, telephone numbers and other identifiers: found with or without their separators.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>Addresses: found whole and by their street line, with common abbreviations.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>Dates of birth: found in every common spelling, labelled or not.</summary>
    public IReadOnlyList<DateOnly> BirthDates { get; init; } = [];

    /// <summary>E-mail addresses (any e-mail address is removed anyway; these are also found split over lines).</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Nothing known: only what the text itself marks is removed.</summary>
    public static RedactionSubjects None { get; } = new();

    /// <summary>Every name given treated as a party (<see cref="Parties"/>).</summary>
    public static RedactionSubjects FromNames(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new RedactionSubjects { Parties = Present(names) };
    }

    /// <summary>
    /// What <paramref name="case"/> holds about its worker and parties, with <paramref name="people"/>
    /// (the assigned reviewer, for instance) added.
    /// </summary>
    public static RedactionSubjects Of(Case @case, params IEnumerable<string?> people)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(people);
        var parties = @case.Parties;
        var worker = @case.Worker;
        return new RedactionSubjects
        {
            People = Present([worker?.Name, .. people]),
            Parties = Present([parties?.Employer, parties?.Insurer, parties?.ClaimsAdministrator, parties?.RequestingPhysician, parties?.Facility, parties?.Attorney]),
            Numbers = Present([@case.ClaimNumber, worker?.Phone]),
            Addresses = Present([worker?.Address]),
            BirthDates = worker?.DateOfBirth is { } born ? [born] : [],
            Emails = Present([worker?.Email]),
        };
    }

    private static List<string> Present(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
