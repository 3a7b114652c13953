using System.Text;
using BenchmarkDotNet.Attributes;
using OpenImr.Documents;
using OpenImr.Domain.Letters;

namespace OpenImr.Benchmarks.Letters;

/// <summary>
/// Text letters to <see cref="Letter"/>s on one core. The set is the corpus letters as text
/// (their PDFs extracted once in setup), the seeds, and each letter rendered as Markdown and
/// HTML; throughput is the set's size divided by the time of <see cref="ParseAll"/>.
/// </summary>
[MemoryDiagnoser]
public class LetterParsingBenchmarks
{
    private readonly List<string> _texts = [];

    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        foreach (var pdf in BenchData.PdfFiles())
        {
            _texts.Add(DocumentText.FromBytes(File.ReadAllBytes(pdf)));
        }

        _texts.AddRange(BenchData.SeedTexts());
        foreach (var letter in _texts.ToList().Select(t => LetterParser.Parse(t).Letter!))
        {
            _texts.Add(LetterRenderer.Render(letter, LetterFormat.Markdown));
            _texts.Add(LetterRenderer.Render(letter, LetterFormat.Html));
        }

        Bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// LetterParsingBenchmarks: {_texts.Count} letters, {Bytes:N0} bytes of text");
    }

    [Benchmark]
    public int ParseAll()
    {
        var items = 0;
        foreach (var text in _texts)
        {
            items += LetterParser.Parse(text).Letter!.Items.Count;
        }

        return items;
    }
}
