using BenchmarkDotNet.Attributes;
using OpenImr.Documents;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Benchmarks.Review;

/// <summary>
/// Reviews of corpus-size cases on one core: each published letter rebuilt into a case (header,
/// summary, requests) and reviewed end to end (facts, hierarchy, criteria, rationale). Reviews per
/// second = cases / time of <see cref="ReviewAll"/>.
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private readonly List<(Case Case, string[] Texts)> _cases = [];
    private ReviewEngine _engine = null!;
    private static readonly DateOnly Today = new(2026, 11, 23);

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ReviewEngine(GuidelineLibrary.LoadEmbedded());
        var texts = BenchData.PdfFiles().Select(f => DocumentText.FromBytes(File.ReadAllBytes(f))).Concat(BenchData.SeedTexts());
        foreach (var letter in texts.Select(t => LetterParser.Parse(t).Letter!))
        {
            var rebuilt = LetterCase.From(letter);
            _cases.Add((rebuilt, rebuilt.Documents.Select(d => d.Text ?? "").ToArray()));
        }

        Console.WriteLine($"// ReviewBenchmarks: {_cases.Count} cases, {_cases.Sum(c => c.Case.Requests.Count)} requests");
    }

    [Benchmark]
    public int ReviewAll()
    {
        var decided = 0;
        foreach (var (@case, texts) in _cases)
        {
            decided += _engine.Review(@case, texts, Today).Determinations.Count;
        }

        return decided;
    }
}
