using System.Text;

namespace OpenImr.Domain.Cases;

/// <summary>
/// Which board specialties fit each service family (CONTRACTS.md <c>service</c> families), best
/// first. Confidence: I (an inference from the specialties named in published letters and from
/// DWC's 2016 report that PM&amp;R and occupational medicine made most determinations); no
/// regulation sets this table.
/// </summary>
public static class ServiceSpecialties
{
    private const string Pmr = "Physical Medicine and Rehabilitation";
    private const string OccMed = "Occupational Medicine";
    private const string Ortho = "Orthopedic Surgery";
    private const string Pain = "Pain Management";
    private const string Anesthesiology = "Anesthesiology";
    private const string Internal = "Internal Medicine";
    private const string FamilyPractice = "Family Practice";
    private const string Neurology = "Neurology";
    private const string Psychiatry = "Psychiatry";

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["pmr"] = Pmr,
        ["pm and r"] = Pmr,
        ["physiatry"] = Pmr,
        ["physical medicine and rehabilitation"] = Pmr,
        ["physical medicine rehabilitation"] = Pmr,
        ["occupational medicine"] = OccMed,
        ["orthopedic surgery"] = Ortho,
        ["orthopaedic surgery"] = Ortho,
        ["orthopedics"] = Ortho,
        ["orthopaedics"] = Ortho,
        ["pain management"] = Pain,
        ["pain medicine"] = Pain,
        ["anesthesiology"] = Anesthesiology,
        ["anesthesia"] = Anesthesiology,
        ["internal medicine"] = Internal,
        ["family practice"] = FamilyPractice,
        ["family medicine"] = FamilyPractice,
        ["neurology"] = Neurology,
        ["psychiatry"] = Psychiatry,
        ["chiropractic"] = "Chiropractic",
        ["chiropractic medicine"] = "Chiropractic",
        ["chiropractor"] = "Chiropractic",
        ["radiology"] = "Radiology",
        ["diagnostic radiology"] = "Radiology",
        ["neurosurgery"] = "Neurosurgery",
        ["neurological surgery"] = "Neurosurgery",
        ["hand surgery"] = "Hand Surgery",
        ["general surgery"] = "General Surgery",
        ["acupuncture"] = "Acupuncture",
        ["psychology"] = "Psychology",
    };

    /// <summary>Service family → fitting specialties, best first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Table { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["physical-medicine"] = [Pmr, OccMed, Ortho, "Chiropractic", Pain, "Acupuncture"],
        ["imaging"] = [Ortho, "Radiology", Pmr, OccMed, Neurology],
        ["electrodiagnostic"] = [Neurology, Pmr],
        ["medication"] = [Pain, Anesthesiology, Internal, OccMed, FamilyPractice, Psychiatry],
        ["injection"] = [Pain, Anesthesiology, Pmr],
        ["surgery"] = [Ortho, "Neurosurgery", "Hand Surgery", "General Surgery"],
        ["equipment"] = [Pmr, Ortho, OccMed, Internal, FamilyPractice],
        ["testing"] = [Internal, OccMed, FamilyPractice, Neurology, Pmr],
        ["evaluation"] = [OccMed, Pmr, Internal, FamilyPractice, Ortho, Psychiatry, "Psychology"],
        ["home-care"] = [Pmr, Internal, FamilyPractice, OccMed],
    };

    /// <summary>The family of a service id (<c>imaging/mri</c> → <c>imaging</c>), lower-cased.</summary>
    public static string Family(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var slash = service.IndexOf('/', StringComparison.Ordinal);
        return (slash < 0 ? service : service[..slash]).Trim().ToLowerInvariant();
    }

    /// <summary>The canonical name of a specialty (<c>PM&amp;R</c> → <c>Physical Medicine and Rehabilitation</c>), or the cleaned text when unknown.</summary>
    public static string Canonical(string specialty)
    {
        ArgumentNullException.ThrowIfNull(specialty);
        var builder = new StringBuilder(specialty.Length);
        foreach (var c in specialty.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c != '.' && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var key = builder.ToString().Trim();
        return Synonyms.TryGetValue(key, out var canonical) ? canonical : key;
    }

    /// <summary>The fit of a family's first-listed specialty; each later one scores one less.</summary>
    public const int BestFit = 10;

    /// <summary>
    /// How well <paramref name="specialties"/> fit <paramref name="family"/>: <see cref="BestFit"/>
    /// for the first specialty of its list, one less for each later position, by the best one held;
    /// 0 when none fits or the family is not in the table. The score does not depend on the length
    /// of a family's list, so families weigh the same.
    /// </summary>
    public static int Fit(string family, IEnumerable<string> specialties)
    {
        ArgumentNullException.ThrowIfNull(specialties);
        if (!Table.TryGetValue(Family(family), out var fitting))
        {
            return 0;
        }

        var held = specialties.Select(Canonical).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < fitting.Count; i++)
        {
            if (held.Contains(fitting[i]))
            {
                return BestFit - i;
            }
        }

        return 0;
    }
}
