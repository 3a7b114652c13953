namespace OpenImr.Domain.Clinical;

/// <summary>A requested service: family (CONTRACTS.md) and the project's kind id, rendered <c>FAMILY/KIND</c>.</summary>
public readonly record struct ServiceId(string Family, string Kind)
{
    public static ServiceId Unknown { get; } = new(ServiceFamilies.Other, "unknown");

    public override string ToString() => Family + "/" + Kind;
}

/// <summary>The service families of CONTRACTS.md.</summary>
public static class ServiceFamilies
{
    public const string PhysicalMedicine = "physical-medicine";
    public const string Imaging = "imaging";
    public const string Electrodiagnostic = "electrodiagnostic";
    public const string Medication = "medication";
    public const string Injection = "injection";
    public const string Surgery = "surgery";
    public const string Equipment = "equipment";
    public const string Testing = "testing";
    public const string Evaluation = "evaluation";
    public const string HomeCare = "home-care";
    public const string Other = "other";
}
