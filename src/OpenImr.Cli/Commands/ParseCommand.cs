using System.CommandLine;
using System.Text;
using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary><c>imr parse PATH... [--json]</c>: reads determination letters into <see cref="Letter"/>s.</summary>
internal static class ParseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Letters (PDF, text, Markdown or HTML) or folders of them.",
        }.RejectingUnknownOptions();
        var json = new Option<bool>("--json") { Description = "Print a JSON array of Letter objects (CONTRACTS.md)." };
        var command = new Command("parse", "Read published Final Determination Letters into structured letters.") { paths, json };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(json), stdout, stderr));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, bool json, TextWriter stdout, TextWriter stderr)
    {
        var (letters, failed) = LetterInputs.Read("parse", paths, stderr, warnings: true);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(letters, ImrJson.Options));
        }
        else
        {
            foreach (var letter in letters)
            {
                stdout.Write(Describe(letter));
            }
        }

        return failed ? ImrCommandLine.Problem : ImrCommandLine.Success;
    }

    internal static string Describe(Letter letter)
    {
        var text = new StringBuilder();
        text.Append($"{letter.Source ?? "(letter)"}: {letter.CaseNumber ?? "no case number"}, {letter.Format} layout");
        if (letter.Dates.Decision is { } decided)
        {
            text.Append($", decided {decided:yyyy-MM-dd}");
        }

        text.AppendLine();
        var reviewer = string.Join(", ", letter.Reviewer.Specialties);
        var states = string.Join(", ", letter.Reviewer.Licensure);
        if (reviewer.Length + states.Length > 0)
        {
            text.AppendLine($"  reviewer: {(reviewer.Length > 0 ? reviewer : "specialty not stated")}; licensed in {(states.Length > 0 ? states : "(not stated)")}");
        }

        var patient = new List<string>();
        if (letter.Patient.Age is { } age)
        {
            patient.Add($"{age} years");
        }

        if (letter.Patient.Sex is { } sex)
        {
            patient.Add(sex);
        }

        if (letter.Dates.Injury is { } injury)
        {
            patient.Add($"injured {injury:yyyy-MM-dd}");
        }

        if (patient.Count > 0)
        {
            text.AppendLine($"  patient: {string.Join(", ", patient)}");
        }

        for (var i = 0; i < letter.Items.Count; i++)
        {
            var item = letter.Items[i];
            var cited = string.Join("; ", item.Citations.Select(c => c.Title is null ? c.Source : $"{c.Source} {c.Title}"));
            text.AppendLine($"  {i + 1}. {item.Request}: {item.Decision}{(cited.Length > 0 ? $" [{cited}]" : "")}");
        }

        text.AppendLine();
        return text.ToString();
    }
}
