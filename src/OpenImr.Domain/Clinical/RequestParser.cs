namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads a request wording ("Physical therapy 2 times a week for 6 weeks, lumbar spine") into a
/// <see cref="ParsedRequest"/>: service family and kind, body region, quantity, drug, and whether it
/// is retrospective or depends on a surgery. Hand-written token rules; linear; never throws.
/// </summary>
public static class RequestParser
{
    // Rules are tried in order; the first that matches names the service. Order matters:
    // "PT/PTT" (a coagulation test) before physical therapy, consultations before the thing consulted about,
    // injections before the drugs injected, TENS before electrical stimulation.
    private static readonly (string[] Phrases, string Family, string Kind)[] Rules =
    [
        (["pt ptt", "ptt", "cbc", "cmp", "bmp", "lab work", "labs", "laboratory", "blood work", "blood test", "blood tests", "urinalysis", "metabolic panel", "hepatic panel", "renal panel", "inr", "hemoglobin", "a1c", "coagulation"], ServiceFamilies.Testing, "laboratory"),
        (["grip strength", "range of motion testing", "range of motion test", "rom testing", "range of motion measurement", "computerized range of motion",
            "muscle testing", "strength testing", "computerized muscle testing", "dynamometer", "dynamometry"], ServiceFamilies.Testing, "functional-testing"),
        (["urine drug screen", "urine drug test", "urine drug testing", "urine toxicology", "drug screen", "uds", "toxicology"], ServiceFamilies.Testing, "urine-drug-screen"),
        (["functional capacity", "fce"], ServiceFamilies.Evaluation, "fce"),
        (["psychological evaluation", "psychological consultation", "psych evaluation", "psychiatric evaluation", "psychological testing", "psychology", "psychological", "psychotherapy", "psychiatric", "cognitive behavioral"], ServiceFamilies.Evaluation, "psychological"),
        (["consult", "consultation", "consultations", "referral", "specialist", "second opinion", "surgery evaluation", "surgical evaluation",
            "surgeon evaluation", "orthopedic evaluation", "neurosurgical evaluation", "chiropractic evaluation", "physical therapy evaluation",
            "acupuncture evaluation", "pain management evaluation", "evaluation with"], ServiceFamilies.Evaluation, "consultation"),
        (["medical clearance", "clearance", "pre op clearance", "preoperative clearance", "history and physical"], ServiceFamilies.Evaluation, "medical-clearance"),
        (["partial hospitalization", "day treatment"], ServiceFamilies.HomeCare, "partial-hospitalization"),
        (["emg ncv", "emg ncs", "ncv emg", "ncs emg", "electrodiagnostic", "electrodiagnostics"], ServiceFamilies.Electrodiagnostic, "emg-ncs"),
        (["emg", "electromyography", "electromyogram"], ServiceFamilies.Electrodiagnostic, "emg"),
        (["ncv", "ncs", "nerve conduction"], ServiceFamilies.Electrodiagnostic, "ncs"),
        (["eeg", "electroencephalogram", "electroencephalography"], ServiceFamilies.Electrodiagnostic, "eeg"),
        (["ssep", "somatosensory", "evoked potential", "evoked potentials"], ServiceFamilies.Electrodiagnostic, "evoked-potential"),
        (["ekg", "ecg", "electrocardiogram", "electrocardiography"], ServiceFamilies.Testing, "ekg"),
        (["epidural", "esi", "transforaminal", "interlaminar", "caudal"], ServiceFamilies.Injection, "epidural-steroid"),
        (["facet", "medial branch", "radiofrequency", "rhizotomy"], ServiceFamilies.Injection, "facet"),
        (["trigger point"], ServiceFamilies.Injection, "trigger-point"),
        (["platelet rich", "prp"], ServiceFamilies.Injection, "prp"),
        (["nerve block", "stellate", "sympathetic block", "block"], ServiceFamilies.Injection, "nerve-block"),
        (["intra articular", "cortisone", "viscosupplementation", "synvisc", "hyaluronic", "orthovisc", "euflexxa", "steroid injection", "corticosteroid injection"], ServiceFamilies.Injection, "joint"),
        // A bare "injection" is into a joint when the wording names a body part (see Classify).
        (["injection", "injections", "inj"], ServiceFamilies.Injection, "other"),
        (["mri", "mris", "magnetic resonance", "mr arthrogram", "mra", "arthrogram"], ServiceFamilies.Imaging, "mri"),
        (["ct", "cat scan", "computed tomography", "ct scan", "myelogram"], ServiceFamilies.Imaging, "ct"),
        (["x ray", "x rays", "xray", "xrays", "radiograph", "radiographs", "films"], ServiceFamilies.Imaging, "x-ray"),
        (["bone scan", "scintigraphy", "dexa"], ServiceFamilies.Imaging, "bone-scan"),
        (["diagnostic ultrasound", "ultrasound of", "ultrasound guided", "sonogram", "ultrasonography", "doppler", "duplex"], ServiceFamilies.Imaging, "ultrasound"),
        // Mechanical "decompression therapy" is traction given as a modality, not an operation.
        (["decompression therapy", "non surgical decompression", "nonsurgical decompression", "vax d"], ServiceFamilies.PhysicalMedicine, "modality"),
        (["carpal tunnel release", "ctr"], ServiceFamilies.Surgery, "carpal-tunnel-release"),
        (["arthroscopy", "arthroscopic", "scope"], ServiceFamilies.Surgery, "arthroscopy"),
        (["arthroplasty", "joint replacement", "knee replacement", "hip replacement", "shoulder replacement", "tka", "tha"], ServiceFamilies.Surgery, "joint-replacement"),
        (["fusion", "laminectomy", "laminotomy", "discectomy", "microdiscectomy", "foraminotomy", "spinal cord stimulator", "kyphoplasty", "vertebroplasty", "disc replacement"], ServiceFamilies.Surgery, "spine"),
        (["surgery", "surgical", "repair", "decompression", "meniscectomy", "open reduction", "orif", "tenodesis", "tendon release", "trigger finger release", "lateral release", "reconstruction", "excision", "debridement", "fixation", "osteotomy", "hardware removal", "pa assist", "assistant surgeon", "surgical assistant", "co surgeon"], ServiceFamilies.Surgery, "other"),
        (["tens", "transcutaneous", "interferential", "ems unit", "neuromuscular stimulator", "h wave"], ServiceFamilies.Equipment, "tens"),
        (["cold", "cryotherapy", "cryo", "ice", "game ready", "polar care", "vascutherm", "cold compression", "compression therapy"], ServiceFamilies.Equipment, "cold-therapy"),
        (["work conditioning", "work hardening"], ServiceFamilies.PhysicalMedicine, "work-conditioning"),
        (["functional restoration", "chronic pain program", "hela", "multidisciplinary", "interdisciplinary", "pain program"], ServiceFamilies.PhysicalMedicine, "functional-restoration"),
        (["inpatient rehab", "inpatient rehabilitation", "acute rehab", "rehabilitation facility"], ServiceFamilies.PhysicalMedicine, "inpatient-rehabilitation"),
        (["aquatic", "aqua", "pool therapy", "aquatherapy", "hydrotherapy"], ServiceFamilies.PhysicalMedicine, "aquatic-therapy"),
        (["acupuncture", "electroacupuncture", "acupressure"], ServiceFamilies.PhysicalMedicine, "acupuncture"),
        (["chiropractic", "chiro", "chiropractor", "manipulation", "manipulative", "cmt", "manual therapy"], ServiceFamilies.PhysicalMedicine, "chiropractic"),
        (["occupational therapy", "hand therapy"], ServiceFamilies.PhysicalMedicine, "occupational-therapy"),
        (["massage", "myofascial release", "soft tissue mobilization", "myofascial"], ServiceFamilies.PhysicalMedicine, "massage"),
        (["pulsed ultrasound", "therapeutic ultrasound", "ultrasound", "electrical stimulation", "e stim", "estim", "infrared", "traction", "diathermy", "iontophoresis", "paraffin", "hot pack", "hot packs", "laser", "modalities", "shockwave", "eswt"], ServiceFamilies.PhysicalMedicine, "modality"),
        (["physical therapy", "physiotherapy", "pt", "therapeutic exercise", "therapeutic exercises", "physical medicine"], ServiceFamilies.PhysicalMedicine, "physical-therapy"),
        (["home exercise", "home exercise program", "hep", "exercise kit", "gym membership"], ServiceFamilies.PhysicalMedicine, "home-exercise"),
        (["heat", "heating pad", "thermal"], ServiceFamilies.Equipment, "heat-therapy"),
        (["sling", "slingshot", "abduction pillow", "immobilizer"], ServiceFamilies.Equipment, "sling"),
        (["brace", "braces", "bracing", "support", "splint", "splints", "orthosis", "orthotic", "orthotics", "collar", "corset", "lso", "tlso", "knee sleeve", "wrist support", "insoles", "walking boot", "cam boot"], ServiceFamilies.Equipment, "brace"),
        (["walker", "cane", "crutches", "crutch", "rollator", "scooter", "wheelchair"], ServiceFamilies.Equipment, "walker-cane"),
        (["electrodes", "supplies", "batteries", "lead wires", "pads", "wrap", "wraps", "garment", "stockings", "kinesio", "kinesio tape", "tape", "taping"], ServiceFamilies.Equipment, "supplies"),
        (["home health", "home aide", "aide", "home care", "homecare", "caregiver", "home assistance", "housekeeping"], ServiceFamilies.HomeCare, "home-health"),
        (["rn", "nursing", "nurse", "wound care", "lvn"], ServiceFamilies.HomeCare, "nursing"),
        (["skilled nursing facility", "snf", "nursing facility"], ServiceFamilies.HomeCare, "skilled-nursing"),
        (["transportation", "transport", "taxi", "ambulance"], ServiceFamilies.HomeCare, "transport"),
    ];

