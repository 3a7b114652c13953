using OpenImr.Domain.Cases;

namespace OpenImr.Web.Features.Cases;

/// <summary>
/// Checks a submitted <see cref="Case"/> against CONTRACTS.md and names every problem by its JSON
/// path (<c>requests[0].description</c>), so a client can point at the field.
/// </summary>
internal static class CaseValidator
{
    public static Dictionary<string, string[]> Validate(Case? submitted)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (submitted is null)
        {
            errors[""] = ["The body must be a Case (CONTRACTS.md)."];
            return errors;
        }

        var requests = submitted.Requests ?? [];
        if (requests.Count == 0)
        {
            errors["requests"] = ["At least one request is required."];
        }

        for (var i = 0; i < requests.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(requests[i]?.Description))
            {
                errors[$"requests[{i}].description"] = ["The description of the disputed treatment is required."];
            }
        }

        var documents = submitted.Documents ?? [];
        if (documents.Count == 0)
        {
            errors["documents"] = ["At least one document is required."];
        }

        for (var i = 0; i < documents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i]?.Text) && string.IsNullOrWhiteSpace(documents[i]?.Path))
            {
                errors[$"documents[{i}].text"] = ["A document needs its text, or a path naming the file to upload."];
            }
        }

        if (submitted.Priority is not (null or "standard" or "expedited"))
        {
            errors["priority"] = ["The priority is 'standard' or 'expedited'."];
        }

        if (submitted.Patient?.Sex is not (null or "male" or "female"))
        {
            errors["patient.sex"] = ["The sex is 'male', 'female' or null."];
        }

        if (submitted.Patient?.Age is < 0 or > 130)
        {
            errors["patient.age"] = ["The age is between 0 and 130."];
        }

        if (submitted.Application?.ServedBy is not (null or "mail" or "electronic" or "personal"))
        {
            errors["application.servedBy"] = ["servedBy is 'mail', 'electronic' or 'personal'."];
        }

        return errors;
    }
}
