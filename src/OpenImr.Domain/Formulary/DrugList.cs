using System.Text.Json.Serialization;

namespace OpenImr.Domain.Formulary;

/// <summary>A drug's status on the MTUS Drug List (8 CCR 9792.27.1 ff.).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DrugListStatus>))]
public enum DrugListStatus
{
    /// <summary>May be dispensed without prospective review when prescribed as the MTUS recommends.</summary>
    [JsonStringEnumMemberName("exempt")]
    Exempt,

    /// <summary>Needs prospective review before it is dispensed (save Special and Perioperative Fill).</summary>
    [JsonStringEnumMemberName("non-exempt")]
    NonExempt,
}

/// <summary>How a guideline topic the Drug List names marks the drug.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GuidelineMark>))]
public enum GuidelineMark
{
    /// <summary>Recommended (the list's check mark).</summary>
    [JsonStringEnumMemberName("recommended")]
    Recommended,

    /// <summary>Not recommended (the list's cross).</summary>
    [JsonStringEnumMemberName("not-recommended")]
    NotRecommended,

    /// <summary>No recommendation (the list's circle with a bar).</summary>
    [JsonStringEnumMemberName("no-recommendation")]
    NoRecommendation,
}

/// <summary>A guideline topic that discusses the drug, with its mark.</summary>
/// <param name="Topic">The topic as the list names it, e.g. "Low Back Disorders".</param>
/// <param name="Mark">How it marks the drug.</param>
public sealed record DrugListReference(string Topic, GuidelineMark Mark);

/// <summary>One row of a published MTUS Drug List.</summary>
/// <param name="Ingredient">The drug ingredient as the list spells it.</param>
/// <param name="Status">Exempt or Non-Exempt.</param>
/// <param name="SpecialFillDays">The most days' supply a Special Fill allows, or <see langword="null"/> when the drug has none.</param>
/// <param name="PerioperativeFillDays">The most days' supply a Perioperative Fill allows, or <see langword="null"/>.</param>
/// <param name="DrugClass">The list's drug class.</param>
/// <param name="References">The guideline topics that discuss it.</param>
public sealed record DrugListEntry(
    string Ingredient,
    DrugListStatus Status,
    int? SpecialFillDays,
    int? PerioperativeFillDays,
    string? DrugClass,
    IReadOnlyList<DrugListReference> References);

/// <summary>One published version of the MTUS Drug List, in force from its effective date until the next version.</summary>
/// <param name="Version">The version as published, e.g. <c>v.13</c>.</param>
/// <param name="Effective">The first day it is in force.</param>
/// <param name="Source">Where the rows were read from (the published file's name or address).</param>
/// <param name="Entries">Its rows.</param>
public sealed record DrugListVersion(string Version, DateOnly Effective, string? Source, IReadOnlyList<DrugListEntry> Entries)
{
    /// <summary>The row whose ingredient the request names, matched word for word; <see langword="null"/> for an unlisted drug.</summary>
    public DrugListEntry? Find(string request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = Words(request);
        // The longest ingredient named wins (a combination row over its parts), then the one named first.
        return Entries
            .Select(e => (Entry: e, At: IndexOf(words, Words(e.Ingredient)), Length: Words(e.Ingredient).Count))
            .Where(m => m.At >= 0)
            .OrderByDescending(m => m.Length).ThenBy(m => m.At)
            .Select(m => m.Entry)
            .FirstOrDefault();
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '/', '-', ',', '(', ')', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant())];

    private static int IndexOf(List<string> haystack, List<string> needle)
    {
        for (var i = 0; needle.Count > 0 && i + needle.Count <= haystack.Count; i++)
        {
            if (needle.Select((w, k) => haystack[i + k] == w).All(x => x))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Every loaded version of the Drug List, each in force until the next one's effective date.</summary>
public sealed class DrugListVersions
{
    /// <summary>The MTUS Drug List applies to drugs dispensed on or after this day (8 CCR 9792.27.1 ff., operative 2018-01-01).</summary>
    public static readonly DateOnly FormularyFrom = new(2018, 1, 1);

    private readonly List<DrugListVersion> _versions;

    /// <summary>Creates the set; versions may come in any order.</summary>
    public DrugListVersions(IEnumerable<DrugListVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _versions = [.. versions.OrderBy(v => v.Effective)];
    }

    /// <summary>The versions, oldest first.</summary>
    public IReadOnlyList<DrugListVersion> All => _versions;

    /// <summary>The version in force on <paramref name="date"/>, or <see langword="null"/> when none loaded covers it.</summary>
    public DrugListVersion? InForce(DateOnly date) => _versions.LastOrDefault(v => v.Effective <= date);
}