    private static readonly (string[] Phrases, string Family, string Kind)[] LateRules =
    [
        // The bare word "therapy" is the last resort: a named modality, massage or manipulation reaches its own kind first.
        (["therapy", "therapies", "rehab", "rehabilitation"], ServiceFamilies.PhysicalMedicine, "physical-therapy"),
        (["commode", "shower chair", "bath chair", "bath shower chair", "tub bench", "bedside", "pillow", "workstation", "hospital bed", "mattress", "chair", "raised toilet seat", "grab bar", "grab bars", "reacher", "unit", "rental", "purchase", "dme", "equipment", "device", "machine", "cushion", "seat"], ServiceFamilies.Equipment, "dme-other"),
        (["office visit", "follow up", "followup", "follow up visit", "exam", "examination", "visit", "visits", "evaluation", "re evaluation", "reevaluation", "assessment", "management"], ServiceFamilies.Evaluation, "office-visit"),
    ];

    // The kinds Classify gives other than by a rule's own: each is a catalogue kind, and ProducedKinds lists them.
    private static readonly ServiceId ClinicModality = new(ServiceFamilies.PhysicalMedicine, "modality");
    private static readonly ServiceId HomeUnit = new(ServiceFamilies.Equipment, "dme-other");
    private static readonly ServiceId JointInjection = new(ServiceFamilies.Injection, "joint");
    private static readonly ServiceId OfficeVisit = new(ServiceFamilies.Evaluation, "office-visit");
    private static readonly ServiceId Laboratory = new(ServiceFamilies.Testing, "laboratory");
    private static readonly ServiceId[] DerivedKinds = [ClinicModality, HomeUnit, JointInjection, OfficeVisit, Laboratory];

