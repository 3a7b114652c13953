using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;

namespace OpenImr.Domain.Tests.Cases;

public class CaseWorkflowTests
{
    private static readonly TimeSpan Pacific = TimeSpan.FromHours(-7);

    private static readonly Case Application = new()
    {
        CaseNumber = "CM15-0174261",
        Dates = new CaseDates { Injury = new DateOnly(2015, 5, 14), UrDenial = new DateOnly(2015, 8, 27), ApplicationReceived = new DateOnly(2015, 9, 4) },
        Application = new CaseApplication { Signed = true, UrDecisionServed = new DateOnly(2015, 8, 27), ServedBy = "mail", UrDecisionAttached = true, ConditionalNonCertification = false },
        Requests = [new CaseRequest { Description = "10 work conditioning sessions" }],
    };

    private static readonly EligibilityResult Eligible = new(true, []);

    private static StepContext On(int month, int day, string actor = "coordinator") =>
        new(actor, new DateTimeOffset(2015, month, day, 10, 0, 0, Pacific), "mtus-2009.1");

    private static CaseState Ok(WorkflowResult result)
    {
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.State;
    }

    private static CaseState Received() => CaseWorkflow.Receive(Application, On(9, 4));

    private static CaseState Assigned() => Ok(CaseWorkflow.Assign(Ok(CaseWorkflow.Screen(Received(), Eligible, On(9, 15))), "rv-1", On(9, 16)));

    private static CaseState InReview() => Ok(CaseWorkflow.RecordsComplete(Assigned(), On(10, 1)));

    private static CaseState Decided() => Ok(CaseWorkflow.Decide(InReview(), On(10, 20, "rv-1"), "1 upheld"));

    private static CaseState Issued() => Ok(CaseWorkflow.IssueLetter(Decided(), On(10, 23, "rv-1")));

    [Fact]
    public void AddRecordsRefusal_BeforeTheDecision_None()
    {
        Assert.Null(CaseWorkflow.AddRecordsRefusal(Received()));
        Assert.Null(CaseWorkflow.AddRecordsRefusal(Assigned()));
        Assert.Null(CaseWorkflow.AddRecordsRefusal(InReview()));
    }

