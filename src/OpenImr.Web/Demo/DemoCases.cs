using OpenImr.Domain.Cases;

namespace OpenImr.Web.Demo;

/// <summary>
/// The demo's cases: invented workers ("Synthetic Worker N"), employers and records, written for
/// OpenIMR. The disputes are dated 2016, when the criteria library's MTUS edition was in force, so
/// the engine has guidelines to apply; the workflow steps happen in the present.
/// </summary>
internal static class DemoCases
{
    public const string Notice = "Synthetic record for the OpenIMR demo; the worker and every person and firm named are invented.";

    public const string PhysicalTherapy = "Additional physical therapy 2 times a week for 3 weeks for the lumbar spine";

    public const string WorkConditioning = "10 work conditioning sessions";

    /// <summary>A case of the demo: its number, worker, employer, requests and records.</summary>
    public static Case Create(int number, string employer, DateOnly urDecision, int applicationDaysAfterDecision, string[] requests, params string[] records) => new()
    {
        CaseNumber = $"DEMO-{number:0000}",
        Priority = "standard",
        Dates = new CaseDates { Injury = urDecision.AddMonths(-9), UrDenial = urDecision, ApplicationReceived = urDecision.AddDays(applicationDaysAfterDecision) },
        Patient = new CasePatient { Age = 38 + number * 3, Sex = number % 2 == 0 ? "male" : "female" },
        Application = new CaseApplication { Signed = true, UrDecisionServed = urDecision, ServedBy = "electronic", UrDecisionAttached = true, ConditionalNonCertification = false },
        Parties = new CaseParties
        {
            Employer = employer,
            Insurer = "Synthetic Mutual Insurance",
            RequestingPhysician = $"Dr. Synthetic Requester {number}",
        },
        Requests = [.. requests.Select(r => new CaseRequest { Description = r })],
        Documents = [.. records.Select((text, i) => new CaseDocument
        {
            Type = i == 0 ? "progress-report" : "utilization-review",
            Date = i == 0 ? urDecision.AddDays(-18) : urDecision,
            Text = text,
        })],
    };

    public static string ProgressReport(int number, string body) =>
        $"{Notice}\nPatient: Synthetic Worker {number}.\n{body}";

    public static string UtilizationReview(string body) =>
        $"Synthetic utilization review decision for the OpenIMR demo.\n{body}";

    /// <summary>Therapy with measured gains, and work conditioning with no job demands or return-to-work goal on file.</summary>
    public static string TherapyWithGains(int number) => ProgressReport(number,
        "The patient is a warehouse clerk with low back pain after lifting a carton at work.\n" +
        "She has completed 6 sessions of physical therapy for the lumbar spine with documented functional improvement: " +
        "her lifting tolerance increased from 10 to 25 pounds and her sitting tolerance rose from 20 to 45 minutes.\n" +
        "Pain is rated 5/10. She remains on modified duty.\n" +
        "Plan: continue physical therapy and begin work conditioning.");

    /// <summary>Therapy without any recorded outcome.</summary>
    public static string TherapyWithoutOutcome(int number) => ProgressReport(number,
        "The patient is a delivery driver with low back pain after lifting packages at work.\n" +
        "He has completed 6 sessions of physical therapy for the lumbar spine. Pain is rated 6/10. He is on modified duty.\n" +
        "Plan: more physical therapy.");

    public static string DeniedBoth() => UtilizationReview(
        "The request for additional physical therapy was not certified. " +
        "The request for 10 work conditioning sessions was not certified; no job demand analysis or return-to-work goal was provided.");

    public static string DeniedTherapy() => UtilizationReview("The request for additional physical therapy was not certified.");
}
