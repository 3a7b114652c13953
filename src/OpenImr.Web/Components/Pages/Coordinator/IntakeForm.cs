using System.ComponentModel.DataAnnotations;
using OpenImr.Domain.Cases;

namespace OpenImr.Web.Components.Pages.Coordinator;

/// <summary>The intake form's fields, with the messages a coordinator sees next to each.</summary>
public sealed class IntakeForm : IValidatableObject
{
    [StringLength(64, ErrorMessage = "A case number has at most 64 characters.")]
    public string? CaseNumber { get; set; }

    [StringLength(64, ErrorMessage = "A claim number has at most 64 characters.")]
    public string? ClaimNumber { get; set; }

    public bool Expedited { get; set; }

    [Required(ErrorMessage = "Enter the date of injury.")]
    public DateTime? InjuryDate { get; set; }

    [Required(ErrorMessage = "Enter the date of the UR decision.")]
    public DateTime? UrDecisionDate { get; set; }

    [Required(ErrorMessage = "Enter the date the application was received.")]
    public DateTime? ApplicationReceivedDate { get; set; }

    [Required(ErrorMessage = "Choose how the UR decision was served.")]
    public string? ServedBy { get; set; } = "mail";

    public bool Signed { get; set; } = true;

    public bool UrDecisionAttached { get; set; } = true;

    public bool ConditionalNonCertification { get; set; }

    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    public string? WorkerName { get; set; }

    [StringLength(500, ErrorMessage = "An address has at most 500 characters.")]
    public string? WorkerAddress { get; set; }

    public DateTime? WorkerDateOfBirth { get; set; }

    [Range(14, 100, ErrorMessage = "The worker's age is between 14 and 100.")]
    public int? Age { get; set; }

    public string? Sex { get; set; }

    [Required(ErrorMessage = "Name the employer: reviewers are screened for conflicts with it.")]
    [StringLength(256)]
    public string? Employer { get; set; }

    [StringLength(256)]
    public string? Insurer { get; set; }

    [StringLength(256)]
    public string? RequestingPhysician { get; set; }

    [Required(ErrorMessage = "List at least one disputed treatment, one per line.")]
    public string? Requests { get; set; }

    [Required(ErrorMessage = "Paste the medical records (or the clinical summary) the reviewer will read.")]
    [MinLength(40, ErrorMessage = "The records are too short for a review; paste the full text (at least 40 characters).")]
    public string? Records { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InjuryDate is { } injury && UrDecisionDate is { } decision && injury > decision)
        {
            yield return new ValidationResult("The injury cannot come after the UR decision.", [nameof(InjuryDate)]);
        }

        if (UrDecisionDate is { } ur && ApplicationReceivedDate is { } received && received < ur)
        {
            yield return new ValidationResult("The application cannot be received before the UR decision it disputes.", [nameof(ApplicationReceivedDate)]);
        }
    }

    public IReadOnlyList<string> RequestLines =>
        [.. (Requests ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public Case ToCase() => new()
    {
        CaseNumber = Trimmed(CaseNumber),
        ClaimNumber = Trimmed(ClaimNumber),
        Worker = Trimmed(WorkerName) is null && Trimmed(WorkerAddress) is null && WorkerDateOfBirth is null
            ? null
            : new CaseWorker { Name = Trimmed(WorkerName), Address = Trimmed(WorkerAddress), DateOfBirth = DateOf(WorkerDateOfBirth) },
        Priority = Expedited ? "expedited" : "standard",
        Dates = new CaseDates
        {
            Injury = DateOf(InjuryDate),
            UrDenial = DateOf(UrDecisionDate),
            ApplicationReceived = DateOf(ApplicationReceivedDate),
        },
        Patient = new CasePatient { Age = Age, Sex = string.IsNullOrWhiteSpace(Sex) ? null : Sex },
        Application = new CaseApplication
        {
            Signed = Signed,
            UrDecisionServed = DateOf(UrDecisionDate),
            ServedBy = ServedBy,
            UrDecisionAttached = UrDecisionAttached,
            ConditionalNonCertification = ConditionalNonCertification,
        },
        Parties = new CaseParties { Employer = Trimmed(Employer), Insurer = Trimmed(Insurer), RequestingPhysician = Trimmed(RequestingPhysician) },
        Requests = [.. RequestLines.Select(line => new CaseRequest { Description = line })],
        Documents = string.IsNullOrWhiteSpace(Records) ? [] : [new CaseDocument { Type = "medical-records", Text = Records.Trim() }],
    };

    private static DateOnly? DateOf(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
