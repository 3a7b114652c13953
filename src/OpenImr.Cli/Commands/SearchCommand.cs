using System.CommandLine;
using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr search QUERY [--decision D] [--service S] [--guideline G] [--year Y] [--specialty SPECIALTY] [--db CONNECTION] [--json]</c>:
/// full-text search over the requests, rationales and clinical summaries of stored letters, one hit per
/// decided item, best match first, with highlighted snippets.
/// </summary>
internal static class SearchCommand
{
    private const string Name = "search";
    private static readonly string[] GuidelineSources = ["MTUS", "ODG", "ACOEM", "Other"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string?>("QUERY")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Words (all required), \"exact phrases\", prefix*, OR, AND and parentheses. Leave out to list every item that passes the filters.",
        };
        var decision = new Option<string?>("--decision") { Description = "Upheld, Overturned or NoRecommendation.", HelpName = "D" };
        var service = new Option<string?>("--service") { Description = "A service family (imaging) or FAMILY/KIND (imaging/mri).", HelpName = "S" };
        var guideline = new Option<string?>("--guideline")
        {
            Description = "The first guideline cited: a source (MTUS, ODG, ACOEM, Other), a title (\"Low Back Complaints\"), or SOURCE: TITLE.",
            HelpName = "G",
        };
        var year = new Option<int?>("--year") { Description = "The year the letter was decided.", HelpName = "YYYY" };
        var specialty = new Option<string?>("--specialty") { Description = "The reviewer's specialty, as the letters state it (\"Orthopedic Surgery\").", HelpName = "SPECIALTY" };
        var page = new Option<int>("--page") { Description = "The page of hits, from 1.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = $"Hits per page, 1 to {LetterQuery.MaxPageSize}.", DefaultValueFactory = _ => LetterQuery.DefaultPageSize };
        var db = LetterDatabase.Option();
        var json = new Option<bool>("--json") { Description = "Print {\"total\", \"totalIsExact\", \"hits\": [...]} (CONTRACTS.md; totalIsExact is false when total is a lower bound)." };
        query.Validators.Add(result =>
        {
            if (LetterQuery.TextProblem(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        decision.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && ParseDecision(value) is null)
            {
                result.AddError($"--decision '{value}' is not a decision; use Upheld, Overturned or NoRecommendation.");
            }
        });
        year.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value and (< 1900 or > 9998))
            {
                result.AddError($"--year {value} is not a year of decision; give four digits, such as 2015.");
            }
        });
        page.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--page must be 1 or more.");
            }
        });
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > LetterQuery.MaxPageSize)
            {
                result.AddError($"--limit must be between 1 and {LetterQuery.MaxPageSize}.");
            }
        });

        var command = new Command(Name, "Search stored letters: ranked hits with highlighted snippets.") { query, decision, service, guideline, year, specialty, page, limit, db, json };
        command.SetAction((result, cancellationToken) =>
        {
            var (source, title) = SplitGuideline(result.GetValue(guideline));
            var letterQuery = new LetterQuery(
                result.GetValue(query),
                result.GetValue(decision) is { } d ? ParseDecision(d) : null,
                result.GetValue(service),
                source,
                title,
                result.GetValue(year),
                result.GetValue(page),
                result.GetValue(limit),
                result.GetValue(specialty) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null);
            return RunAsync(letterQuery, result.GetValue(db), result.GetValue(json), stdout, stderr, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(LetterQuery query, string? db, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (LetterDatabase.Parse(db, Name, stderr) is not { } target)
        {
            return ImrCommandLine.Usage;
        }

        if (!LetterDatabase.ExistsForReading(target, Name, stderr))
        {
            return ImrCommandLine.Problem;
        }

        LetterSearchResult result;
        try
        {
            result = await LetterDatabase.Open(target).SearchAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LetterDatabase.IsDatabaseFailure(e))
        {
            await stderr.WriteLineAsync($"imr search: {target.Description}: the search failed ({e.GetBaseException().Message}); check --db and the query.").ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, ImrJson.Options)).ConfigureAwait(false);
            return ImrCommandLine.Success;
        }

        var first = (query.Page - 1) * query.PageSize;
        // Note that counting stops at the store's limit: past it the total is a lower bound.
        var total = result.TotalIsExact ? $"{result.Total} hit(s)" : $"at least {result.Total} hits (counting stopped there)";
        await stdout.WriteLineAsync(result.Hits.Count == 0
            ? $"{total}."
            : $"{total}; showing {first + 1}-{first + result.Hits.Count}:").ConfigureAwait(false);
        foreach (var hit in result.Hits)
        {
            await stdout.WriteLineAsync($"{hit.CaseNumber}  {hit.Decision}  {hit.Service ?? "(service not classified)"}  {hit.Request}").ConfigureAwait(false);
            if (hit.Snippet is { } snippet)
            {
                await stdout.WriteLineAsync($"    {snippet.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            }
        }

        return ImrCommandLine.Success;
    }

    internal static Decision? ParseDecision(string value) =>
        Enum.TryParse<Decision>(value.Replace("-", "", StringComparison.Ordinal).Trim(), ignoreCase: true, out var decision) && Enum.IsDefined(decision)
            ? decision
            : null;

    /// <summary>"MTUS" → source; "MTUS: Low Back Complaints" → both; anything else → a title.</summary>
    internal static (string? Source, string? Title) SplitGuideline(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        value = value.Trim();
        if (GuidelineSources.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return (value, null);
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && GuidelineSources.Contains(value[..colon].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var title = value[(colon + 1)..].Trim();
            return (value[..colon].Trim(), title.Length == 0 ? null : title);
        }

        return (null, value);
    }
}
