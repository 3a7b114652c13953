using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenImr.Application;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr guidelines validate [DIR]</c>, <c>imr guidelines test [DIR]</c> and <c>imr guidelines impact OLD NEW --corpus PATH [--json]</c>: the toolkit with
/// which an organisation encodes its own criteria, checks them and sees what a change does to real decisions.
/// </summary>
internal static class GuidelinesCommand
{
    /// <summary>Stands for the library built into the binary wherever a library folder is asked for.</summary>
    private const string BuiltIn = "builtin";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("guidelines", "Check a criteria library, and measure what a change to it does to decisions.");
        command.Subcommands.Add(Validate(stdout, stderr));
        command.Subcommands.Add(Test(stdout, stderr));
        command.Subcommands.Add(Impact(stdout, stderr));
        return command;
    }

    /// <summary>The built-in library for no folder or <c>builtin</c>, else the folder's, with problems or not.</summary>
    private static (GuidelineLibrary? Library, string? Error) Read(string? dir) =>
        CriteriaLibrary.Read(dir is null or BuiltIn ? null : dir);

    private static Command Test(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string?>("DIR") { Arity = ArgumentArity.ZeroOrOne, Description = "A criteria library folder holding library.json; the built-in library when left out." };
        var untested = new Option<bool>("--untested") { Description = "List every criterion no example speaks to, not only their count." };
        var command = new Command("test", "Run the synthetic example cases kept beside the library's topics; report criteria without an example.") { folder, untested };
        command.SetAction(result =>
        {
            var (library, error) = Read(result.GetValue(folder));
            if (library is null || library.Problems.Count > 0)
            {
                stderr.WriteLine(library is null
                    ? $"imr guidelines test: {error}"
                    : $"imr guidelines test: the library has {library.Problems.Count} problem(s), the first: {library.Problems[0]}; run 'imr guidelines validate' first");
                return ImrCommandLine.Usage;
            }

            var run = GuidelineExampleRun.Run(library);
            foreach (var failed in run.Results.Where(r => !r.Passed))
            {
                stdout.WriteLine($"FAIL {failed.Example.Id} ({failed.Example.File} {failed.Example.Path}): {string.Join("; ", failed.Failures)}");
            }

            if (result.GetValue(untested))
            {
                foreach (var topic in run.Untested.GroupBy(u => u.Topic))
                {
                    stdout.WriteLine($"untested {topic.Key}: {string.Join(", ", topic.Select(u => u.Criterion))}");
                }
            }

            var passed = run.Results.Count(r => r.Passed);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{passed} of {run.Results.Count} examples passed; {run.Untested.Count} criteria have no example{(result.GetValue(untested) ? "" : " (--untested lists them)")}"));
            return passed == run.Results.Count ? ImrCommandLine.Success : ImrCommandLine.Problem;
        });
        return command;
    }

    private static Command Validate(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string?>("DIR") { Arity = ArgumentArity.ZeroOrOne, Description = "A criteria library folder holding library.json; the built-in library when left out." };
        var command = new Command("validate", "Print every problem of a criteria library with its file, JSON path and code; exit 1 on any.") { folder };
        command.SetAction(result =>
        {
            var dir = result.GetValue(folder);
            var (library, error) = Read(dir);
            if (library is null)
            {
                stderr.WriteLine($"imr guidelines validate: {error}");
                return ImrCommandLine.Usage;
            }

            foreach (var problem in library.Problems)
            {
                stdout.WriteLine($"{problem.File} {problem.Path}: {problem.Code} {problem.Message}");
            }

            var topics = library.Guidelines.Sum(g => g.Topics.Count);
            var criteria = library.Guidelines.Sum(g => g.Topics.Sum(t => t.Criteria.Count));
            var name = dir ?? "the built-in library";
            stdout.WriteLine(library.Problems.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{name}: version {library.Version}, {library.Guidelines.Count} guideline editions, {topics} topics, {criteria} criteria; no problems")
                : string.Create(CultureInfo.InvariantCulture, $"{name}: {library.Problems.Count} problem(s)"));
            return library.Problems.Count == 0 ? ImrCommandLine.Success : ImrCommandLine.Problem;
        });
        return command;
    }

    private static Command Impact(TextWriter stdout, TextWriter stderr)
    {
        var before = new Argument<string>("OLD") { Description = $"The library before the change: a folder, or '{BuiltIn}'." };
        var after = new Argument<string>("NEW") { Description = $"The library after the change: a folder, or '{BuiltIn}'." };
        var corpus = new Option<string[]>("--corpus") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "Published letters or folders of them to review under both libraries.", HelpName = "PATH" };
        var json = new Option<bool>("--json") { Description = "Print the impact as JSON." };
        var command = new Command("impact", "Review every letter of a corpus under two libraries and list each determination that changes, with the criterion that changed it.")
        {
            before, after, corpus, json,
        };
        command.SetAction(result =>
        {
            var (_, old, oldError) = ReviewServices.Resolve(Folder(result.GetRequiredValue(before)));
            var (_, now, newError) = ReviewServices.Resolve(Folder(result.GetRequiredValue(after)));
            if (old is null || now is null)
            {
                stderr.WriteLine($"imr guidelines impact: {oldError ?? newError}");
                return ImrCommandLine.Usage;
            }

            var (letters, failed) = LetterInputs.Read("guidelines impact", result.GetRequiredValue(corpus), stderr, warnings: false);
            if (letters.Count == 0)
            {
                stderr.WriteLine("imr guidelines impact: --corpus holds no letter that could be read; give published determination letters (PDF or text) or folders of them");
                return ImrCommandLine.Usage;
            }

            var impact = LibraryImpact.Compare(letters, old, now, ReviewServices.Today);
            if (result.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(impact, ImrJson.Options));
            }
            else
            {
                Write(impact, stdout);
            }

            return failed ? ImrCommandLine.Problem : ImrCommandLine.Success;
        });
        return command;
    }

    private static string? Folder(string argument) => argument == BuiltIn ? null : argument;

    private static void Write(LibraryImpact impact, TextWriter stdout)
    {
        foreach (var change in impact.Changes)
        {
            stdout.WriteLine($"{change.CaseNumber} item {change.Item + 1}: {change.Request}");
            stdout.WriteLine($"  {change.Before} -> {change.After} (reviewer: {change.Actual})");
            if (change.GuidelineBefore != change.GuidelineAfter)
            {
                stdout.WriteLine($"  guideline: {change.GuidelineBefore ?? "none"} -> {change.GuidelineAfter ?? "none"}");
            }

            foreach (var criterion in change.Criteria)
            {
                stdout.WriteLine($"  {criterion.Id}: {CriterionStatuses.Describe(criterion.Before)} -> {CriterionStatuses.Describe(criterion.After)}");
            }
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{impact.Letters} letters, {impact.Items} items, {impact.Changes.Count} determinations changed, {impact.Changes.Count(c => c.Before != c.After)} of them in their decision"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agreement with the reviewers: balanced accuracy {impact.Before.BalancedAccuracy:F2} -> {impact.After.BalancedAccuracy:F2}, coverage {impact.Before.Coverage:P0} -> {impact.After.Coverage:P0}"));
    }
}
