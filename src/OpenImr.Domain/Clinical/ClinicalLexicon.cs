namespace OpenImr.Domain.Clinical;

/// <summary>What a matched phrase means: the fact kinds it yields and their value.</summary>
/// <param name="IsPlan">The kind is itself about a plan (a return-to-work goal, planned surgery), so "plan", "will", "candidate for" do not make it hypothetical.</param>
/// <param name="Needs">When set, the sentence must also hold a word starting with one of these.</param>
internal sealed record Concept(string[] Kinds, string? Value = null, bool IsPlan = false, string[]? Needs = null);

/// <summary>The phrases the fact extractor looks for, by fact kind, and the words its readers look for around them.</summary>
internal static class ClinicalLexicon
{
    public static PhraseLexicon<Concept> Concepts { get; } = Build();

    /// <summary>Words that count as a session when a number precedes them: "9 sessions", "seven visits".</summary>
    public static IReadOnlySet<string> SessionUnits { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "session", "sessions", "visit", "visits", "treatment", "treatments",
    };

    /// <summary>Words that may stand between a number and its session word: "9 aquatic therapy sessions", "5 additional chiropractic visits".</summary>
    public static IReadOnlySet<string> SessionModifiers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "physical", "therapy", "pt", "chiropractic", "chiro", "acupuncture", "occupational", "ot", "aquatic", "work", "conditioning",
        "hardening", "physiotherapy", "manipulation", "massage", "hand", "additional", "more", "prior", "previous", "completed",
        "total", "authorized", "approved", "postoperative", "post", "op", "of", "functional", "restoration", "program", "therapeutic",
        "exercise", "rehabilitation", "rehab", "treatment", "therapies", "electroacupuncture", "electro", "office", "follow", "up",
    };

    /// <summary>Number words that are never a count of sessions.</summary>
    public static IReadOnlySet<string> NotSessionCounts { get; } = new HashSet<string>(StringComparer.Ordinal) { "once", "twice", "single" };

    /// <summary>Words after a session word that make it a frequency, not a count: "2 sessions per week".</summary>
    public static IReadOnlySet<string> FrequencyWords { get; } = new HashSet<string>(StringComparer.Ordinal) { "per", "weekly", "a", "each" };

    /// <summary>Words saying a complaint outlasted something: "persistent pain after therapy".</summary>
    public static IReadOnlySet<string> PersistenceWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "persistent", "persists", "persisted", "persisting", "continued", "continues", "continuing", "ongoing", "residual", "still", "remains", "remained",
    };

    /// <summary>Words naming a complaint: "lasting pain in the left hip".</summary>
    public static IReadOnlySet<string> ComplaintWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "pain", "symptoms", "complaints", "discomfort", "numbness", "stiffness", "tingling", "weakness", "issues", "problems", "headache", "headaches", "ache", "aches", "soreness",
    };

    /// <summary>Qualifiers that make a stated gain too small to count.</summary>
    public static IReadOnlySet<string> SlightWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "minimal", "minimally", "slight", "slightly", "little", "marginal", "marginally", "negligible",
    };

    /// <summary>Words naming the patient's sex; <see cref="FemaleWords"/> are those meaning female.</summary>
    public static IReadOnlySet<string> SexWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "male", "female", "man", "woman", "gentleman", "lady", "boy", "girl",
    };

    public static IReadOnlySet<string> FemaleWords { get; } = new HashSet<string>(StringComparer.Ordinal) { "female", "woman", "lady", "girl" };

    /// <summary>Cues that, as the last thing before a date, make it the date of injury: "injured on 3/4/2014".</summary>
    public static IReadOnlyList<string> InjuryDateCuesBefore { get; } =
    [
        "injury", "injuries", "doi", "date of loss", "claim from", "claim of", "injured on", "injured at work on", "injured her", "injured his",
        "accident on", "accident of", "trauma on",
    ];

    /// <summary>Cues that, shortly after a date, make it the date of injury: "3/9/07 (date of injury)".</summary>
    public static IReadOnlyList<string> InjuryDateCuesAfter { get; } = ["date of injury", "doi", "injury date"];

    /// <summary>Words that may stand between "for" and a duration: "for the past 6 months", "for more than 2 years".</summary>
    public static IReadOnlySet<string> DurationFillers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "past", "last", "at", "least", "over", "about", "approximately", "more", "than", "almost", "nearly",
    };

    /// <summary>Words left off the front of a surgery's name: "status post a right knee arthroscopy".</summary>
    public static IReadOnlySet<string> Articles { get; } = new HashSet<string>(StringComparer.Ordinal) { "a", "an", "the", "of" };

    private static PhraseLexicon<Concept> Build()
    {
        var l = new PhraseLexicon<Concept>();
        void Add(string kind, params string[] phrases) => l.AddAll(new Concept([kind]), phrases);
        void AddValue(string kind, string value, params string[] phrases) => l.AddAll(new Concept([kind], value), phrases);
        void AddPlan(string kind, params string[] phrases) => l.AddAll(new Concept([kind], IsPlan: true), phrases);
        void AddNeeds(string kind, string[] needs, params string[] phrases) => l.AddAll(new Concept([kind], Needs: needs), phrases);

        // Stop phrases: words that look like a concept but are not one here.
        l.AddAll(new Concept([]), "progress report", "progress reports", "progress note", "progress notes", "pain management",
            "range of motion", "medical records", "medical record", "stress test", "stress testing", "cardiolite stress test", "treadmill stress test");
        l.AddAll(new Concept([FactKinds.TreatmentChiropractic]), "chiropractic physiotherapy", "chiropractic physiotherapy treatment");

        Add(FactKinds.DiagnosisRadiculopathy, "radiculopathy", "radiculitis", "radicular", "radicular pain", "radicular symptoms",
            "sciatica", "radiating pain", "radiating", "radiates", "radiated", "radiation of pain", "nerve root impingement",
            "nerve root compression", "lumbosacral radiculitis");
        Add(FactKinds.DiagnosisMyalgia, "myalgia", "myositis", "myofascial pain", "myofascial pain syndrome", "muscle spasm", "spasm", "spasms", "fibromyalgia");
        Add(FactKinds.DiagnosisNeuritis, "neuritis", "neuralgia", "neuropathy", "neuropathic pain", "peripheral neuropathy", "ulnar neuropathy", "cubital tunnel syndrome");
        Add(FactKinds.DiagnosisCrps, "complex regional pain syndrome", "crps", "reflex sympathetic dystrophy", "rsd", "causalgia");
        Add(FactKinds.DiagnosisSprainStrain, "sprain", "sprains", "strain", "strains", "sprain strain", "sprained", "strained", "whiplash");
        Add(FactKinds.DiagnosisDiscDisplacement, "disc herniation", "disk herniation", "herniated disc", "herniated disk",
            "herniated nucleus pulposus", "hnp", "disc protrusion", "disk protrusion", "disc bulge", "disk bulge", "bulging disc",
            "bulging disk", "disc displacement", "displacement of", "disc extrusion", "protrusion", "herniation", "extrusion",
            "disc osteophyte complex", "herniated");
        l.AddAll(new Concept([FactKinds.DiagnosisFracture, FactKinds.RedFlagFracture]), "fracture", "fractures", "fractured", "compression fracture", "stress fracture");
        Add(FactKinds.DiagnosisCarpalTunnel, "carpal tunnel syndrome", "carpal tunnel", "cts");
        Add(FactKinds.DiagnosisStenosis, "stenosis", "spinal stenosis", "foraminal stenosis", "foraminal narrowing", "canal stenosis");
        Add(FactKinds.DiagnosisArthritis, "arthritis", "osteoarthritis", "osteoarthrosis", "degenerative joint disease", "djd",
            "arthrosis", "arthropathy", "spondylosis", "degenerative arthritis", "chondromalacia", "facet arthropathy", "chondral");
        Add(FactKinds.DiagnosisDegenerativeDisc, "degenerative disc disease", "degenerative disk disease", "ddd", "disc degeneration", "disc desiccation");
        Add(FactKinds.DiagnosisTendinopathy, "tendinitis", "tendonitis", "tendinosis", "tendinopathy", "bursitis", "impingement",
            "impingement syndrome", "epicondylitis", "tenosynovitis", "trigger finger", "de quervain", "synovitis", "plantar fasciitis");
        AddValue(FactKinds.DiagnosisTear, "rotator-cuff", "rotator cuff tear", "rotator cuff tears", "tear of the rotator cuff", "torn rotator cuff", "supraspinatus tear");
        AddValue(FactKinds.DiagnosisTear, "meniscus", "meniscus tear", "meniscal tear", "torn meniscus", "tear of the meniscus", "medial meniscus tear", "lateral meniscus tear");
        AddValue(FactKinds.DiagnosisTear, "labrum", "labral tear", "slap tear", "slap lesion", "tear of the labrum", "bankart lesion");
        Add(FactKinds.DiagnosisTear, "tear", "tears", "torn", "partial thickness tear", "full thickness tear");
        l.AddAll(new Concept([FactKinds.DiagnosisPostoperative]), "status post", "s p", "postoperative", "post operative", "post op",
            "postop", "post surgical", "postsurgical", "underwent", "had undergone", "following surgery", "after surgery");

        Add(FactKinds.TreatmentPhysicalTherapy, "physical therapy", "physiotherapy", "physical therapy sessions", "pt sessions",
            "pt visits", "pt treatment", "pt treatments", "pt program", "of pt", "prior pt", "previous pt", "additional pt", "completed pt",
            "started pt", "post op pt", "postoperative pt", "therapy sessions", "physical therapist", "physical medicine", "pt treatments", "course of therapy", "aquatic therapy", "pool therapy");
        Add(FactKinds.TreatmentChiropractic, "chiropractic", "chiropractic care", "chiropractic treatment", "chiropractic manipulation",
            "chiropractor", "chiro", "chirotherapy", "chiropractic therapy", "spinal manipulation", "manipulation", "manipulative therapy");
        Add(FactKinds.TreatmentAcupuncture, "acupuncture", "electroacupuncture", "electro acupuncture", "acupuncturist");
        Add(FactKinds.TreatmentOccupationalTherapy, "occupational therapy", "hand therapy", "occupational therapist");
        Add(FactKinds.TreatmentWorkConditioning, "work conditioning", "work hardening", "work conditioning program", "work hardening program");
        Add(FactKinds.TreatmentFunctionalRestoration, "functional restoration", "functional restoration program", "chronic pain program",
            "multidisciplinary pain program", "interdisciplinary pain program", "hela program", "pain management program", "spine specific program");
        // Injections and surgeries carry the request kind they match (injection/KIND, surgery/KIND) as their value.
        Add(FactKinds.TreatmentInjection, "injection", "injections", "shot", "shots");
        AddValue(FactKinds.TreatmentInjection, "epidural-steroid", "epidural", "epidural steroid injection", "epidural steroid injections",
            "esi", "esis", "transforaminal epidural", "epidural injection", "epidural injections");
        AddValue(FactKinds.TreatmentInjection, "facet", "facet injection", "facet injections", "facet block", "facet blocks",
            "medial branch block", "medial branch blocks", "radiofrequency ablation", "rhizotomy");
        AddValue(FactKinds.TreatmentInjection, "trigger-point", "trigger point injection", "trigger point injections");
        AddValue(FactKinds.TreatmentInjection, "nerve-block", "nerve block", "nerve blocks", "stellate ganglion block", "sympathetic block");
        AddValue(FactKinds.TreatmentInjection, "prp", "prp", "platelet rich plasma");
        AddValue(FactKinds.TreatmentInjection, "joint", "cortisone injection", "cortisone injections", "steroid injection",
            "steroid injections", "corticosteroid injection", "corticosteroid injections", "viscosupplementation", "synvisc",
            "intra articular injection", "cortisone shot");
        Add(FactKinds.TreatmentSurgery, "surgery", "surgeries", "surgical intervention", "operation", "repair", "reconstruction",
            "decompression", "open reduction internal fixation", "open reduction", "orif", "release", "tenodesis", "acromioplasty",
            "meniscectomy", "rotator cuff repair");
        AddValue(FactKinds.TreatmentSurgery, "arthroscopy", "arthroscopy", "arthroscopic", "arthroscopic surgery");
        AddValue(FactKinds.TreatmentSurgery, "spine", "fusion", "spinal fusion", "laminectomy", "discectomy", "microdiscectomy",
            "foraminotomy", "laminotomy", "spinal surgery", "spine surgery", "back surgery", "neck surgery");
        AddValue(FactKinds.TreatmentSurgery, "joint-replacement", "arthroplasty", "joint replacement", "knee replacement", "hip replacement",
            "total knee arthroplasty", "total hip arthroplasty", "shoulder replacement");
        AddValue(FactKinds.TreatmentSurgery, "carpal-tunnel-release", "carpal tunnel release", "carpal tunnel releases");
        l.AddAll(new Concept([FactKinds.TreatmentMedication]), "medications", "medication", "pain medications", "pain medication", "analgesics", "analgesic medications");
        Add(FactKinds.TreatmentHomeExercise, "home exercise", "home exercises", "home exercise program", "hep", "home program",
            "self directed home", "home based exercise", "independent exercise");
        Add(FactKinds.TreatmentTens, "tens", "tens unit", "transcutaneous electrical nerve stimulation", "interferential", "interferential unit", "e stim", "electrical stimulation");
        Add(FactKinds.TreatmentConservativeCare, "conservative care", "conservative treatment", "conservative treatments",
            "conservative management", "conservative measures", "conservative therapy", "conservative modalities", "activity modification", "conservative intervention");

        // Functional improvement is a measured change (8 CCR 9792.20: activities of daily living, work restrictions, less
        // dependence on care), so only wording that names function, a measure or work counts; "feels better" does not.
        Add(FactKinds.ResponseFunctionalImprovement, "functional improvement", "functional improvements", "improved function",
            "improvement in function", "improvement in functionality", "functional gains", "functional gain", "improved functionality",
            "functional benefit", "increased activity", "improved activities of daily living", "improved range of motion", "improved mobility",
            "increased function", "increased range of motion", "increased strength", "improved strength", "increased tolerance", "improved tolerance",
            "sitting tolerance increased", "walking tolerance increased", "lifting tolerance increased", "work restrictions were reduced",
            "reduced work restrictions", "fewer work restrictions", "returned to work", "returned to full duty", "returned to modified duty");
        // A gain the patient reports without a measure: a reason to ask, not functional improvement.
        Add(FactKinds.ResponseReportedImprovement, "improvement", "improved", "improving", "improvements", "better", "benefit", "benefited",
            "beneficial", "helpful", "helped", "helping", "progress", "progressing", "gains");
        Add(FactKinds.ResponsePlateau, "plateau", "plateaued", "plateaus", "reached a plateau", "no further improvement",
            "no additional improvement", "maximal benefit", "maximum benefit", "ceased to improve", "stopped improving");
        Add(FactKinds.ResponsePainRelief, "pain relief", "relief", "pain improved", "improvement in pain", "decreased pain",
            "reduced pain", "pain reduction", "reduction in pain", "reduction of pain", "less pain", "reduces pain", "reduced his pain",
            "reduced her pain", "pain decreased", "pain was decreased", "relieved", "relieves", "alleviates", "alleviated");

        AddValue(FactKinds.WorkStatus, WorkStatuses.TemporarilyTotallyDisabled, "temporarily totally disabled", "temporary total disability",
            "totally temporarily disabled", "temporarily and totally disabled", "ttd", "total temporary disability", "temporary totally disabled");
        AddValue(FactKinds.WorkStatus, WorkStatuses.ModifiedDuty, "modified duty", "modified work", "light duty", "modified duties",
            "work restrictions", "restrictions", "restricted duty", "return to work with restrictions", "returned to work with restrictions",
            "modified activity", "light work", "regular work with restrictions", "limited duty", "sedentary work");
        AddValue(FactKinds.WorkStatus, WorkStatuses.FullDuty, "full duty", "regular duty", "full duty without restrictions",
            "regular work", "usual and customary", "without restrictions", "full and regular duty", "unrestricted duty");
        AddValue(FactKinds.WorkStatus, WorkStatuses.OffWork, "off work", "off of work", "not working", "off duty", "not currently working",
            "no longer working", "unemployed", "terminated", "remains off", "kept off work", "has not worked", "has not returned to work",
            "not returned to work", "was not working", "off of work");
        AddValue(FactKinds.WorkStatus, WorkStatuses.Retired, "retired", "retirement");
        AddValue(FactKinds.WorkStatus, WorkStatuses.Working, "is working", "was working", "currently working", "returned to work",
            "continues to work", "working full time", "working part time", "back at work", "back to work", "is employed", "currently employed", "working regular");
        AddValue(FactKinds.WorkStatus, WorkStatuses.PermanentAndStationary, "permanent and stationary", "p s", "maximum medical improvement",
            "maximal medical improvement", "mmi", "permanent and stationary status", "permanently disabled", "permanent disability");
        Add(FactKinds.WorkStatus, "work status", "working status", "work restriction status", "employment status", "vocational status");
        AddPlan(FactKinds.WorkRtwGoal, "return to work", "return to work goal", "rtw", "rtw goal", "job to return to",
            "return to work plan", "goal of returning to work", "returning to work", "return to his job", "return to her job",
            "return to his usual job", "return to her usual job", "return to full duty", "return to work goals", "return to usual work",
            "job offer", "job to go back to", "position to return to", "vocational goal");
        Add(FactKinds.WorkJobDemands, "job demands", "physical demands", "job description", "essential functions", "job duties",
            "physical demand level", "heavy work", "medium work", "heavy lifting", "job requires", "job required", "usual and customary job", "demands of his job", "demands of her job");
        Add(FactKinds.WorkEmployerAgreement, "employer agreed", "employer agrees", "employer has agreed", "agreed upon by the employer",
            "agreed to by the employer", "employer is willing", "employer will accommodate", "employer can accommodate",
            "employer accommodate", "employer accommodated", "employer approved", "agreement with the employer", "agreed with the employer", "employer is able to accommodate");

        AddPlan(FactKinds.SurgeryCandidate, "surgical candidate", "candidate for surgery", "surgical intervention is indicated",
            "candidate for surgical intervention", "operative candidate", "surgery candidate", "surgically indicated", "surgical indication");
        AddPlan(FactKinds.SurgeryPlanned, "scheduled for surgery", "surgery is scheduled", "surgery was scheduled", "planned surgery",
            "surgery was recommended", "surgery is recommended", "scheduled to undergo", "surgery is planned", "surgery was planned",
            "upcoming surgery", "pending surgery", "surgery pending", "awaiting surgery", "proposed surgery", "surgery authorized", "recommended surgery");

        Add(FactKinds.RedFlagCaudaEquina, "cauda equina", "cauda equina syndrome", "saddle anesthesia", "saddle anaesthesia",
            "bowel or bladder incontinence", "bowel and bladder incontinence", "bowel or bladder dysfunction", "bowel and bladder dysfunction",
            "bowel bladder", "bladder incontinence", "bowel incontinence", "urinary retention", "loss of bowel", "loss of bladder");
        Add(FactKinds.RedFlagProgressiveNeuroDeficit, "progressive neurologic deficit", "progressive neurological deficit",
            "progressive neurologic deficits", "progressive weakness", "worsening weakness", "progressive numbness",
            "worsening neurologic", "progressive neurological", "foot drop", "progressive deficit", "myelopathy");
        // ACOEM knee and shoulder: mechanical signs of a torn or displaced structure call for imaging without waiting out conservative care.
        Add(FactKinds.RedFlagJointDerangement, "locking", "locks", "locked", "locking episodes", "catching and locking", "giving way", "gives way",
            "gave way", "giving out", "gives out", "gave out", "buckling", "buckles", "buckled", "instability", "unstable", "effusion",
            "joint effusion", "hemarthrosis", "unable to bear weight", "inability to bear weight", "could not bear weight", "cannot bear weight",
            "mechanical symptoms", "dislocation", "dislocated", "subluxation");
        Add(FactKinds.RedFlagTumor, "tumor", "tumour", "malignancy", "cancer", "neoplasm", "metastatic", "metastasis", "mass lesion", "carcinoma", "lymphoma");
        Add(FactKinds.RedFlagInfection, "infection", "infected", "osteomyelitis", "discitis", "abscess", "fever", "septic", "cellulitis");

        Add(FactKinds.NeuroSensoryDeficit, "decreased sensation", "diminished sensation", "reduced sensation", "altered sensation",
            "numbness", "numb", "paresthesia", "paresthesias", "paraesthesia", "hypoesthesia", "hypesthesia", "dysesthesia",
            "sensory deficit", "sensory deficits", "sensory loss", "tingling", "sensory changes", "decreased sensory", "diminished sensory",
            "loss of sensation", "dermatomal", "decreased light touch", "decreased pinprick");
        AddNeeds(FactKinds.NeuroSensoryDeficit, ["sensor", "sensation", "dermatom", "pinprick", "touch"], "deficit", "deficits");
        Add(FactKinds.NeuroReflexChange, "decreased reflex*", "diminished reflex*", "reduced reflex*", "absent reflex*", "hyporeflexia",
            "hyperreflexia", "areflexia", "reflex changes", "reflex change", "reflex deficit*", "asymmetric reflex*", "reflexes were decreased",
            "reflexes were diminished", "reflexes were absent", "reflex asymmetry", "reflexes are decreased", "reflexes are diminished", "decreased deep tendon reflex*", "diminished deep tendon reflex*");
        Add(FactKinds.NeuroWeakness, "weakness", "weak", "decreased strength", "diminished strength", "reduced strength",
            "motor deficit", "motor deficits", "decreased motor strength", "diminished motor strength", "motor weakness", "loss of strength");
        Add(FactKinds.NeuroStraightLegRaise, "straight leg raise", "straight leg raising", "straight leg raise test", "straight leg raising test", "slr", "seated straight leg raise");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "spurling", "spurling*", "spurling test", "spurling s test", "spurling maneuver");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "tinel", "tinel*", "tinel sign", "tinel s sign", "tinel s test", "tinel test");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "phalen", "phalen*", "phalen test", "phalen s test", "phalen s sign", "phalen maneuver");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "hawkins", "hawkins", "hawkins test", "hawkins sign", "hawkins kennedy");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "neer", "neer", "neer test", "neer s test", "neer sign", "neer s sign");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "mcmurray", "mcmurray*", "mcmurray test", "mcmurray s test");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "finkelstein", "finkelstein*");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "faber", "faber", "patrick s test", "patrick test");
        AddValue(FactKinds.NeuroPositiveProvocativeTest, "compression-test", "cervical compression test", "foraminal compression test", "durkan*");

        AddValue(FactKinds.ImagingPrior, "mri", "mri", "mris", "magnetic resonance imaging", "mr arthrogram", "mri scan", "mri imaging", "mr imaging", "mra");
        AddValue(FactKinds.ImagingPrior, "ct", "ct", "ct scan", "computed tomography", "cat scan", "ct myelogram");
        AddValue(FactKinds.ImagingPrior, "x-ray", "x ray", "x rays", "xray", "xrays", "radiograph", "radiographs", "radiographic", "plain films", "plain film", "films");
        AddValue(FactKinds.ImagingPrior, "bone-scan", "bone scan", "bone scintigraphy");
        AddValue(FactKinds.ImagingPrior, "ultrasound", "diagnostic ultrasound", "ultrasound imaging", "sonogram", "ultrasonography");
        Add(FactKinds.ElectrodiagnosticPrior, "emg", "emgs", "ncv", "ncs", "emg ncv", "emg ncs", "ncv emg", "ncs emg", "electrodiagnostic",
            "electrodiagnostic study", "electrodiagnostic studies", "electrodiagnostic testing", "nerve conduction", "nerve conduction study",
            "nerve conduction studies", "nerve conduction velocity", "electromyography", "electromyogram", "electromyographic",
            "electroneurographic", "electrodiagnostics");

        Add(FactKinds.MedicationUrineDrugScreen, "urine drug screen", "urine drug screens", "urine drug test", "urine drug testing",
            "urine toxicology", "urine toxicology screen", "uds", "drug screen", "drug screens", "drug testing", "urine drug screening", "toxicology screen");
        Add(FactKinds.MedicationCures, "cures", "cures report", "cures database", "pdmp", "prescription drug monitoring");
        Add(FactKinds.MedicationPainAgreement, "pain agreement", "pain contract", "opioid agreement", "opioid contract", "narcotic agreement",
            "narcotic contract", "medication agreement", "pain management agreement", "opioid treatment agreement");
        Add(FactKinds.MedicationSideEffects, "side effects", "side effect", "adverse effects", "adverse effect", "adverse reactions",
            "aberrant behavior", "aberrant behaviors", "aberrant drug taking");

        // Symptoms count as side effects only where the sentence is about medicines.
        AddNeeds(FactKinds.MedicationSideEffects, ["medicat", "drug", "opioid", "narcotic", "norco", "tramadol", "side"],
            "sedation", "constipation", "drowsiness", "dizziness", "nausea", "sedated", "drowsy");
        Add(FactKinds.MedicationGiRisk, "gi risk", "gastrointestinal risk", "gi upset", "gastrointestinal upset", "dyspepsia", "gastritis",
            "gerd", "reflux", "gastroesophageal reflux", "acid reflux", "peptic ulcer", "gi bleed", "gi bleeding", "gastrointestinal bleeding",
            "heartburn", "stomach upset", "upset stomach", "gastrointestinal symptoms", "gi symptoms", "gastrointestinal events", "gi events", "stomach pain");
        Add(FactKinds.MedicationFirstLineFailed, "failed first line", "first line agents failed", "failure of first line", "first line treatment failed",
            "failed antidepressants", "failed anticonvulsants", "trial and failure", "tried and failed", "failed trials of", "intolerance to first line");
        Add(FactKinds.MedicationFunctionalBenefit, "medications help", "medications helped", "medication helps", "medication helped",
            "medications helps", "medications improve", "medications allow", "medication allows", "medications allow him", "medications allow her",
            "with medications he is able", "with medications she is able", "improved function with medication", "functional benefit from medication",
            "benefit from medications", "benefit from the medications", "medications are helpful", "medications were helpful", "medication is helpful",
            "able to perform activities of daily living with medication", "pain medications helped");

        Add(FactKinds.PsychosocialEmployerRelationship, "conflict with employer", "conflict with his employer", "conflict with her employer",
            "problems with employer", "employer relationship", "relationship with employer", "relationship with his employer",
            "relationship with her employer", "dispute with employer", "poor employer support", "hostile work environment", "harassment", "job dissatisfaction", "dissatisfied with job", "work satisfaction");
        Add(FactKinds.PsychosocialOutlook, "negative outlook", "poor outlook", "outlook", "pessimistic", "catastrophizing", "fear avoidance",
            "fear of reinjury", "poor motivation", "motivated", "motivation", "hopeless", "hopelessness", "expectations");
        Add(FactKinds.PsychosocialDistress, "depression", "depressed", "depressive", "anxiety", "anxious", "psychological distress",
            "emotional distress", "stress", "psychiatric", "ptsd", "post traumatic stress", "mood disorder", "adjustment disorder", "insomnia", "irritability", "suicidal");
        Add(FactKinds.PsychosocialDisabilityDispute, "litigation", "disability dispute", "financial dispute", "disputed claim",
            "pending litigation", "disability claim", "compensation dispute", "legal dispute", "secondary gain", "secondary gains");

        Add(FactKinds.ConservativeCareFailed, "failed conservative", "failed conservative care", "failed conservative treatment",
            "failed conservative management", "failure of conservative", "failure of conservative treatment", "failure of conservative care",
            "conservative treatment failed", "conservative care failed", "conservative care has failed", "conservative treatment has failed",
            "refractory to conservative", "refractory to conservative care", "refractory to conservative treatment", "despite conservative",
            "despite conservative care", "despite conservative treatment", "exhausted conservative", "exhausted conservative care",
            "exhausted conservative treatment", "failed to respond to conservative", "unresponsive to conservative", "failed to improve with conservative",
            // Care named and its failure stated: "persistent pain despite physical therapy", "did not improve with chiropractic".
            "despite physical therapy", "despite therapy", "despite physiotherapy", "despite chiropractic", "despite chiropractic care",
            "despite medication", "despite medications", "despite treatment", "despite home exercise", "failed physical therapy",
            "did not improve with", "not improved with");

        Add(FactKinds.SymptomExacerbation, "exacerbation", "exacerbations", "acute exacerbation", "flare", "flares", "flare up", "flare-up",
            "flared", "flared up", "worsening of pain", "worsening pain", "pain worsened", "increased pain", "pain increased");

        // A complaint that lasts on. Read with care given before and the time since injury, it is care that did not help
        // (ACOEM: failure to progress with conservative care); on its own it establishes nothing.
        Add(FactKinds.SymptomPersistent, "persistent pain", "persistent symptoms", "persisting pain", "continued pain", "continuing pain",
            "ongoing pain", "ongoing symptoms", "continued symptoms", "residual pain", "pain persists", "pain persisted", "symptoms persist",
            "symptoms persisted", "continues to have pain", "continued to have pain", "continues to complain", "continued to complain",
            "continues to report pain", "continued to report pain", "still has pain", "still had pain", "remains symptomatic", "remained symptomatic",
            "chronic persistent pain");
        return l;
    }
}