    [Fact]
    public void AddRecordsRefusal_DecidedIssuedOrClosed_RefusedWithTheCode()
    {
        var issued = Ok(CaseWorkflow.IssueLetter(Decided(), On(10, 21)));
        var closed = Ok(CaseWorkflow.Close(Received(), "withdrawn", On(9, 5)));

        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.AddRecordsRefusal(Decided())?.Code);
        Assert.Equal(WorkflowCodes.LetterIssued, CaseWorkflow.AddRecordsRefusal(issued)?.Code);
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.AddRecordsRefusal(closed)?.Code);
        Assert.Contains("add records to", CaseWorkflow.AddRecordsRefusal(closed)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_Application_IsReceivedWithAnAuditEntry()
    {
        var state = Received();

        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Equal("standard", state.Priority);
        var entry = Assert.Single(state.History);
        Assert.Equal(CaseStep.Receive, entry.Step);
        Assert.Equal("coordinator", entry.Actor);
        Assert.Equal("mtus-2009.1", entry.CriteriaLibraryVersion);
    }

    [Fact]
    public void Screen_Eligible_MovesToEligibleAndStartsTheNoticeClock()
    {
        var state = Ok(CaseWorkflow.Screen(Received(), Eligible, On(9, 15)));

        Assert.Equal(CaseStatus.Eligible, state.Status);
        Assert.Equal(new DateOnly(2015, 9, 15), state.EligibleOn);
        Assert.Same(Eligible, state.Eligibility);
    }

    [Fact]
    public void Screen_Ineligible_MovesToIneligibleThenCloses()
    {
        var result = new EligibilityResult(false, [new EligibilityReason(EligibilityCodes.Late, "LC 4610.5(h)(1)", "late")]);

        var ineligible = Ok(CaseWorkflow.Screen(Received(), result, On(9, 15)));
        var closed = Ok(CaseWorkflow.Close(ineligible, "ineligible", On(9, 15)));

        Assert.Equal(CaseStatus.Ineligible, ineligible.Status);
        Assert.Equal("ELG001 late", ineligible.History[^1].Detail);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal("ineligible", closed.ClosedReason);
    }

    [Fact]
    public void Screen_OnlyMissingInformation_StaysReceivedAndCanBeScreenedAgain()
    {
        var result = new EligibilityResult(false, [new EligibilityReason(EligibilityCodes.MissingInformation, "8 CCR 9792.10.1(b)(1)", "signed?", "application.signed")]);

        var waiting = Ok(CaseWorkflow.Screen(Received(), result, On(9, 10)));
        var eligible = Ok(CaseWorkflow.Screen(waiting, Eligible, On(9, 15)));

        Assert.Equal(CaseStatus.Received, waiting.Status);
        Assert.Equal(CaseStatus.Eligible, eligible.Status);
    }

    [Fact]
    public void Assign_Eligible_AwaitsRecordsWithTheNoticeDate()
    {
        var state = Assigned();

        Assert.Equal(CaseStatus.AwaitingRecords, state.Status);
        Assert.Equal("rv-1", state.ReviewerId);
        Assert.Equal(new DateOnly(2015, 9, 16), state.AssignedOn);
    }

    [Fact]
    public void Assign_InReview_ReassignsWithoutChangingStatusOrNoticeDate()
    {
        var state = Ok(CaseWorkflow.Assign(InReview(), "rv-2", On(10, 5)));

        Assert.Equal(CaseStatus.InReview, state.Status);
        Assert.Equal("rv-2", state.ReviewerId);
        Assert.Equal(new DateOnly(2015, 9, 16), state.AssignedOn);
    }

    private static Reviewer Physician(string id, params string[] specialties) => new(id, $"Dr. {id}")
    {
        Licensure = ["CA"],
        Specialties = specialties,
        YearsInActivePractice = 10,
        HoursPerWeek = 30,
    };

    private static CaseState Screened() => Ok(CaseWorkflow.Screen(Received(), Eligible, On(9, 15)));

    [Fact]
    public void Assign_NamedReviewerWithConflict_FailsWithTheReasons()
    {
        var @case = Application with { Parties = new CaseParties { Employer = "Acme Widgets, Inc." } };
        var reviewer = Physician("rv-1", "PM&R") with { Affiliations = ["ACME Widgets"] };

        var result = CaseWorkflow.Assign(Screened(), @case, reviewer, ["physical-medicine/work-conditioning"], On(9, 16));

        Assert.Equal(WorkflowCodes.ReviewerRejected, result.Failure!.Code);
        Assert.Equal([ReviewerCodes.ConflictEmployer], result.Failure.ReviewerReasons.Select(r => r.Code));
        Assert.Equal(CaseStatus.Eligible, result.State.Status);
    }

    [Fact]
    public void Assign_NamedQualifiedReviewer_Assigns() =>
        Assert.Equal("rv-1", Ok(CaseWorkflow.Assign(Screened(), Application, Physician("rv-1", "PM&R"), ["physical-medicine"], On(9, 16))).ReviewerId);

    [Fact]
    public void Assign_NamedReviewerBeforeScreening_FailsOutOfOrderFirst() =>
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.Assign(Received(), Application, Physician("rv-1"), ["physical-medicine"], On(9, 16)).Failure!.Code);

    [Fact]
    public void AssignBest_RanksTheReviewers_AssignsTheBestFit()
    {
        Reviewer[] reviewers = [Physician("chiro", "Chiropractic"), Physician("pmr", "PM&R"), Physician("junior", "PM&R") with { YearsInActivePractice = 2 }];

        var state = Ok(CaseWorkflow.AssignBest(Screened(), Application, ["physical-medicine"], reviewers, On(9, 16)));

        Assert.Equal("pmr", state.ReviewerId);
        Assert.Equal(CaseStatus.AwaitingRecords, state.Status);
    }

    [Fact]
    public void AssignBest_NoneQualified_FailsNoReviewer() =>
        Assert.Equal(WorkflowCodes.NoReviewer,
            CaseWorkflow.AssignBest(Screened(), Application, ["electrodiagnostic"], [Physician("ortho", "Orthopedic Surgery")], On(9, 16)).Failure!.Code);

    [Fact]
    public void RecordsComplete_AwaitingRecords_MovesToInReview()
    {
        var state = InReview();

        Assert.Equal(CaseStatus.InReview, state.Status);
        Assert.Equal(new DateOnly(2015, 10, 1), state.RecordsCompleteOn);
    }

    [Fact]
    public void Decide_InReviewThenAgain_StaysDecided()
    {
        var revised = Ok(CaseWorkflow.Decide(Decided(), On(10, 21, "rv-1"), "1 overturned"));

        Assert.Equal(CaseStatus.Decided, revised.Status);
        Assert.Equal("rv-1", revised.History[^1].Actor);
    }

    [Fact]
    public void IssueLetter_Decided_IsLetterIssuedWithTheFullHistory()
    {
        var state = Issued();

        Assert.Equal(CaseStatus.LetterIssued, state.Status);
        Assert.Equal(new DateOnly(2015, 10, 23), state.LetterIssuedOn);
        Assert.Equal(
            [CaseStep.Receive, CaseStep.Screen, CaseStep.Assign, CaseStep.RecordsComplete, CaseStep.Decide, CaseStep.IssueLetter],
            state.History.Select(h => h.Step));
        Assert.All(state.History, h => Assert.Equal("mtus-2009.1", h.CriteriaLibraryVersion));
        Assert.Equal(CaseStatus.Closed, Ok(CaseWorkflow.Close(state, "done", On(10, 30))).Status);
    }

    [Theory]
    [InlineData(CaseStep.Decide)]
    [InlineData(CaseStep.Assign)]
    [InlineData(CaseStep.ConvertToExpedited)]
    [InlineData(CaseStep.IssueLetter)]
    public void AnyStep_AfterTheLetter_FailsImmutable(CaseStep step)
    {
        var issued = Issued();

        var result = step switch
        {
            CaseStep.Decide => CaseWorkflow.Decide(issued, On(11, 1)),
            CaseStep.Assign => CaseWorkflow.Assign(issued, "rv-2", On(11, 1)),
            CaseStep.ConvertToExpedited => CaseWorkflow.ConvertToExpedited(issued, "Dr. Treating", On(11, 1)),
            _ => CaseWorkflow.IssueLetter(issued, On(11, 1)),
        };

        Assert.False(result.Succeeded);
        Assert.Equal(WorkflowCodes.LetterIssued, result.Failure!.Code);
        Assert.Same(issued, result.State);
    }

    [Fact]
    public void Close_AfterLetterThenAnything_FailsImmutable()
    {
        var closed = Ok(CaseWorkflow.Close(Issued(), "done", On(10, 30)));

        Assert.Equal(WorkflowCodes.LetterIssued, CaseWorkflow.Close(closed, "again", On(11, 1)).Failure!.Code);
    }

    [Fact]
    public void RecordsComplete_BeforeAssignment_FailsOutOfOrderAndChangesNothing()
    {
        var eligible = Ok(CaseWorkflow.Screen(Received(), Eligible, On(9, 15)));

        var result = CaseWorkflow.RecordsComplete(eligible, On(9, 20));

        Assert.False(result.Succeeded);
        Assert.Equal(WorkflowCodes.OutOfOrder, result.Failure!.Code);
        Assert.Equal(CaseStep.RecordsComplete, result.Failure.Step);
        Assert.Equal(CaseStatus.Eligible, result.Failure.Status);
        Assert.Contains("awaiting records", result.Failure.Message, StringComparison.Ordinal);
        Assert.Same(eligible, result.State);
    }

    [Fact]
    public void OutOfOrderSteps_EachFailWithOutOfOrder()
    {
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.Assign(Received(), "rv-1", On(9, 5)).Failure!.Code);
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.Decide(Assigned(), On(9, 20)).Failure!.Code);
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.IssueLetter(InReview(), On(10, 5)).Failure!.Code);
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.Screen(Assigned(), Eligible, On(9, 20)).Failure!.Code);
        Assert.Equal(WorkflowCodes.OutOfOrder, CaseWorkflow.ConvertToExpedited(Decided(), "Dr. Treating", On(10, 21)).Failure!.Code);
    }

    [Fact]
    public void ConvertToExpedited_AwaitingRecords_ShortensTheClocks()
    {
        var expedited = Ok(CaseWorkflow.ConvertToExpedited(Assigned(), "Dr. Treating", On(9, 16, "Dr. Treating")));

        Assert.Equal(CaseStatus.AwaitingRecords, expedited.Status);
        Assert.True(expedited.IsExpedited);
        Assert.Equal("Dr. Treating", expedited.ExpeditedCertifiedBy);
        Assert.Equal(CaseStep.ConvertToExpedited, expedited.History[^1].Step);
        var records = Assert.Single(CaseWorkflow.Deadlines(Application, expedited), d => d.Clock == ClockKind.Records);
        Assert.Equal("CLK-REC-24H-EXP", records.RuleId);
        Assert.Equal(new DateOnly(2015, 9, 17), records.Due);
    }

    [Fact]
    public void ConvertToExpedited_AlreadyExpedited_Fails()
    {
        var state = CaseWorkflow.Receive(Application with { Priority = "expedited" }, On(9, 4));

        Assert.Equal(WorkflowCodes.AlreadyExpedited, CaseWorkflow.ConvertToExpedited(state, "Dr. Treating", On(9, 5)).Failure!.Code);
    }

    [Fact]
    public void Close_CompletedBeforeTheLetter_FailsOutOfOrderAndKeepsTheState()
    {
        var state = Decided();

        var result = CaseWorkflow.Close(state, CloseReasons.Completed, On(10, 21));

        Assert.Equal(WorkflowCodes.OutOfOrder, result.Failure?.Code);
        Assert.Same(state, result.State);
    }

    [Fact]
    public void Close_CompletedAfterTheLetter_Closes() =>
        Assert.Equal(CloseReasons.Completed, Ok(CaseWorkflow.Close(Issued(), CloseReasons.Completed, On(10, 30))).ClosedReason);

    [Fact]
    public void Close_BeforeDecisionWhenTreatmentAuthorised_Closes() =>
        Assert.Equal(CaseStatus.Closed, Ok(CaseWorkflow.Close(InReview(), "treatment authorised", On(10, 5))).Status);

    [Fact]
    public void Deadlines_InReview_AllFourClocksFromTheState()
    {
        var deadlines = CaseWorkflow.Deadlines(Application, InReview());

        Assert.Equal([ClockKind.Application, ClockKind.AssignmentNotice, ClockKind.Records, ClockKind.Determination], deadlines.Select(d => d.Clock));
        Assert.Equal(new DateOnly(2015, 9, 16), deadlines[1].Due);
        Assert.Equal(new DateOnly(2015, 10, 1), deadlines[2].Due);
        Assert.Equal(new DateOnly(2015, 11, 2), deadlines[3].Due);
    }

    [Fact]
    public void StepContextNow_FakeTimeProvider_TakesTheDateInTheZone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2015, 9, 16, 5, 0, 0, TimeSpan.Zero));
        var pacific = TimeZoneInfo.CreateCustomTimeZone("PDT", Pacific, "PDT", "PDT");

        var context = StepContext.Now("coordinator", time, pacific, "v1");

        Assert.Equal(new DateOnly(2015, 9, 15), context.Date);
        Assert.Equal(new DateOnly(2015, 9, 15), Ok(CaseWorkflow.Screen(Received(), Eligible, context)).EligibleOn);
    }

    [Fact]
    public void AllowedFrom_EveryStepButReceive_IsListed() =>
        Assert.Equal(Enum.GetValues<CaseStep>().Where(s => s != CaseStep.Receive), CaseWorkflow.AllowedFrom.Keys.Order());

    [Fact]
    public void CaseState_ImrJson_RoundTripsWithKebabStatusAndSteps()
    {
        var state = Issued();

        var json = JsonSerializer.Serialize(state, ImrJson.Compact);
        var back = JsonSerializer.Deserialize<CaseState>(json, ImrJson.Compact)!;

        Assert.Contains("\"status\":\"letter-issued\"", json, StringComparison.Ordinal);
        Assert.Contains("\"step\":\"records-complete\"", json, StringComparison.Ordinal);
        Assert.Equal(state.Status, back.Status);
        Assert.Equal(state.LetterIssuedOn, back.LetterIssuedOn);
        Assert.Equal(state.History, back.History);
    }

    [Fact]
    public void AnySequenceOfSteps_FailureChangesNothingAndEachSuccessAddsOneAuditEntry() =>
        Gen.Int[0, 7].Array[1, 30].Sample(steps =>
        {
            var state = Received();
            var day = 5;
            foreach (var step in steps)
            {
                var context = On(10, day++ % 28 + 1);
                var result = step switch
                {
                    0 => CaseWorkflow.Screen(state, Eligible, context),
                    1 => CaseWorkflow.Screen(state, new EligibilityResult(false, [new EligibilityReason(EligibilityCodes.Late, "LC 4610.5(h)(1)", "late")]), context),
                    2 => CaseWorkflow.Assign(state, "rv-1", context),
                    3 => CaseWorkflow.RecordsComplete(state, context),
                    4 => CaseWorkflow.Decide(state, context),
                    5 => CaseWorkflow.IssueLetter(state, context),
                    6 => CaseWorkflow.ConvertToExpedited(state, "Dr. Treating", context),
                    _ => CaseWorkflow.Close(state, "done", context),
                };
                if (result.Succeeded)
                {
                    Assert.Equal(state.History.Count + 1, result.State.History.Count);
                    Assert.Equal(result.State.Status, result.State.History[^1].To);
                    if (state.LetterIssuedOn is not null)
                    {
                        Assert.Equal(CaseStatus.Closed, result.State.Status);
                    }
                }
                else
                {
                    Assert.Same(state, result.State);
                    Assert.StartsWith("WFL", result.Failure!.Code, StringComparison.Ordinal);
                }

                state = result.State;
            }
        });

    [Fact]
    public void Allows_EachStatus_AgreesWithTheStepsOwnRefusal()
    {
        var received = Received();
        var inReview = InReview();

        Assert.True(CaseWorkflow.Allows(received, CaseStep.Screen));
        Assert.False(CaseWorkflow.Allows(received, CaseStep.IssueLetter));
        Assert.True(CaseWorkflow.Allows(inReview, CaseStep.AddRecords));
        Assert.Equal(CaseWorkflow.IssueLetter(inReview, On(10, 2)).Succeeded, CaseWorkflow.Allows(inReview, CaseStep.IssueLetter));
        Assert.True(CaseWorkflow.Allows(CaseStatus.LetterIssued, CaseStep.Close));
        Assert.False(CaseWorkflow.Allows(CaseStatus.LetterIssued, CaseStep.AddRecords));
        Assert.False(CaseWorkflow.Allows(CaseStatus.Closed, CaseStep.Close));
    }

    [Fact]
    public void ReviewRefusal_BeforeTheRecordsAreComplete_SaysWhenTheReviewRuns()
    {
        var refusal = CaseWorkflow.ReviewRefusal(Assigned());

        Assert.NotNull(refusal);
        Assert.Equal(WorkflowCodes.OutOfOrder, refusal.Code);
        Assert.Equal("The review runs once a reviewer is assigned and the records are complete; the case is awaiting-records.", refusal.Message);
        Assert.Null(CaseWorkflow.ReviewRefusal(InReview()));
    }

    [Fact]
    public void AsItStands_ExpeditedAndAssigned_OverlaysPriorityAssignmentAndRecords()
    {
        var state = Assigned() with { Priority = "expedited" };
        CaseDocument[] records = [new CaseDocument { Text = "Synthetic record added after filing." }];

        var current = CaseWorkflow.AsItStands(Application, state, records);

        Assert.Equal("expedited", current.Priority);
        Assert.Equal(new DateOnly(2015, 9, 16), current.Dates!.Assigned);
        Assert.Equal(records, current.Documents);
        Assert.Equal(Application.Documents, CaseWorkflow.AsItStands(Application, state).Documents);
    }
}
