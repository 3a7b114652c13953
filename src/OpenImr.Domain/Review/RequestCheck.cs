using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>For the requesting side, before filing: per request, what the guideline asks and where the records stand.</summary>
public sealed record RequestCheck(string Request, string Service, GuidelineCitation? Guideline, Decision Outlook, IReadOnlyList<CheckItem> Items)
{
    /// <summary>How firmly the records carry the outlook (<see cref="BurdenOfProof"/>).</summary>
    public RecommendationStrength? Strength { get; init; }

    public IEnumerable<CheckItem> Missing => Items.Where(i => i.Status != CriterionStatus.Met);
}

/// <summary>One criterion, its status, and for a gap the document that would supply it.</summary>
public sealed record CheckItem(string Id, string Text, CriterionStatus Status, string? Finding, string? Supply, string? Source, bool Decisive);

/// <summary>Builds <see cref="RequestCheck"/>s from a review and the criteria library.</summary>
public static class RequestChecks
{
    // Which record would show each fact; the wording is ours.
    private static readonly Dictionary<string, string> DocumentFor = new(StringComparer.Ordinal)
    {
        ["response.functional-improvement"] = "a progress report (PR-2) comparing function before and after the earlier care: measured gains, reduced work restrictions or less need for care",
        ["response.plateau"] = "the therapist's discharge or re-evaluation note stating progress has levelled off",
        ["response.pain-relief"] = "a progress report recording pain scores before and with the treatment",
        ["work.rtw-goal"] = "a return-to-work plan naming the job to return to, agreed with the employer",
        ["work.employer-agreement"] = "a letter or form from the employer agreeing to the return-to-work plan",
        ["work.job-demands"] = "a job description or physical demands analysis showing the job's demands exceed current abilities",
        ["work.status"] = "the latest work status report",
        ["conservative-care.failed"] = "notes of the conservative care tried (therapy, medication, home exercise) and that it did not resolve the complaint",
        ["treatment.physical-therapy"] = "physical therapy notes with the number of visits and their dates",
        ["treatment.chiropractic"] = "chiropractic notes with the number of visits and their dates",
        ["treatment.acupuncture"] = "acupuncture notes with the number of treatments and their dates",
        ["treatment.home-exercise"] = "documentation that a home exercise program was taught and is being followed",
        ["neuro.sensory-deficit"] = "an examination recording the neurological findings (sensation, reflexes, strength)",
        ["neuro.reflex-change"] = "an examination recording the neurological findings (sensation, reflexes, strength)",
        ["neuro.weakness"] = "an examination recording the neurological findings (sensation, reflexes, strength)",
        ["neuro.positive-provocative-test"] = "an examination recording the provocative tests (Spurling, Tinel, Phalen, McMurray) and their results",
        ["diagnosis.tear"] = "an examination or imaging report describing the suspected tear",
        ["diagnosis.myalgia"] = "an examination recording muscle spasm or an acute flare-up",
        ["diagnosis.radiculopathy"] = "an examination or study showing radiculopathy",
        ["surgery.candidate"] = "a surgical consultation stating whether the patient would have surgery",
        ["surgery.planned"] = "the surgeon's plan or the request for the surgery",
        ["imaging.prior"] = "the earlier imaging report",
        ["electrodiagnostic.prior"] = "the earlier electrodiagnostic report",
        ["medication.functional-benefit"] = "a progress report recording what the medication lets the patient do",
        ["medication.duration"] = "the medication history: when the drug was started and how it has been taken",
        ["medication.urine-drug-screen"] = "the urine drug screen results",
        ["medication.cures"] = "the CURES report check",
        ["medication.pain-agreement"] = "the signed opioid treatment agreement",
        ["medication.side-effects"] = "a note on side effects of the medication",
        ["medication.gi-risk"] = "a note of gastrointestinal risk factors (age over 65, ulcer or bleeding history, anticoagulants, steroids)",
        ["medication.first-line-failed"] = "notes that first-line medication (antidepressant or anticonvulsant) was tried and failed",
        ["injury.date"] = "the date of injury (claim form or first report)",
        ["redflag.fracture"] = "an examination or imaging report of the suspected fracture",
    };

    public static IReadOnlyList<RequestCheck> From(Review review, GuidelineLibrary library)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(library);
        var criteria = library.Guidelines.SelectMany(g => g.Topics).SelectMany(t => t.Criteria)
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var quantities = library.Guidelines.SelectMany(g => g.Topics).SelectMany(t => t.Quantities).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return review.Determinations.Select(d => new RequestCheck(d.Request, d.Service, d.Guideline, d.Decision,
            d.Criteria.Select(c =>
            {
                var known = criteria.GetValueOrDefault(c.Id);
                var decisive = known is null ? true : known.OnFail == FailureEffect.Upheld;
                string? supply = null;
                if (c.Status != CriterionStatus.Met)
                {
                    supply = quantities.Contains(c.Id) && c.Status == CriterionStatus.NotDocumented
                        ? "a request that states the amount (visits, days), and therapy notes with the number of visits already given"
                        : quantities.Contains(c.Id)
                        ? "a request within the guideline's limit (IMR cannot reduce a request), or the exceptional factors that justify more"
                        : known?.Rule.FactKinds().Concat(known.Facts).Select(f => DocumentFor.GetValueOrDefault(f)).FirstOrDefault(s => s is not null)
                            ?? (known?.Rule is JudgementRule ? "the treating physician's statement answering this question" : "records addressing this criterion");
                }

                return new CheckItem(c.Id, c.Text, c.Status, c.Finding, supply, c.Source, decisive);
            }).ToList())
        {
            Strength = d.Strength,
        }).ToList();
    }
}
