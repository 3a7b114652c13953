using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;

namespace OpenImr.Benchmarks;

/// <summary>
/// Inputs for the benchmarks: the dev corpus PDFs (../shared/corpus or IMR_CORPUS) when present,
/// else PDFs rendered from the seed letters. Nothing here is committed data.
/// </summary>
public static class BenchData
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenImr.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    public static string? CorpusFolder()
    {
        var configured = Environment.GetEnvironmentVariable("IMR_CORPUS");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "dwc-imr-2016")
            : configured;
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.pdf").Any() ? Path.GetFullPath(folder) : null;
    }

    /// <summary>PDF files to measure, written to a temporary folder when the corpus is absent.</summary>
    public static IReadOnlyList<string> PdfFiles()
    {
        if (CorpusFolder() is { } corpus)
        {
            return Directory.EnumerateFiles(corpus, "*.pdf").Order(StringComparer.Ordinal).ToList();
        }

        var folder = Directory.CreateTempSubdirectory("imr-bench-").FullName;
        var files = new List<string>();
        foreach (var (seed, index) in SeedTexts().Select((s, i) => (s, i)))
        {
            var letter = LetterParser.Parse(seed).Letter!;
            var path = Path.Combine(folder, $"seed-{index}.pdf");
            File.WriteAllBytes(path, LetterDocuments.Pdf(letter));
            files.Add(path);
        }

        return files;
    }

    public static IReadOnlyList<string> SeedTexts() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests", "OpenImr.Domain.Tests", "TestData", "Seeds"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
}
