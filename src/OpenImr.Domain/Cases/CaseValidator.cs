namespace OpenImr.Domain.Cases;

/// <summary>One problem with a <see cref="Case"/>: a JSON path into the case (<c>requests[0].description</c>) and what is wrong.</summary>
public sealed record CaseIssue(string Path, string Message);

/// <summary>
/// Checks a deserialised <see cref="Case"/> against CONTRACTS.md: at least one request, each with
/// a non-empty description; at least one document, each with <c>text</c> or <c>path</c>; the
/// enumerated fields spelt as the contract spells them; every name, number and description within
/// its length (<see cref="MaxNumberLength"/>, <see cref="MaxNameLength"/>, ...); and every date
/// between <see cref="EarliestDate"/> and <see cref="LatestDate"/>. Collects every issue rather
/// than stopping at the first.
/// </summary>
public static class CaseValidator
{
    /// <summary>The longest case or claim number.</summary>
    public const int MaxNumberLength = 64;

    /// <summary>The longest name of a person or party, a document type, a telephone number or an e-mail address.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The longest address or request description.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>The longest document path.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>The earliest date a case may state (a date of birth included).</summary>
    public static DateOnly EarliestDate { get; } = new(1900, 1, 1);

    /// <summary>The latest date a case may state.</summary>
    public static DateOnly LatestDate { get; } = new(2099, 12, 31);

    public static IReadOnlyList<CaseIssue> Validate(Case? @case)
    {
        var issues = new List<CaseIssue>();
        if (@case is null)
        {
            issues.Add(new CaseIssue("$", "the case is empty; expected a JSON object with requests and documents"));
            return issues;
        }

        // Note that JSON null overrides the initialisers, so the lists may be null here.
        if (@case.Requests is null || @case.Requests.Count == 0)
        {
            issues.Add(new CaseIssue("requests", "at least one request is required, e.g. [{\"description\": \"MRI of the lumbar spine\"}]"));
        }
        else
        {
            for (var i = 0; i < @case.Requests.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(@case.Requests[i]?.Description))
                {
                    issues.Add(new CaseIssue($"requests[{i}].description", "the description is empty; state the treatment requested"));
                }
            }
        }

        if (@case.Documents is null || @case.Documents.Count == 0)
        {
            issues.Add(new CaseIssue("documents", "at least one document is required, each with \"text\" or \"path\""));
        }
        else
        {
            for (var i = 0; i < @case.Documents.Count; i++)
            {
                var document = @case.Documents[i];
                if (document is null || (string.IsNullOrWhiteSpace(document.Text) && string.IsNullOrWhiteSpace(document.Path)))
                {
                    issues.Add(new CaseIssue($"documents[{i}].text", "the document has neither \"text\" nor \"path\"; give one of them"));
                }
            }
        }

        if (@case.Priority is { } priority && priority is not ("standard" or "expedited"))
        {
            issues.Add(new CaseIssue("priority", $"'{priority}' is not a priority; use \"standard\" or \"expedited\""));
        }

        if (@case.Patient?.Sex is { } sex && sex is not ("male" or "female"))
        {
            issues.Add(new CaseIssue("patient.sex", $"'{sex}' is not a sex; use \"male\", \"female\" or null"));
        }

        if (@case.Patient?.Age is < 0 or > 130)
        {
            issues.Add(new CaseIssue("patient.age", $"{@case.Patient.Age} is not an age; give the age in years (0-130) or null"));
        }

        if (@case.Application?.ServedBy is { } servedBy && servedBy is not ("mail" or "electronic" or "personal"))
        {
            issues.Add(new CaseIssue("application.servedBy", $"'{servedBy}' is not a service method; use \"mail\", \"electronic\" or \"personal\""));
        }

        CheckLengths(@case, issues);
        CheckDates(@case, issues);
        return issues;
    }

    private static void CheckLengths(Case @case, List<CaseIssue> issues)
    {
        Length(issues, "caseNumber", @case.CaseNumber, MaxNumberLength);
        Length(issues, "claimNumber", @case.ClaimNumber, MaxNumberLength);
        Length(issues, "worker.name", @case.Worker?.Name, MaxNameLength);
        Length(issues, "worker.address", @case.Worker?.Address, MaxDescriptionLength);
        Length(issues, "worker.phone", @case.Worker?.Phone, MaxNameLength);
        Length(issues, "worker.email", @case.Worker?.Email, MaxNameLength);
        var parties = @case.Parties;
        Length(issues, "parties.employer", parties?.Employer, MaxNameLength);
        Length(issues, "parties.insurer", parties?.Insurer, MaxNameLength);
        Length(issues, "parties.claimsAdministrator", parties?.ClaimsAdministrator, MaxNameLength);
        Length(issues, "parties.requestingPhysician", parties?.RequestingPhysician, MaxNameLength);
        Length(issues, "parties.facility", parties?.Facility, MaxNameLength);
        Length(issues, "parties.attorney", parties?.Attorney, MaxNameLength);
        for (var i = 0; i < (@case.Requests?.Count ?? 0); i++)
        {
            Length(issues, $"requests[{i}].description", @case.Requests![i]?.Description, MaxDescriptionLength);
        }

        for (var i = 0; i < (@case.Documents?.Count ?? 0); i++)
        {
            Length(issues, $"documents[{i}].type", @case.Documents![i]?.Type, MaxNameLength);
            Length(issues, $"documents[{i}].path", @case.Documents[i]?.Path, MaxPathLength);
        }
    }

    private static void CheckDates(Case @case, List<CaseIssue> issues)
    {
        Date(issues, "dates.injury", @case.Dates?.Injury);
        Date(issues, "dates.urDenial", @case.Dates?.UrDenial);
        Date(issues, "dates.applicationReceived", @case.Dates?.ApplicationReceived);
        Date(issues, "dates.assigned", @case.Dates?.Assigned);
        Date(issues, "application.urDecisionServed", @case.Application?.UrDecisionServed);
        Date(issues, "worker.dateOfBirth", @case.Worker?.DateOfBirth);
        for (var i = 0; i < (@case.Documents?.Count ?? 0); i++)
        {
            Date(issues, $"documents[{i}].date", @case.Documents![i]?.Date);
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> as a text of at most <paramref name="maximum"/> characters, or null.</summary>
    public static string? LengthProblem(string? value, int maximum) =>
        value is not null && value.Length > maximum ? $"the value has {value.Length} characters; at most {maximum} are accepted" : null;

    /// <summary>What is wrong with <paramref name="value"/> as a date of a case (from <see cref="EarliestDate"/> to <see cref="LatestDate"/>), or null.</summary>
    public static string? DateProblem(DateOnly? value) =>
        value is { } date && (date < EarliestDate || date > LatestDate)
            ? $"{date:yyyy-MM-dd} is not a date a case can state; give a date from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}"
            : null;

    private static void Length(List<CaseIssue> issues, string path, string? value, int maximum)
    {
        if (LengthProblem(value, maximum) is { } problem)
        {
            issues.Add(new CaseIssue(path, problem));
        }
    }

    private static void Date(List<CaseIssue> issues, string path, DateOnly? value)
    {
        if (DateProblem(value) is { } problem)
        {
            issues.Add(new CaseIssue(path, problem));
        }
    }
}
