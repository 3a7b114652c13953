using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Formulary;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>
/// Decides every request of a case as an IMR reviewer would: reads the request (service, body
/// region, quantity), chooses the guideline by the evidence hierarchy in force on the UR decision
/// date, assesses each criterion against the facts of the records, and writes the rationale.
/// A recommendation only: a physician reviewer decides and signs.
/// </summary>
public sealed class ReviewEngine
{
    /// <summary>Below this much clinical text the records are too thin to apply any criterion.</summary>
    internal const int MinimumRecordCharacters = 120;

    private readonly GuidelineLibrary _library;

    public ReviewEngine(GuidelineLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
    }

    /// <summary>The criteria library version every review names.</summary>
    public string LibraryVersion => _library.Version;

    /// <summary>Reviews a case whose documents have been turned into text by the host.</summary>
    /// <param name="documentTexts">The text of each <c>documents[i]</c>; evidence offsets point into these.</param>
    /// <param name="asOf">Today, for a case without a UR decision or application date.</param>
    public Review Review(Case @case, IReadOnlyList<string> documentTexts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(documentTexts);
        var decisionDate = @case.Dates?.UrDenial ?? @case.Dates?.ApplicationReceived ?? RecordDates.UtilizationReview(documentTexts, asOf) ?? asOf;
        var facts = CaseFacts.Extract(@case, documentTexts, decisionDate);
        var injury = @case.Dates?.Injury ?? facts.FirstOrDefault(f => f.Kind == FactKinds.InjuryDate && f.Date is not null)?.Date;
        var thin = documentTexts.Sum(t => t?.Trim().Length ?? 0) < MinimumRecordCharacters;

        var programInRecords = documentTexts.Any(t => t?.Contains("program", StringComparison.OrdinalIgnoreCase) == true);
        var requests = @case.Requests.Select(r => ProgramByHours(RequestParser.Parse(r.Description), programInRecords)).ToList();
        var determinations = new Determination?[requests.Count];

        // Surgery first: the services that depend on it follow its decision.
        foreach (var pass in new[] { true, false })
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var isSurgery = IsMainSurgery(requests[i]);
                if (isSurgery != pass)
                {
                    continue;
                }

                var surgery = requests[i].DependsOnSurgery && !isSurgery ? SurgeryDecision(requests, determinations) : null;
                var context = new ReviewContext(surgery?.Decision == Decision.Overturned ? WithSurgeryApproved(facts, surgery) : facts, requests[i], decisionDate, injury);
                determinations[i] = Decide(context, thin, surgery);
            }
        }

        return new Review(@case.CaseNumber, determinations.Select(d => d!).ToList());
    }

    /// <summary>
    /// A request that names only hours ("40 hours or 16 sessions", a synthetic example) for a program the records describe
    /// is an interdisciplinary program: programs are the services requested by the hour.
    /// </summary>
    private static ParsedRequest ProgramByHours(ParsedRequest request, bool programInRecords) =>
        request.Service == ServiceId.Unknown && request.Quantity.Hours is > 0 && programInRecords
            ? request with { Service = new ServiceId(ServiceFamilies.PhysicalMedicine, "functional-restoration") }
            : request;

    /// <summary>A surgery this review finds necessary is an approved, planned operation for the services that go with it.</summary>
    private static List<ClinicalFact> WithSurgeryApproved(IReadOnlyList<ClinicalFact> facts, Determination surgery) =>
        [.. facts, new ClinicalFact(FactKinds.SurgeryPlanned, FactStatus.Affirmed) { Value = surgery.Request, Trigger = surgery.Request }];

    /// <summary>An operation, as opposed to a service that serves one (an assistant surgeon is itself surgical but follows the operation).</summary>
    private static bool IsMainSurgery(ParsedRequest request) => request.Service.Family == ServiceFamilies.Surgery && !request.DependsOnSurgery;

    private static Determination? SurgeryDecision(List<ParsedRequest> requests, Determination?[] determinations)
    {
        for (var i = 0; i < requests.Count; i++)
        {
            if (IsMainSurgery(requests[i]) && determinations[i] is { } decided)
            {
                return decided;
            }
        }

        return null;
    }

    private Determination Decide(ReviewContext context, bool thinRecords, Determination? surgery)
    {
        var request = context.Request;
        var service = request.Service.ToString();
        var quantity = request.Quantity.IsEmpty ? null : request.Quantity;
        if (request.Service == ServiceId.Unknown)
        {
            var unplaced = $"The catalogue cannot place the words \"{request.Portion.Trim()}\" as a service, so no guideline can be chosen.";
            return new Determination(request.Description, service, quantity, Decision.NoRecommendation, null, [],
                Rationale.NoRecommendation(_library.Templates, request, unplaced), unplaced);
        }

        var selection = Select(service, request, context.DecisionDate, Qualifiers(context, surgery));
        var unencoded = selection.Topic?.Recommendation == RecommendationKind.NotEncoded;
        if ((selection.Topic is null || selection.Guideline is null || unencoded) && surgery?.Decision == Decision.Upheld)
        {
            // Dependencies first: a service that serves a surgery found not necessary falls with it, whether or not a topic covers it.
            var dependency = SurgeryDependency(surgery);
            return new Determination(request.Description, service, quantity, Decision.Upheld, selection.Citation, [dependency.Assessment],
                Rationale.Dependent(_library.Templates, request, surgery), selection.Reason)
            {
                Strength = RecommendationStrength.NotMet,
            };
        }

        if (selection.Topic is null || selection.Guideline is null)
        {
            var rationale = Rationale.NoRecommendation(_library.Templates, request, selection.Reason);
            return new Determination(request.Description, service, quantity, Decision.NoRecommendation, null, [], rationale, selection.Reason);
        }

        var topic = selection.Topic;
        var citation = selection.Guideline.Cite(topic);
        if (unencoded || (topic.Criteria.Count == 0 && topic.Quantities.Count == 0
            && topic.Recommendation is not (RecommendationKind.NotRecommended or RecommendationKind.UnderStudy) && surgery is null))
        {
            var reason = unencoded
                ? selection.Reason
                : $"{selection.Guideline.SourceName} {selection.Guideline.Title} ({topic.Section}) governs this request, but the criteria library encodes none of its criteria.";
            IReadOnlyList<CriterionAssessment> shown = Formulary(context) is { } drugList ? [drugList.Assessment] : [];
            return new Determination(request.Description, service, quantity, Decision.NoRecommendation, citation, shown,
                Rationale.NoRecommendation(_library.Templates, request, reason), selection.Reason);
        }

        if (thinRecords)
        {
            const string thin = "The records supplied hold too little clinical information to apply the guideline's criteria.";
            return new Determination(request.Description, service, quantity, Decision.NoRecommendation, citation, [],
                Rationale.NoRecommendation(_library.Templates, request, thin), selection.Reason);
        }

        var assessments = new List<Assessed>();
        if (surgery is not null)
        {
            assessments.Add(SurgeryDependency(surgery));
        }

        // Criteria the library applies beside the governing topic's (cross-cutting.json), such as what part of a course
        // utilization review already authorised has brought.
        foreach (var (guideline, alongside) in Alongside(service, context.DecisionDate))
        {
            assessments.AddRange(Criteria(guideline, alongside, context));
        }

        if (topic.Recommendation is RecommendationKind.NotRecommended or RecommendationKind.UnderStudy)
        {
            assessments.Add(NotRecommended(topic, selection.Guideline));
        }

        assessments.AddRange(Criteria(selection.Guideline, topic, context));

        if (Formulary(context) is { } formulary)
        {
            assessments.Add(formulary);
        }

        assessments.AddRange(QuantityAssessor.Assess(topic, context).Select(q => q with
        {
            Assessment = q.Assessment with { Source = Source(selection.Guideline, topic, q.Rule.Source) },
        }).Select(q => new Assessed(q.Assessment, q.Rule.OnFail == FailureEffect.Upheld)));

        var (decision, strength) = BurdenOfProof.Decide(assessments.Where(a => a.Decisive)
            .Select(a => new BurdenOfProof.Decisive(a.Assessment.Status, a.Established)).ToList());
        var criteria = assessments.Select(a => a.Assessment).ToList();
        var text = Rationale.Write(_library.Templates, request, selection, citation, decision, strength, assessments);
        return new Determination(request.Description, service, quantity, decision, citation, criteria, text, selection.Reason) { Strength = strength };
    }

    /// <summary>The topics in force on <paramref name="decisionDate"/> whose criteria apply beside the governing topic's for <paramref name="service"/>.</summary>
    private IEnumerable<(Guideline Guideline, GuidelineTopic Topic)> Alongside(string service, DateOnly decisionDate) =>
        _library.Guidelines.Where(g => g.Effective.Contains(decisionDate))
            .SelectMany(g => g.Topics.Where(t => t.AppliesAlongside && t.CoversService(service)).Select(t => (g, t)));

    /// <summary>The topic's criteria that apply to the request, each assessed against the facts.</summary>
    private static IEnumerable<Assessed> Criteria(Guideline guideline, GuidelineTopic topic, ReviewContext context)
    {
        foreach (var criterion in topic.Criteria)
        {
            var applies = criterion.When is { } when ? CriterionEvaluator.Evaluate(when, context, topic) : null;
            if (applies is { Status: not CriterionStatus.Met })
            {
                continue;
            }

            var outcome = CriterionEvaluator.Evaluate(criterion.Rule, context, topic);
            var question = outcome.NeedsJudgement && outcome.Status == CriterionStatus.NotDocumented;
            var finding = question ? $"{Rationale.QuestionPrefix}, which the records do not answer: {outcome.Finding}" : outcome.Finding;
            var facts = outcome.Facts;
            if (outcome.Status != CriterionStatus.Met && applies is { } why && why.Facts.Count > 0)
            {
                // A criterion that is not met names why it applies (for example the drug the records show already taken).
                facts = [.. why.Facts, .. outcome.Facts.Except(why.Facts)];
                finding = question || string.IsNullOrEmpty(why.Finding) ? finding
                    : string.IsNullOrEmpty(finding) ? $"it applies: {why.Finding}" : $"it applies ({why.Finding}); {finding}";
            }

            var assessment = new CriterionAssessment(criterion.Id, criterion.Test, outcome.Status, Evidence(facts))
            {
                Finding = finding,
                Source = Source(guideline, topic, criterion.Source),
            };

            // The burden of proof: a decisive criterion the engine cannot answer counts against the request like one not documented.
            yield return new Assessed(assessment, Decisive: criterion.OnFail == FailureEffect.Upheld, Established(outcome));
        }
    }

    /// <summary>
    /// For a medication decided under the MTUS Drug List (from 2018-01-01) when the library holds a version of it: whether the
    /// drug could be dispensed without prospective review (8 CCR 9792.27.x), shown beside the criteria. It weighs in the
    /// rationale only: IMR decides medical necessity whatever the drug's status.
    /// </summary>
    private Assessed? Formulary(ReviewContext context)
    {
        if (context.Request.Service.Family != "medication" || _library.DrugLists.All.Count == 0 || context.DecisionDate < DrugListVersions.FormularyFrom)
        {
            return null;
        }

        var request = context.Request;
        var prescription = new Prescription(request.Description, context.DecisionDate, context.InjuryDate,
            SupplyDays: request.Quantity.Days is { } days ? (int)days : null,
            Compounded: request.Service.Kind == "compound");
        var outcome = FormularyRules.Assess(prescription, _library.DrugLists);
        var status = outcome.Outcome switch
        {
            FormularyOutcome.ExemptWithoutReview or FormularyOutcome.SpecialFill or FormularyOutcome.PerioperativeFill => CriterionStatus.Met,
            FormularyOutcome.NeedsProspectiveReview => CriterionStatus.NotMet,
            _ => CriterionStatus.NotDocumented,
        };
        var assessment = new CriterionAssessment("formulary.mtus-drug-list", "The MTUS Drug List lets the drug be dispensed without prospective review.", status, [])
        {
            Finding = outcome.Reason,
            Source = outcome.Version is { } v ? $"MTUS Drug List {v.Version} (effective {v.Effective:yyyy-MM-dd}); 8 CCR 9792.27.1 ff." : "8 CCR 9792.27.1 ff.",
        };
        return new Assessed(assessment, Decisive: false);
    }

    /// <summary>
    /// A met criterion establishes something only when it rests on what the records affirm; one met by silence
    /// (nothing contrary found), by the injury date or by the request's own wording does not.
    /// </summary>
    private static bool Established(RuleOutcome outcome) =>
        outcome.Status == CriterionStatus.Met && outcome.Facts.Any(f => f.Kind != FactKinds.InjuryDate);

    /// <summary>The first topic in force for any of the request's body regions, in the order the request names them.</summary>
    private HierarchySelection Select(string service, ParsedRequest request, DateOnly decisionDate, HashSet<string> qualifiers)
    {
        var regions = (request.Regions.Count > 0 ? request.Regions : request.Region is { } only ? [only] : [])
            .Select(GuidelineVocabulary.RegionOf).Where(r => r is not null).Distinct().ToList();
        HierarchySelection? first = null;
        foreach (var region in regions.Count > 0 ? regions : [null])
        {
            var selection = _library.Hierarchy.Select(service, region, decisionDate, qualifiers);
            if (selection.Topic is not null)
            {
                return selection;
            }

            first ??= selection;
        }

        return first!;
    }

    private static Assessed SurgeryDependency(Determination surgery)
    {
        var met = surgery.Decision == Decision.Overturned;
        var assessment = new CriterionAssessment("dep.surgery-necessary",
            "The surgery this service belongs to is medically necessary.",
            met ? CriterionStatus.Met : surgery.Decision == Decision.Upheld ? CriterionStatus.NotMet : CriterionStatus.NotDocumented, [])
        {
            Finding = $"the request for {surgery.Request} is {(met ? "medically necessary" : surgery.Decision == Decision.Upheld ? "not medically necessary" : "undecided")} in this review",
        };
        return new Assessed(assessment, Decisive: true, Established: met);
    }

    private static Assessed NotRecommended(GuidelineTopic topic, Guideline guideline)
    {
        var assessment = new CriterionAssessment($"{topic.Id}.recommended",
            "The guideline recommends this service.", CriterionStatus.NotMet, [])
        {
            Finding = $"{guideline.SourceName} {guideline.Title} does not recommend it ({topic.Section})",
            Source = Source(guideline, topic, new SourceReference(topic.Pages, topic.Section, null)),
        };
        return new Assessed(assessment, Decisive: true);
    }

    private static HashSet<string> Qualifiers(ReviewContext context, Determination? surgery)
    {
        var text = context.Request.Description.ToLowerInvariant();
        var qualifiers = new HashSet<string>(StringComparer.Ordinal);
        void When(bool condition, string qualifier)
        {
            if (condition)
            {
                qualifiers.Add(qualifier);
            }
        }

        var family = context.Request.Service.Family;
        var preoperative = text.Contains("pre-op", StringComparison.Ordinal) || text.Contains("preop", StringComparison.Ordinal)
            || text.Contains("clearance", StringComparison.Ordinal) || text.Contains("labs to include", StringComparison.Ordinal);
        When(preoperative || (context.Request.DependsOnSurgery && family is ServiceFamilies.Testing or ServiceFamilies.Evaluation), "preoperative");
        When(!preoperative && (surgery is not null || text.Contains("post-op", StringComparison.Ordinal) || text.Contains("postop", StringComparison.Ordinal)
            || text.Contains("post-surgical", StringComparison.Ordinal) || text.Contains("postsurgical", StringComparison.Ordinal)
            || text.Contains("associated surgical service", StringComparison.Ordinal)), "postoperative");
        When(text.Contains("positional", StringComparison.Ordinal), "positional");
        When(text.Contains("arthrogram", StringComparison.Ordinal), "arthrogram");
        When(text.Contains("infrared", StringComparison.Ordinal), "infrared");
        When(text.Contains("heat", StringComparison.Ordinal), "heat");
        When(text.Contains("ultrasound", StringComparison.Ordinal) && family == ServiceFamilies.PhysicalMedicine, "therapeutic-ultrasound");
        When(text.Contains("shock", StringComparison.Ordinal) || text.Contains("eswt", StringComparison.Ordinal), "shock-wave");

        // Electrotherapy given as a modality (e-stim, interferential) is judged by the transcutaneous electrotherapy section, CPMTG p.114-121.
        When(family == ServiceFamilies.PhysicalMedicine && (text.Contains("e-stim", StringComparison.Ordinal) || text.Contains("estim", StringComparison.Ordinal)
            || text.Contains("electrical stim", StringComparison.Ordinal) || text.Contains("interferential", StringComparison.Ordinal)), "electrical-stimulation");
        if (context.Request.Service.Kind == "opioid")
        {
            var months = context.MonthsSinceInjury;
            When(months is < 3, "subacute");
            When(context.Of(FactKinds.MedicationDuration).Any(f => f.Number >= 3) || text.Contains("continue", StringComparison.Ordinal), "maintenance");
        }

        return qualifiers;
    }

    private static List<Evidence> Evidence(IReadOnlyList<ClinicalFact> facts) =>
        facts.Where(f => f.Evidence is not null).Select(f => f.Evidence!).Distinct().Take(5).ToList();

    internal static string Source(Guideline guideline, GuidelineTopic topic, SourceReference source)
    {
        var document = source.Document ?? $"{guideline.SourceName} {guideline.Title}";
        var where = source.Pages is { } pages ? $"p.{pages}" : source.Section ?? topic.Section;
        return $"{document} {where}";
    }
}

/// <summary>An assessment and whether it can decide the request.</summary>
internal sealed record Assessed(CriterionAssessment Assessment, bool Decisive, bool Established = false);
