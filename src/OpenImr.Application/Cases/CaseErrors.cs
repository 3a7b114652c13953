using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>
/// The Domain's <see cref="CaseValidator"/> problems as field errors: every problem keyed by its JSON
/// path (<c>requests[0].description</c>), so a client or a form can point at the field.
/// </summary>
public static class CaseErrors
{
    public static Dictionary<string, string[]> Of(Case? submitted) =>
        CaseValidator.Validate(submitted)
            .GroupBy(issue => issue.Path == "$" ? "" : issue.Path, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(issue => Sentence(issue.Message)).ToArray(), StringComparer.Ordinal);

    /// <summary>A Domain problem ("must be a date") as a sentence ("Must be a date.").</summary>
    public static string Sentence(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return char.ToUpperInvariant(message[0]) + message[1..] + ".";
    }
}