    private static readonly string[] SurgeryDependencyPrefixes =
    [
        "associated surgical service", "associated surgical services", "post op", "postop", "post operative", "postoperative", "post surgical",
        "postsurgical", "pre op", "preop", "pre operative", "preoperative", "labs to include", "medical clearance", "pa assist",
        "assistant surgeon", "surgical assistant",
    ];

    /// <summary>Parses <paramref name="description"/>; unknown services are <see cref="ServiceId.Unknown"/>.</summary>
    public static ParsedRequest Parse(string? description)
    {
        description ??= "";
        var portion = Portion(description);
        var text = portion.Length > 4000 ? portion[..4000] : portion;
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        var dependsOnSurgery = false;
        var start = 0;
        foreach (var prefix in SurgeryDependencyPrefixes)
        {
            var words = prefix.Split(' ');
            if (StartsWith(tokens, 0, words))
            {
                dependsOnSurgery = true;

                // "Associated surgical service: X" and "Labs to include: X" are about X.
                if (prefix is "associated surgical service" or "associated surgical services" or "labs to include")
                {
                    start = words.Length;
                    while (start < tokens.Count && tokens[start].Value == Tokenizer.ScopeBreak)
                    {
                        start++;
                    }
                }

                break;
            }
        }

        var serviceTokens = tokens.GetRange(start, tokens.Count - start);
        var drugs = DrugLexicon.Lexicon.MatchAll(serviceTokens);
        var service = Classify(serviceTokens, drugs, text);
        if (start > 0 && tokens[0].Value == "labs" && service == ServiceId.Unknown)
        {
            service = Laboratory;
        }

        var retrospective = description.Contains("retrospective", StringComparison.OrdinalIgnoreCase)
            || tokens.Exists(t => t.Value is "retro" or "retroactive" or "dos");
        var regions = BodyRegions.Find(text);
        var quantity = RequestQuantityParser.Parse(text, tokens, service);
        return new ParsedRequest
        {
            Description = description,
            Portion = portion,
            Service = service,
            Region = regions.Count > 0 ? regions[0].Region : null,
            Laterality = regions.Select(r => r.Laterality).FirstOrDefault(l => l is not null),
            Regions = [.. regions.Select(r => r.Region)],
            Quantity = quantity,
            DrugName = service.Family == ServiceFamilies.Medication && drugs.Count > 0 ? drugs[0].Item.Name : null,
            IsRetrospective = retrospective,
            IsContinuation = tokens.Exists(t => ContinuationWords.Contains(t.Value)),
            DependsOnSurgery = dependsOnSurgery,
        };
    }

