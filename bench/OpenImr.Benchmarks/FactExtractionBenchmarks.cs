using BenchmarkDotNet.Attributes;
using OpenImr.Domain.Clinical;

namespace OpenImr.Benchmarks;

/// <summary>
/// Fact extraction over clinical summaries the size of the corpus's (2,000-3,000 characters).
/// The summaries are synthetic, assembled from corpus-style sentences; none is a real record.
/// Target: at least 2,000 summaries per second per core.
/// </summary>
[MemoryDiagnoser]
public class FactExtractionBenchmarks
{
    private static readonly string[] Sentences =
    [
        "The injured worker is a 52 year old male with an industrial injury date of 10-11-2015.",
        "Medical record review indicates the injured worker is being treated for lumbar sprain, lumbar radiculopathy and\ndisc protrusion at L4-5.",
        "On 11-04-2016 the request for lumbar spine magnetic resonance imaging without contrast was non-certified by utilization review.",
        "Treatments to date include activity modification, anti-inflammatory medications, and at least twelve (12) physical therapy sessions.",
        "The record indicated there was no documentation of objective functional improvement with prior therapy.",
        "Current medications included Norco 10/325mg, cyclobenzaprine and omeprazole for gastrointestinal upset.",
        "Pain was rated 7/10 without medication and 4/10 with medication.",
        "The physical examination documented tenderness over the lumbar paraspinal muscles with spasm.",
        "Straight leg raise was positive on the left and sensation was decreased in the left L5 dermatome.",
        "The patient had 5/5 motor strength in the bilateral lower extremities.",
        "There was no mention of whether the applicant had a job to return to.",
        "The applicant's work status was not clearly outlined, although the applicant was apparently off of work.",
        "An MRI of the lumbar spine dated 03/02/2016 revealed a 4 mm disc protrusion with moderate foraminal stenosis.",
        "The attending provider would like to try one spine specific program and a home exercise program.",
        "The applicant is not a surgical candidate and has failed conservative treatment.",
        "The plan of care included continuation of physical therapy two times per week for six weeks.",
        "In a utilization review report dated December 13, 2016, the claims administrator failed to approve the request.",
        "He has completed 12 sessions to date with improvement in activities of daily living.",
        "A urine drug screen dated 09/12/2016 was consistent with the prescribed medications.",
        "The applicant reported depression and anxiety secondary to chronic pain and a dispute with his employer.",
    ];

    private string[] _summaries = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        _summaries = new string[64];
        for (var i = 0; i < _summaries.Length; i++)
        {
            var builder = new System.Text.StringBuilder();
            while (builder.Length < 2000 + random.Next(1000))
            {
                builder.Append(Sentences[random.Next(Sentences.Length)]).Append(random.Next(5) == 0 ? "\n" : " ");
            }

            _summaries[i] = builder.ToString();
        }
    }

    /// <summary>One summary per operation: operations per second is summaries per second on one core.</summary>
    [Benchmark]
    public int ExtractSummary()
    {
        var summary = _summaries[_next++ & 63];
        return FactExtractor.Extract(summary, 0, new DateOnly(2017, 1, 1)).Count;
    }

    [Benchmark]
    public int ParseRequest() => RequestParser.Parse("Physical therapy 2 times a week for 6 weeks to the lumbar spine").Quantity.Sessions is { } s ? (int)s : 0;
}
