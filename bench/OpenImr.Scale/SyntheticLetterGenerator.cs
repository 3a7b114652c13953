using System.Globalization;
using System.Text;
using OpenImr.Domain.Letters;

namespace OpenImr.Scale;

/// <summary>
/// Synthetic determination letters in the current layout, for benchmarks and tests: every summary
/// opens with "SYNTHETIC", case numbers run from CM13-8000000 upwards (a range no published letter
/// uses), and all wording is invented. Letter <c>i</c> of a seed is always the same letter, so any
/// count can be produced streamed and reproduced. Decisions follow the real proportions (about 88%
/// upheld), items per letter 1 to 5 (mean 2.0; the dev corpus has 2.2), summaries 120 to 450 words.
/// </summary>
public sealed class SyntheticLetterGenerator(int seed)
{
    /// <summary>The share of items upheld, as in published letters (the dev corpus: 191 of 218).</summary>
    public const double UpheldShare = 0.88;

    /// <summary>The most letters one seed can number uniquely.</summary>
    public const int MaxCount = 1_999_999;

    private const int FirstNumber = 8_000_000;

    public int Seed { get; } = seed;

    /// <summary>Letters 0 to <paramref name="count"/> - 1, generated as enumerated.</summary>
    public IEnumerable<Letter> Letters(int count, int start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, MaxCount + 1);
        for (var i = start; i < start + count; i++)
        {
            yield return Letter(i);
        }
    }

    /// <summary>The letter with this index.</summary>
    public Letter Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxCount);
        // Note that HashCode.Combine is randomised per process; this mix is the same in every run.
        var random = new Random(unchecked((int)(((uint)Seed * 2654435761u) ^ ((uint)index * 40503u + 0x5EEDu))));
        var year = 2013 + random.Next(7);
        var decided = new DateOnly(year, 1, 1).AddDays(random.Next(365));
        var injured = decided.AddDays(-random.Next(200, 3000));
        var caseNumber = string.Create(CultureInfo.InvariantCulture, $"CM{year % 100:D2}-{FirstNumber + index:D7}");
        var itemCount = ItemCount(random);
        var items = new List<LetterItem>(itemCount);
        var age = random.Next(24, 68);
        var sex = random.Next(2) == 0 ? "male" : "female";
        for (var i = 0; i < itemCount; i++)
        {
            items.Add(Item(random, Pick(random, Services)));
        }

        var specialties = Pick(random, SpecialtySets);
        var states = new[] { "CA", Pick(random, OtherStates) }.Distinct().ToArray();
        return new Letter(
            $"{caseNumber}.txt",
            LetterFormats.Current,
            caseNumber,
            new LetterDates(decided.AddDays(-random.Next(20, 40)), injured, decided, decided.AddDays(-random.Next(60, 90)), decided.AddDays(-random.Next(45, 60))),
            random.Next(20) == 0 ? "expedited" : "standard",
            new ReviewerCredentials(states, specialties),
            new PatientDescription(age, sex),
            Summary(random, age, sex, injured, items),
            items);
    }

    /// <summary>The letter as text in the current layout (what <c>imr import</c> reads from a .txt file).</summary>
    public string Text(int index) => LetterRenderer.Render(Letter(index), LetterFormat.Text);

    private static int ItemCount(Random random) => random.NextDouble() switch
    {
        < 0.45 => 1,
        < 0.75 => 2,
        < 0.88 => 3,
        < 0.95 => 4,
        _ => 5,
    };

    private static LetterItem Item(Random random, Service service)
    {
        var upheld = random.NextDouble() < UpheldShare;
        var request = service.Request(random);
        var citation = service.Citation;
        var rationale = new StringBuilder();
        rationale.Append(CultureInfo.InvariantCulture, $"{(upheld ? "No" : "Yes")}, the request for {request.ToLowerInvariant()} is {(upheld ? "not " : "")}medically necessary. ");
        rationale.Append(service.Guidance).Append(' ');
        var reasons = upheld ? DenialReasons : ApprovalReasons;
        var count = random.Next(2, 6);
        for (var i = 0; i < count; i++)
        {
            rationale.Append(Pick(random, reasons)).Append(' ');
        }

        rationale.Append(upheld
            ? "Therefore, the request is not medically necessary and the denial is upheld."
            : "Therefore, the request is medically necessary and the denial is overturned.");
        return new LetterItem(
            request,
            upheld ? Decision.Upheld : Decision.Overturned,
            GuidelineCitationFormatter.Format([citation with { Section = null, Pages = null }]),
            GuidelineCitationFormatter.Format([citation]),
            [citation],
            rationale.ToString());
    }

    private static string Summary(Random random, int age, string sex, DateOnly injured, List<LetterItem> items)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"SYNTHETIC letter for benchmarks, not a real case. The applicant is a {age} year old {sex} {Pick(random, Occupations)} who reported an industrial injury on {injured:MM/dd/yyyy} while {Pick(random, Mechanisms)}. ");
        var target = random.Next(120, 450);
        var words = 40;
        while (words < target)
        {
            var sentence = Pick(random, SummarySentences);
            if (random.Next(200) == 0)
            {
                sentence += $" The history also notes {Pick(random, RareConditions)}.";
            }

            text.Append(sentence).Append(' ');
            words += sentence.Count(c => c == ' ') + 1;
        }

        text.Append(CultureInfo.InvariantCulture, $"The provider requested {string.Join(" and ", items.Select(i => i.Request.ToLowerInvariant()))}.");
        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private sealed record Service(Func<Random, string> Request, GuidelineCitation Citation, string Guidance);

    private static GuidelineCitation Mtus(string title, string? section, string? pages) => new("MTUS", title, "2009", pages, section);

    private static GuidelineCitation Odg(string section) => new("ODG", "Official Disability Guidelines", null, null, section);

    private static readonly string[] Regions = ["lumbar spine", "cervical spine", "right shoulder", "left shoulder", "right knee", "left knee", "right wrist", "thoracic spine"];

    private static string Region(Random random) => Pick(random, Regions);

    private static readonly Service[] Services =
    [
        new(r => $"Physical therapy {r.Next(1, 4)} times a week for {r.Next(2, 7)} weeks for the {Region(r)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Physical Medicine", "98-99"),
            "The guidelines allow 9 to 10 visits over 8 weeks for myalgia and myositis, with fading of treatment frequency toward active self-directed home exercise."),
        new(r => $"Chiropractic manipulation {r.Next(1, 3)} times a week for {r.Next(3, 7)} weeks for the {Region(r)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Manual therapy & manipulation", "58-59"),
            "Manual therapy is recommended for chronic low back pain as a trial of 6 visits over 2 weeks, with evidence of objective functional improvement before further visits."),
        new(r => $"Acupuncture {r.Next(4, 13)} sessions for the {Region(r)}",
            Mtus("Acupuncture Medical Treatment Guidelines", null, "8-9"),
            "Acupuncture may be used as an adjunct to physical rehabilitation; the time to produce functional improvement is 3 to 6 treatments."),
        new(r => $"MRI of the {Region(r)} without contrast",
            Mtus("Low Back Complaints", "Special Studies", "303-304"),
            "Imaging is indicated when unequivocal objective findings identify specific nerve compromise on the neurologic examination in patients who do not respond to treatment."),
        new(r => $"EMG/NCV of the bilateral {(r.Next(2) == 0 ? "upper" : "lower")} extremities",
            Mtus("Neck and Upper Back Complaints", "Special Studies", "177-178"),
            "Electromyography and nerve conduction velocities may help identify subtle focal neurologic dysfunction in patients with symptoms lasting more than three or four weeks."),
        new(r => $"Tramadol {50 * r.Next(1, 3)}mg #{30 * r.Next(1, 5)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Opioids, criteria for use", "76-80"),
            "Ongoing opioid management requires documentation of pain relief, functional status, appropriate medication use and side effects, the four A's."),
        new(r => $"Cyclobenzaprine {(r.Next(2) == 0 ? "7.5" : "10")}mg #{30 * r.Next(1, 4)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Muscle relaxants (for pain)", "63-66"),
            "Non-sedating muscle relaxants are recommended with caution as a second-line option for short-term treatment of acute exacerbations."),
        new(r => $"Omeprazole 20mg #{30 * r.Next(1, 4)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "NSAIDs, GI symptoms & cardiovascular risk", "68-69"),
            "A proton pump inhibitor is indicated for patients at intermediate or high risk for gastrointestinal events while taking NSAIDs."),
        new(r => $"Lidocaine 5% patch #{30 * r.Next(1, 3)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Topical Analgesics", "111-113"),
            "Topical lidocaine may be recommended for localized peripheral pain after evidence of a trial of first-line therapy such as an antidepressant or an anticonvulsant."),
        new(r => $"Lumbar epidural steroid injection at L{r.Next(3, 5)}-L{r.Next(5, 6)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Epidural steroid injections (ESIs)", "46"),
            "Radiculopathy must be documented by physical examination and corroborated by imaging studies or electrodiagnostic testing."),
        new(r => $"{(r.Next(2) == 0 ? "Right" : "Left")} knee arthroscopy with partial meniscectomy",
            Odg("Knee & Leg, Meniscectomy"),
            "Meniscectomy is indicated for symptomatic meniscal tears with mechanical symptoms after failed conservative care."),
        new(r => "TENS unit purchase",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Transcutaneous electrotherapy", "114-116"),
            "A one-month home-based TENS trial may be considered as a noninvasive option used as an adjunct to a program of evidence-based functional restoration."),
        new(r => $"Home health care {r.Next(2, 9)} hours a day for {r.Next(2, 7)} weeks",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Home health services", "51"),
            "Home health services are recommended only for medical treatment for patients who are homebound, generally up to no more than 35 hours per week."),
        new(r => "Functional capacity evaluation",
            Odg("Fitness for Duty, Functional capacity evaluation (FCE)"),
            "A functional capacity evaluation is considered when case management is hampered by complex issues such as prior unsuccessful return-to-work attempts."),
        new(r => "Urine drug screen",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Drug testing", "43"),
            "Drug testing is recommended as an option to assess for the use or presence of illegal drugs in patients on opioid therapy."),
        new(r => "Consultation with a pain management specialist",
            new GuidelineCitation("ACOEM", "Occupational Medicine Practice Guidelines", "2nd Edition (2004)", null, "Chapter 7, page 127"),
            "A referral may be appropriate when the diagnosis is uncertain or extremely complex, or when the plan of care may benefit from additional expertise."),
        new(r => $"Work conditioning {r.Next(6, 13)} sessions",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Work conditioning, work hardening", "125-126"),
            "Work conditioning requires a defined return-to-work goal agreed to by the employer and employee, and a plateau after physical therapy."),
        new(r => $"Gabapentin {300 * r.Next(1, 3)}mg #{90 * r.Next(1, 3)}",
            Mtus("Chronic Pain Medical Treatment Guidelines", "Antiepilepsy drugs (AEDs)", "16-18"),
            "Antiepilepsy drugs are recommended for neuropathic pain; a good response is a 50% reduction in pain, and continued use requires documented improvement."),
        new(r => $"X-ray of the {Region(r)}",
            Mtus("Neck and Upper Back Complaints", "Special Studies", "177-179"),
            "Radiographs are not recommended in the absence of red flags for serious spinal pathology, even if the pain has persisted for at least six weeks."),
        new(r => $"Cold therapy unit rental for {7 * r.Next(1, 5)} days",
            Odg("Shoulder, Continuous-flow cryotherapy"),
            "Continuous-flow cryotherapy is recommended as an option after surgery for up to 7 days, but not for nonsurgical treatment."),
    ];

    private static readonly string[][] SpecialtySets =
    [
        ["Occupational Medicine"], ["Orthopedic Surgery"], ["Physical Medicine & Rehabilitation"], ["Anesthesiology", "Pain Management"],
        ["Family Practice"], ["Internal Medicine"], ["Chiropractic"], ["Acupuncture"], ["Preventive Medicine", "Occupational Medicine"],
        ["Neurology"], ["Orthopedic Surgery", "Sports Medicine"],
    ];

    private static readonly string[] OtherStates = ["CA", "NY", "TX", "FL", "OR", "WA", "MD", "PA", "IL", "AZ", "MA", "CO"];

    private static readonly string[] Occupations =
    [
        "warehouse worker", "bus driver", "nursing assistant", "cashier", "construction laborer", "police officer", "office clerk",
        "delivery driver", "cook", "housekeeper", "mechanic", "teacher", "forklift operator", "firefighter", "landscaper",
    ];

    private static readonly string[] Mechanisms =
    [
        "lifting heavy boxes", "stepping down from a truck", "slipping on a wet floor", "restraining a patient", "reaching overhead",
        "carrying a ladder", "pushing a loaded cart", "kneeling to stock shelves", "typing for long hours", "falling from a step stool",
    ];

    private static readonly string[] SummarySentences =
    [
        "The applicant has been treated with analgesic medications, physical therapy, chiropractic manipulative therapy and time off work.",
        "On the most recent progress note, the applicant reported ongoing pain rated 6 to 8 out of 10 with radiation into the extremity.",
        "Physical examination revealed tenderness to palpation with guarding and restricted range of motion.",
        "Neurologic examination showed intact sensation and symmetric reflexes with 5/5 strength throughout.",
        "The treating provider noted diminished sensation in a dermatomal distribution and a positive straight leg raise.",
        "The applicant remains off work on total temporary disability, and the work status was unchanged from prior visits.",
        "The applicant returned to modified duty with restrictions on lifting more than 20 pounds.",
        "Prior imaging demonstrated degenerative disc disease with mild foraminal narrowing and no acute fracture.",
        "The records do not document objective functional improvement from the prior sessions of therapy.",
        "The applicant reported that medications reduce pain by about 30% and allow walking for longer periods.",
        "A urine drug screen was consistent with the prescribed medications.",
        "The applicant described difficulty sleeping, reduced tolerance for sitting and standing, and depressive symptoms.",
        "The utilization reviewer noncertified the request, citing the absence of documented functional gains.",
        "The number of prior therapy sessions completed to date was not stated in the records reviewed.",
        "The applicant has a history of hypertension and type 2 diabetes, both controlled with medication.",
        "An independent medical evaluation recommended continued conservative care and a home exercise program.",
        "The applicant was given a trial of a home exercise program, ice, heat and activity modification.",
        "Electrodiagnostic testing performed earlier was reported as normal, without evidence of neuropathy.",
        "The provider documented muscle spasm on palpation and a slow, antalgic gait.",
        "There was no mention of whether the applicant had a job to return to.",
    ];

    /// <summary>Rarer conditions, each in about 0.5% of summaries: the selective terms of the search benchmark.</summary>
    internal static readonly string[] RareConditions =
    [
        "fibromyalgia", "spondylolisthesis", "complex regional pain syndrome", "syringomyelia", "osteomyelitis", "sarcoidosis", "gout",
        "psoriatic arthritis", "thoracic outlet syndrome", "piriformis syndrome", "tarsal tunnel syndrome", "scoliosis",
        "ankylosing spondylitis", "carpal tunnel syndrome", "cubital tunnel syndrome", "de Quervain tenosynovitis", "plantar fasciitis",
        "trigger finger", "Dupuytren contracture", "Kienbock disease",
    ];

    private static readonly string[] DenialReasons =
    [
        "The records do not document objective functional improvement from prior treatment.",
        "There is no documentation of a defined return-to-work goal.",
        "The request exceeds the number of visits the guidelines support.",
        "The examination findings do not corroborate radiculopathy.",
        "There are no red flags for serious pathology documented in the records.",
        "The applicant has already completed a course of this treatment without lasting benefit.",
        "The records do not establish failure of first-line therapy.",
        "The duration of use already exceeds the short-term course the guidelines recommend.",
        "No rationale was given for deviating from the guidelines.",
    ];

    private static readonly string[] ApprovalReasons =
    [
        "The records document objective functional improvement and reduced medication use.",
        "Progressive neurologic deficits were documented on serial examinations.",
        "The applicant failed an adequate course of conservative care.",
        "The request falls within the number of visits the guidelines support.",
        "The treating provider documented a specific, measurable treatment goal.",
        "The findings on examination are consistent with the imaging studies.",
    ];
}
