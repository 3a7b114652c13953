using System.Globalization;
using System.Text.RegularExpressions;
using OpenImr.Domain.Text;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The few facts a letter's header may lack but its summary states: age and sex
/// ("a 52 year old male") and the date of injury ("date of injury of 1/16/2012",
/// "5/6/13 date of injury", "industrial injury of May 14, 2015").
/// </summary>
internal static partial class SummaryFacts
{
    public static PatientDescription Patient(string? summary)
    {
        if (string.IsNullOrEmpty(summary))
        {
            return PatientDescription.Unknown;
        }

        int? age = null;
        string? sex = null;
        var ageMatch = AgeAndSex().Match(summary);
        if (ageMatch.Success)
        {
            age = int.Parse(ageMatch.Groups["age"].ValueSpan, CultureInfo.InvariantCulture);
            sex = Sex(ageMatch.Groups["sex"].Value);
        }

        if (sex is null)
        {
            var sexMatch = SexWord().Match(summary.Length > 600 ? summary[..600] : summary);
            if (sexMatch.Success)
            {
                sex = Sex(sexMatch.Value);
            }
        }

        return new PatientDescription(age is > 0 and < 120 ? age : null, sex);
    }

    public static DateOnly? InjuryDate(string? summary)
    {
        if (string.IsNullOrEmpty(summary))
        {
            return null;
        }

        foreach (Match match in InjuryDatePhrase().Matches(summary))
        {
            var value = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value;
            if (DateText.Parse(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? Sex(string word) => word.ToLowerInvariant() switch
    {
        "male" or "man" or "gentleman" => "male",
        "female" or "woman" or "lady" => "female",
        _ => null,
    };

    [GeneratedRegex(@"\b(?<age>\d{1,3})[\s-]*(?:year|yr)s?[\s-]*old\b(?:[\s,]+(?:[a-z-]+\s+){0,3}?(?<sex>male|female|man|woman|gentleman|lady)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeAndSex();

    [GeneratedRegex(@"\b(?:male|female|man|woman|gentleman|lady)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SexWord();

    [GeneratedRegex(@"(?:(?:date\s+of\s+(?:injury|injuries)|injury\s+date|DOI|industrial\s+injury|work[- ]related\s+injury|occupational\s+(?:injury|claim)|injured|injury)(?:\s*\(DOI\))?\s*(?:date\s*)?(?:of|on|from|was|:|dated)?\s*(?:date\s+of\s+)?(?<after>" + DateText.Pattern + @"))|(?:(?<before>" + DateText.Pattern + @")\s+(?:date\s+of\s+injury|DOI|industrial\s+injury|injury))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InjuryDatePhrase();
}
