namespace OpenImr.Storage.Letters;

/// <summary>A published letter as stored: searchable columns plus the whole <c>Letter</c> as JSON.</summary>
public sealed class StoredLetter
{
    public int Id { get; set; }

    /// <summary>The IMR case number (unique).</summary>
    public required string CaseNumber { get; set; }

    public string? Source { get; set; }

    public required string Format { get; set; }

    public DateOnly? AssignedDate { get; set; }

    public DateOnly? InjuryDate { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public DateOnly? UrDenialDate { get; set; }

    public DateOnly? ApplicationReceivedDate { get; set; }

    public string? Priority { get; set; }

    public List<string> ReviewerLicensure { get; set; } = [];

    public List<string> ReviewerSpecialties { get; set; } = [];

    public int? PatientAge { get; set; }

    public string? PatientSex { get; set; }

    public string? ClinicalSummary { get; set; }

    /// <summary>SHA-256 (hex) of the letter's JSON and its items' services: equal hash, nothing to update.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The whole <c>Letter</c> in the compact JSON of <c>ImrJson</c>.</summary>
    public required string LetterJson { get; set; }

    /// <summary>When this version of the letter was stored.</summary>
    public DateTimeOffset ImportedAt { get; set; }

    public List<StoredLetterItem> Items { get; set; } = [];
}

/// <summary>One decided item of a stored letter.</summary>
public sealed class StoredLetterItem
{
    public int Id { get; set; }

    public int LetterId { get; set; }

    public StoredLetter? Letter { get; set; }

    /// <summary>The item's position in the letter, from 0.</summary>
    public int Ordinal { get; set; }

    public required string Request { get; set; }

    /// <summary><c>Upheld</c>, <c>Overturned</c>, <c>NoRecommendation</c>, or null where the letter states none.</summary>
    public string? Decision { get; set; }

    /// <summary>The service (<c>FAMILY/KIND</c> or just <c>FAMILY</c>) as classified by the importer, or null.</summary>
    public string? Service { get; set; }

    /// <summary>The source of the first guideline cited (<c>MTUS</c>, <c>ODG</c>, <c>ACOEM</c>, <c>Other</c>).</summary>
    public string? GuidelineSource { get; set; }

    /// <summary>The title of the first guideline cited.</summary>
    public string? GuidelineTitle { get; set; }

    public string? Rationale { get; set; }
}
