using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OpenImr.Documents.Letters;

namespace OpenImr.Benchmarks.Letters;

/// <summary>
/// PDF letters to <see cref="Domain.Letters.Letter"/>s against poppler's <c>pdftotext</c> on the
/// same files, in one run: the ratio column is the target (at most 3).
/// </summary>
[MemoryDiagnoser]
public class PdfToLetterBenchmarks
{
    private IReadOnlyList<string> _files = [];
    private byte[][] _contents = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = BenchData.PdfFiles();
        _contents = _files.Select(File.ReadAllBytes).ToArray();
        Console.WriteLine($"// PdfToLetterBenchmarks: {_files.Count} PDFs, {_contents.Sum(c => (long)c.Length):N0} bytes");
    }

    [Benchmark(Baseline = true)]
    public long PopplerPdftotext()
    {
        long characters = 0;
        foreach (var file in _files)
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("pdftotext did not start; install poppler-utils.");
            characters += process.StandardOutput.ReadToEnd().Length;
            process.WaitForExit();
        }

        return characters;
    }

    [Benchmark]
    public int OpenImrPdfToLetter()
    {
        var items = 0;
        for (var i = 0; i < _contents.Length; i++)
        {
            items += LetterFileReader.Read(_contents[i], _files[i]).Letter!.Items.Count;
        }

        return items;
    }
}
