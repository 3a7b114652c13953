namespace OpenImr.Domain.Cases;

/// <summary>One problem with a <see cref="Case"/>: a JSON path into the case (<c>requests[0].description</c>) and what is wrong.</summary>
public sealed record CaseIssue(string Path, string Message);

/// <summary>
/// Checks a deserialised <see cref="Case"/> against CONTRACTS.md: at least one request, each with
/// a non-empty description; at least one document, each with <c>text</c> or <c>path</c>; and the
/// enumerated fields spelt as the contract spells them. Collects every issue rather than stopping
/// at the first.
/// </summary>
public static class CaseValidator
{
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

        return issues;
    }
}
