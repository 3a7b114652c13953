using OpenImr.Domain.Cases;

namespace OpenImr.Web.Features.Cases;

/// <summary>
/// The Domain's <see cref="Domain.Cases.CaseValidator"/> as ASP.NET Core validation errors: every problem
/// keyed by its JSON path (<c>requests[0].description</c>), so a client can point at the field.
/// </summary>
internal static class CaseValidator
{
    public static Dictionary<string, string[]> Validate(Case? submitted) =>
        Domain.Cases.CaseValidator.Validate(submitted)
            .GroupBy(issue => issue.Path == "$" ? "" : issue.Path, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(issue => Sentence(issue.Message)).ToArray(), StringComparer.Ordinal);

    public static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message[1..] + ".";
}
