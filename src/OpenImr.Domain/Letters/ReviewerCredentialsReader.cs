using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// Reads the expert reviewer's licence states and specialties, from the labelled lines
/// (<c>State(s) of Licensure:</c>, <c>Certification(s)/Specialty:</c>) or from prose
/// ("certified by the board in Internal Medicine and licensed in Oregon", a synthetic example).
/// </summary>
internal static partial class ReviewerCredentialsReader
{
    public static ReviewerCredentials Read(string section)
    {
        var licensure = new List<string>();
        var specialties = new List<string>();

        var states = LicensureLabel().Match(section);
        if (states.Success)
        {
            licensure.AddRange(UsStates.CodesIn(states.Groups["v"].Value));
        }
        else
        {
            foreach (Match prose in LicensedProse().Matches(section))
            {
                licensure.AddRange(UsStates.CodesIn(prose.Groups["v"].Value));
            }
        }

        var certification = SpecialtyLabel().Match(section);
        if (certification.Success)
        {
            specialties.AddRange(SplitList(certification.Groups["v"].Value));
        }
        else
        {
            var board = BoardCertifiedProse().Match(section);
            if (board.Success)
            {
                specialties.AddRange(SplitList(board.Groups["v"].Value));
            }

            foreach (Match sub in SubspecialtyProse().Matches(section))
            {
                specialties.AddRange(SplitList(sub.Groups["v"].Value));
            }
        }

        return new ReviewerCredentials(
            licensure.Distinct(StringComparer.Ordinal).ToList(),
            specialties.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.', ';').Trim())
            .Where(s => s.Length > 0);

    [GeneratedRegex(@"State\(s\)\s+of\s+Licensure:\s*(?<v>.+?)(?=\s*Certification\(s\)|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LicensureLabel();

    [GeneratedRegex(@"Certification\(s\)\s*/\s*Specialty:\s*(?<v>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpecialtyLabel();

    [GeneratedRegex(@"licensed\s+to\s+practice\s+in\s+(?<v>[A-Z][A-Za-z .,]{1,200}?)(?:\.\s|\.$|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LicensedProse();

    [GeneratedRegex(@"Board\s+Certified\s+in\s+(?<v>[^.]{1,200}?)(?:,\s*has\s+a\s+subspecialty|\s+and\s+is\s+licensed|\.\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoardCertifiedProse();

    [GeneratedRegex(@"subspecialty\s+in\s+(?<v>[^.]{1,200}?)(?:\s+and\s+is\s+licensed|\.\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubspecialtyProse();
}
