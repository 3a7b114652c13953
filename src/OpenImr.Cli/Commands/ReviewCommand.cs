using System.CommandLine;
using System.Text;
using System.Text.Json;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary><c>imr review CASE [--format text|markdown|html|pdf|json] [--out FILE]</c>.</summary>
internal static class ReviewCommand
{
    private static readonly string[] Formats = ["text", "markdown", "html", "pdf", "json"];

    /// <summary>Our issued letters name the guideline line after the review itself, not after another organisation.</summary>
    private const string Organisation = "IMR";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseArgument = new Argument<string>("CASE") { Description = "A Case JSON file, or a folder holding case.json and its documents." };
        var format = new Option<string>("--format") { Description = "text, markdown, html, pdf (needs --out) or json (the Review).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "Write to this file (whole or not at all) instead of standard output." };
        var guidelines = ReviewServices.GuidelinesOption();
        var command = new Command("review", "Review a case and issue the Final Determination Letter, or with --format json the Review.") { caseArgument, format, output, guidelines };
        command.SetAction(async (result, cancellation) =>
            await RunAsync(result.GetRequiredValue(caseArgument), result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(guidelines), stdout, stderr, cancellation).ConfigureAwait(false));
        return command;
    }

    internal static async Task<int> RunAsync(string casePath, string format, string? output, string? guidelines, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (format == "pdf" && output is null)
        {
            await stderr.WriteLineAsync("imr review: --format pdf writes a binary file; add --out FILE.pdf.").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        var (_, engine, libraryError) = ReviewServices.Resolve(guidelines);
        if (engine is null)
        {
            await stderr.WriteLineAsync($"imr review: --guidelines {libraryError}").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        var loaded = await CaseFileLoader.LoadAsync(casePath, cancellation).ConfigureAwait(false);
        if (!loaded.Succeeded)
        {
            await stderr.WriteLineAsync($"imr review: {loaded.Error}").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        var review = engine.Review(loaded.Case!, loaded.DocumentTexts, ReviewServices.Today);
        byte[] content;
        if (format == "json")
        {
            content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(review, ImrJson.Options) + "\n");
        }
        else
        {
            var letter = DeterminationLetter.Compose(loaded.Case!, review, ReviewServices.Today);
            content = format switch
            {
                "pdf" => LetterDocuments.Pdf(letter, Organisation),
                "markdown" => Encoding.UTF8.GetBytes(LetterRenderer.Render(letter, LetterFormat.Markdown, Organisation)),
                "html" => Encoding.UTF8.GetBytes(LetterRenderer.Render(letter, LetterFormat.Html, Organisation)),
                _ => Encoding.UTF8.GetBytes(LetterRenderer.Render(letter, LetterFormat.Text, Organisation)),
            };
        }

        if (output is null)
        {
            await stdout.WriteAsync(Encoding.UTF8.GetString(content)).ConfigureAwait(false);
            return ImrCommandLine.Success;
        }

        try
        {
            AtomicFile.Write(output, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"imr review: {output}: cannot write the file ({e.Message}); check the folder exists and is writable.").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        return ImrCommandLine.Success;
    }
}
