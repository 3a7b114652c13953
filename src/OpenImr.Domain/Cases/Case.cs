namespace OpenImr.Domain.Cases;

/// <summary>
/// An IMR case as submitted for review or check (CONTRACTS.md <c>Case</c>). Only
/// <see cref="Requests"/> and <see cref="Documents"/> are required.
/// </summary>
public sealed record Case
{
    public string? CaseNumber { get; init; }

    /// <summary>
    /// The workers' compensation claim number as the IMR application gives it (optional). It never
    /// appears in a public letter: <see cref="Redaction.RedactionSubjects"/> removes it in any spelling.
    /// </summary>
    public string? ClaimNumber { get; init; }

    /// <summary>The injured worker as the IMR application names them (optional); personal data, redacted from public letters.</summary>
    public CaseWorker? Worker { get; init; }

    /// <summary><c>standard</c> (default) or <c>expedited</c>.</summary>
    public string? Priority { get; init; }

    public CaseDates? Dates { get; init; }

    public CasePatient? Patient { get; init; }

    public CaseApplication? Application { get; init; }

    public CaseParties? Parties { get; init; }

    public IReadOnlyList<CaseRequest> Requests { get; init; } = [];

    public IReadOnlyList<CaseDocument> Documents { get; init; } = [];
}

public sealed record CaseDates
{
    public DateOnly? Injury { get; init; }

    public DateOnly? UrDenial { get; init; }

    public DateOnly? ApplicationReceived { get; init; }

    public DateOnly? Assigned { get; init; }
}

public sealed record CasePatient
{
    public int? Age { get; init; }

    /// <summary><c>male</c>, <c>female</c> or null.</summary>
    public string? Sex { get; init; }
}

/// <summary>The injured worker's personal data as the application gives it; every field is optional.</summary>
public sealed record CaseWorker
{
    public string? Name { get; init; }

    /// <summary>The home address as one text (street, city, state, ZIP), as written on the application.</summary>
    public string? Address { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}

public sealed record CaseApplication
{
    public bool? Signed { get; init; }

    public DateOnly? UrDecisionServed { get; init; }

    /// <summary><c>mail</c>, <c>electronic</c> or <c>personal</c>.</summary>
    public string? ServedBy { get; init; }

    public bool? UrDecisionAttached { get; init; }

    public bool? ConditionalNonCertification { get; init; }
}

public sealed record CaseParties
{
    public string? Employer { get; init; }

    public string? Insurer { get; init; }

    public string? ClaimsAdministrator { get; init; }

    public string? RequestingPhysician { get; init; }

    public string? Facility { get; init; }

    public string? Attorney { get; init; }
}

public sealed record CaseRequest
{
    public string Description { get; init; } = "";
}

/// <summary>
/// A record in the case file. Exactly one of <see cref="Text"/> and <see cref="Path"/> is used:
/// a host resolves <see cref="Path"/> (relative to the case file) to text before the Domain sees it.
/// </summary>
public sealed record CaseDocument
{
    public string? Type { get; init; }

    public DateOnly? Date { get; init; }

    public string? Text { get; init; }

    public string? Path { get; init; }
}
