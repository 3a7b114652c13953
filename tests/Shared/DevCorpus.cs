namespace OpenImr.Tests.Shared;

/// <summary>
/// The dev corpus of published letters (`../shared/corpus/dwc-imr-2016`, or the folder named
/// by IMR_CORPUS). It is never committed; tests that need it skip, with this message, where it is absent.
/// </summary>
internal static class DevCorpus
{
    public const string MissingMessage =
        "The dev corpus is absent: put it at ../shared/corpus/dwc-imr-2016 beside the repository or name its folder in IMR_CORPUS.";

    private static readonly Lazy<string?> Folder = new(Locate);

    /// <summary>The folder holding the corpus letters and labels.tsv, or null.</summary>
    public static string? Path => Folder.Value;

    /// <summary>The folder, or skips the calling test with <see cref="MissingMessage"/>.</summary>
    public static string Require()
    {
        if (Path is null)
        {
            Assert.Skip(MissingMessage);
        }

        return Path!;
    }

    /// <summary>labels.tsv: case number, item count, decisions in letter order, items' wording.</summary>
    public static IReadOnlyList<Label> Labels(string folder) =>
        File.ReadLines(System.IO.Path.Combine(folder, "labels.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(cells => new Label(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2].Split(','), cells[3].Split(" ;; ")))
            .ToList();

    public sealed record Label(string CaseNumber, int ItemCount, string[] Decisions, string[] Items);

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("IMR_CORPUS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return WithLabels(configured);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "OpenImr.slnx")))
            {
                return WithLabels(System.IO.Path.Combine(directory.FullName, "..", "shared", "corpus"));
            }
        }

        return null;
    }

    private static string? WithLabels(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        if (File.Exists(System.IO.Path.Combine(folder, "labels.tsv")))
        {
            return System.IO.Path.GetFullPath(folder);
        }

        var nested = Directory.EnumerateFiles(folder, "labels.tsv", SearchOption.AllDirectories).FirstOrDefault();
        return nested is null ? null : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(nested));
    }
}