    /// <summary>
    /// Every service kind (<c>FAMILY/KIND</c>) the parser can produce, but for <see cref="ServiceId.Unknown"/>: the kinds of its
    /// rules, the kinds it gives by context, and a medication kind for each drug class of the lexicon. This is the service
    /// catalogue (<see cref="Guidelines.GuidelineVocabulary.ServiceKinds"/>).
    /// </summary>
    internal static IEnumerable<string> ProducedKinds =>
        Rules.Concat(LateRules).Select(r => new ServiceId(r.Family, r.Kind))
            .Concat(DerivedKinds)
            .Concat(DrugLexicon.Classes.Select(c => new ServiceId(ServiceFamilies.Medication, c)))
            .Select(k => k.ToString())
            .Distinct(StringComparer.Ordinal);

    /// <summary>Every wording the service rules look for, in order.</summary>
    internal static IEnumerable<string> RulePhrases => Rules.Concat(LateRules).SelectMany(r => r.Phrases);

    // Words by which a request asks for more of a treatment under way.
    private static readonly HashSet<string> ContinuationWords = new(StringComparer.Ordinal)
    {
        "additional", "continue", "continued", "continuing", "continuation", "further", "remaining", "more", "extra", "ongoing", "another",
    };

    /// <summary>The part of the wording the review decides (see <see cref="ParsedRequest.Portion"/>).</summary>
    public static string Portion(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        const string Marker = "original request,";
        var at = description.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        var portion = at >= 0 ? description[(at + Marker.Length)..] : description;
        portion = portion.Trim().TrimEnd('.').Trim();
        if (portion.EndsWith(" is", StringComparison.OrdinalIgnoreCase))
        {
            portion = portion[..^3].TrimEnd();
        }

        if (portion.StartsWith("retrospective:", StringComparison.OrdinalIgnoreCase))
        {
            portion = "Retrospective " + portion["retrospective:".Length..].TrimStart();
        }

        return portion.Length == 0 ? description.Trim() : portion;
    }

