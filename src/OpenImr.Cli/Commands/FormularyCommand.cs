using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImr.Documents;
using OpenImr.Documents.Pdf;
using OpenImr.Domain.Formulary;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr formulary import FILE [--version V] [--effective DATE] [--out FILE | --library DIR] [--json]</c>: reads a published
/// MTUS Drug List (PDF, or a spreadsheet saved as CSV or TSV) into the library's dated Drug List data, reporting every
/// row it could not read.
/// </summary>
internal static class FormularyCommand
{
    /// <summary>A published list is a few megabytes; anything far larger is not one.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("formulary", "The MTUS Drug List: read a published version into the criteria library's data.");
        command.Subcommands.Add(Import(stdout, stderr));
        return command;
    }

    private static Command Import(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The Drug List as the DWC publishes it: a PDF, or the spreadsheet saved as .csv or .tsv." };
        var version = new Option<string?>("--version") { Description = "The list's version (e.g. v.13), when its title does not say." };
        var effective = new Option<string?>("--effective") { Description = "Its effective date (yyyy-MM-dd), when its title does not say.", HelpName = "DATE" };
        var output = new Option<string?>("--out") { Description = "Write the Drug List data to this file (whole or not at all) instead of standard output." };
        var library = new Option<string?>("--library") { Description = "A criteria library folder: write the data under formulary/ and list it in library.json's drugLists.", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print a summary as JSON (version, effective date, rows read, file written, every unread row)." };
        var command = new Command("import", "Read a published MTUS Drug List into dated Drug List data; every row that cannot be read is reported.")
        {
            file, version, effective, output, library, json,
        };
        command.SetAction(result => Run(result.GetRequiredValue(file), result.GetValue(version), result.GetValue(effective), result.GetValue(output),
            result.GetValue(library), result.GetValue(json), stdout, stderr));
        return command;
    }

    private static int Run(string path, string? version, string? effectiveText, string? output, string? library, bool json, TextWriter stdout, TextWriter stderr)
    {
        int Usage(string message)
        {
            stderr.WriteLine($"imr formulary import: {message}");
            return ImrCommandLine.Usage;
        }

        if (output is not null && library is not null)
        {
            return Usage("give --out FILE or --library DIR, not both");
        }

        DateOnly? effective = null;
        if (effectiveText is not null)
        {
            if (!DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2018 or > 2100)
            {
                return Usage($"--effective: '{effectiveText}' is not a date such as 2025-08-06 (the Drug List began on 2018-01-01)");
            }

            effective = date;
        }

        if (library is not null && !File.Exists(Path.Combine(library, GuidelineLibrary.ManifestName)))
        {
            return Usage($"--library {library}: holds no {GuidelineLibrary.ManifestName}; give a criteria library folder");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Usage($"{path}: no such file");
        }

        if (info.Length > MaxFileBytes)
        {
            return Usage($"{path}: {info.Length} bytes, above the {MaxFileBytes / (1024 * 1024)} MB a published Drug List could be");
        }

        var extension = info.Extension.ToLowerInvariant();
        DrugListReading reading;
        try
        {
            var bytes = File.ReadAllBytes(path);
            reading = extension switch
            {
                ".pdf" => DrugListReader.FromPdfLines(PdfWordLines.Read(bytes), version, effective, info.Name),
                ".csv" or ".tsv" or ".txt" => DrugListReader.FromDelimited(Encoding.UTF8.GetString(bytes), version, effective, info.Name),
                ".xlsx" or ".xls" => throw new DocumentReadException("a spreadsheet is read saved as CSV or TSV; save it so (File, Save As, CSV) and import that"),
                _ => throw new DocumentReadException("give the list as .pdf, .csv or .tsv"),
            };
        }
        catch (DocumentReadException e)
        {
            return Usage($"{path}: {e.Message}");
        }
        catch (IOException e)
        {
            return Usage($"{path}: cannot be read ({e.Message})");
        }

        if (reading.List is not { } list)
        {
            return Usage($"{path}: {reading.Error}");
        }

        var data = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(list, ImrJson.Options) + "\n");
        string? written = null;
        try
        {
            if (output is not null)
            {
                AtomicFile.Write(output, data);
                written = output;
            }
            else if (library is not null)
            {
                written = WriteIntoLibrary(library, list, data);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return Usage($"{output ?? library}: cannot be written ({e.Message}); nothing was changed");
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { version = list.Version, effective = list.Effective, rows = list.Entries.Count, written, unread = reading.Unread }, ImrJson.Options));
        }
        else
        {
            if (written is null)
            {
                stdout.Write(Encoding.UTF8.GetString(data));
            }

            foreach (var row in reading.Unread)
            {
                stderr.WriteLine($"{info.Name} {row.Where}: {row.Why}: {Printable(row.Text)}");
            }

            stderr.WriteLine($"imr formulary import: MTUS Drug List {list.Version}, effective {list.Effective:yyyy-MM-dd}: {list.Entries.Count} rows read, {reading.Unread.Count} could not be read{(written is null ? "" : $"; written to {written}")}");
        }

        return reading.Unread.Count == 0 ? ImrCommandLine.Success : ImrCommandLine.Problem;
    }

    /// <summary>Writes formulary/mtus-drug-list-VERSION.json and lists it in the manifest's drugLists, each file whole or not at all.</summary>
    private static string WriteIntoLibrary(string library, DrugListVersion list, byte[] data)
    {
        var name = $"formulary/mtus-drug-list-{new string([.. list.Version.Where(c => char.IsLetterOrDigit(c) || c == '.')])}.json";
        var manifestPath = Path.Combine(library, GuidelineLibrary.ManifestName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath)) as JsonObject ?? throw new JsonException($"{GuidelineLibrary.ManifestName} is not a JSON object");
        var lists = manifest["drugLists"] as JsonArray ?? [];
        manifest["drugLists"] = lists;
        if (!lists.Any(n => (string?)n == name))
        {
            lists.Add(name);
        }

        Directory.CreateDirectory(Path.Combine(library, "formulary"));
        AtomicFile.Write(Path.Combine(library, name), data);
        AtomicFile.Write(manifestPath, Encoding.UTF8.GetBytes(manifest.ToJsonString(ImrJson.Options) + "\n"));
        return Path.Combine(library, name);
    }

    private static string Printable(string text) => new([.. text.Take(200).Select(c => char.IsControl(c) ? ' ' : c)]);
}