    private static ServiceId Classify(List<Token> tokens, List<(int Index, int Length, DrugEntry Item)> drugs, string text)
    {
        var hasTreatment = Has(tokens, "treatment") || Has(tokens, "treatments") || Has(tokens, "therapy") || Has(tokens, "sessions") || Has(tokens, "times");
        var hasFrequency = Has(tokens, "times") || Has(tokens, "x") || Has(tokens, "weekly") || AnyPhrase(tokens, ["a week", "per week"]) || tokens.Exists(t => IsTimesToken(t.Value));
        foreach (var (phrases, family, kind) in Rules)
        {
            if (!AnyPhrase(tokens, phrases))
            {
                continue;
            }

            // A "... evaluation and treatment" or "Consultation" for therapy is the therapy; an evaluation alone is an evaluation.
            if (kind == "consultation" && hasTreatment && !Has(tokens, "consult") && !Has(tokens, "consultation"))
            {
                continue;
            }

            // "Ultrasound 2 times 5" in a chiropractic plan is a therapy modality, not imaging.
            if (kind == "ultrasound" && hasFrequency)
            {
                continue;
            }

            // Heat and cold given in clinic two times a week are modalities; a unit or wrap is equipment.
            if (kind is "cold-therapy" or "heat-therapy" && hasFrequency && !Has(tokens, "unit") && !Has(tokens, "rental") && !Has(tokens, "purchase"))
            {
                return ClinicModality;
            }

            // A traction or stimulation unit for home use is equipment, not a clinic modality.
            if (kind == "modality" && (Has(tokens, "unit") || Has(tokens, "rental") || Has(tokens, "purchase")))
            {
                return HomeUnit;
            }

            if (family == ServiceFamilies.Injection && kind == "other" && BodyRegions.Find(text).Count > 0)
            {
                return JointInjection;
            }

            // "Physical exam", "Initial exam" and "Chiropractic evaluation" are visits, not therapy.
            if (family == ServiceFamilies.PhysicalMedicine && kind == "physical-therapy" && (Has(tokens, "exam") || Has(tokens, "examination")) && !Has(tokens, "therapy"))
            {
                return OfficeVisit;
            }

            if (family == ServiceFamilies.Equipment && drugs.Count > 0 && kind == "supplies")
            {
                break;
            }

            return new ServiceId(family, kind);
        }

        if (drugs.Count > 0 || LooksLikeDrug(tokens))
        {
            return new ServiceId(ServiceFamilies.Medication, DrugKind(tokens, drugs, text));
        }

        foreach (var (phrases, family, kind) in LateRules)
        {
            if (AnyPhrase(tokens, phrases))
            {
                return new ServiceId(family, kind);
            }
        }

        return ServiceId.Unknown;
    }

    private static string DrugKind(List<Token> tokens, List<(int Index, int Length, DrugEntry Item)> drugs, string text)
    {
        var distinct = drugs.Select(d => d.Item.Name).Distinct(StringComparer.Ordinal).Count();
        var topicalForm = AnyPhrase(tokens, ["cream", "gel", "ointment", "patch", "patches", "lotion", "topical", "transdermal", "pad", "pads", "compound", "compounded", "solution", "spray", "liniment", "rub"]);
        var percent = text.Contains('%', StringComparison.Ordinal) || Has(tokens, "percent");
        if (distinct >= 2 && (topicalForm || percent))
        {
            return DrugLexicon.Compound;
        }

        if (topicalForm || (drugs.Count > 0 && drugs[0].Item.IsTopical) || (percent && drugs.Count > 0))
        {
            return DrugLexicon.Topical;
        }

        return drugs.Count > 0 ? drugs[0].Item.Class : DrugLexicon.Other;
    }

    // A word followed by a strength ("Lorzone 750mg") reads as a drug even when the lexicon does not know it.
    private static bool LooksLikeDrug(List<Token> tokens) =>
        tokens.Exists(t => t.Value.EndsWith("mg", StringComparison.Ordinal) && t.IsNumber)
        || tokens.Exists(t => t.Value is "mg" or "mcg" or "tab" or "tabs" or "tablet" or "tablets" or "capsule" or "capsules" or "refill" or "refills");

    private static bool IsTimesToken(string value) => value.Length >= 3 && char.IsAsciiDigit(value[0]) && value.Contains('x', StringComparison.Ordinal) && char.IsAsciiDigit(value[^1]);

    private static bool Has(List<Token> tokens, string word) => tokens.Exists(t => t.Value == word);

    private static bool AnyPhrase(List<Token> tokens, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = phrase.Split(' ');
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                if (StartsWith(tokens, i, words))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWith(List<Token> tokens, int index, string[] words)
    {
        if (index + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[index + k].Value != words[k])
            {
                return false;
            }
        }

        return true;
    }
}
