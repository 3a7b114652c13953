using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// Answers a request the endpoints could not bind as CONTRACTS.md promises: a JSON body that does
/// not read (unknown member, duplicate key, control character, a value of the wrong type, broken
/// syntax) or a query value of the wrong type is a <c>400</c> validation problem with the field
/// it concerns (<c>dates.injury</c>, <c>page</c>); a body over its limit is a <c>413</c>.
/// </summary>
internal sealed partial class RequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        IResult result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? TypedResults.Problem(
                $"The request body is larger than this route accepts ({httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the limit"} bytes). Send less, or upload records as files.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large")
            : bad.StatusCode == StatusCodes.Status400BadRequest
                ? TypedResults.ValidationProblem(Errors(bad), title: "The request is malformed.")
                : TypedResults.Problem(statusCode: bad.StatusCode);
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>The field errors of a request that did not bind, keyed by JSON path or parameter name.</summary>
    internal static Dictionary<string, string[]> Errors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return new Dictionary<string, string[]>(StringComparer.Ordinal) { [FieldOf(json)] = [MessageOf(json)] };
        }

        var binding = FailedBinding().Match(bad.Message);
        if (binding.Success)
        {
            return new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [binding.Groups["name"].Value] = [$"'{binding.Groups["value"].Value}' is not {Expected(binding.Groups["type"].Value)}."],
            };
        }

        return new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [""] = [MissingBody().IsMatch(bad.Message) ? "The request needs a JSON body." : "The request could not be read; check its body and parameters."],
        };
    }

    private static string FieldOf(JsonException json)
    {
        var path = json.Path is null or "$" ? "" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped && !path.EndsWith(unmapped.Groups["name"].Value, StringComparison.Ordinal))
        {
            path = path.Length == 0 ? unmapped.Groups["name"].Value : $"{path}.{unmapped.Groups["name"].Value}";
        }

        return path;
    }

    private static string MessageOf(JsonException json)
    {
        if (json is ControlCharacterException)
        {
            return json.Message;
        }

        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
        {
            return $"'{unmapped.Groups["name"].Value}' is not a field here; remove it or check its spelling.";
        }

        if (DuplicateMember().Match(json.Message) is { Success: true } duplicate)
        {
            return $"'{duplicate.Groups["name"].Value}' is given more than once; give each field once.";
        }

        if (Conversion().Match(json.Message) is { Success: true } conversion)
        {
            return $"The value is not {Expected(conversion.Groups["type"].Value)}.";
        }

        // Note that the reader's own messages ("'x' is an invalid start of a value") name no .NET type; the position is in the path.
        var message = json.Message;
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return $"The body is not valid JSON: {(at > 0 ? message[..at] : message).TrimEnd()}";
    }

    /// <summary>What a value of <paramref name="type"/> (a .NET type name) looks like, in the words of the API.</summary>
    private static string Expected(string type) => type.ToLowerInvariant() switch
    {
        var t when t.Contains("dateonly", StringComparison.Ordinal) => "a date in the form yyyy-MM-dd",
        var t when t.Contains("datetime", StringComparison.Ordinal) => "a date and time in ISO 8601 form",
        var t when t.Contains("guid", StringComparison.Ordinal) => "an id (a GUID)",
        var t when t.Contains("bool", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("int", StringComparison.Ordinal) || t.Contains("long", StringComparison.Ordinal) => "a whole number",
        var t when t.Contains("double", StringComparison.Ordinal) || t.Contains("decimal", StringComparison.Ordinal) => "a number",
        var t when t.Contains("list", StringComparison.Ordinal) || t.Contains("[]", StringComparison.Ordinal) => "a list (a JSON array)",
        var t when t.Contains("string", StringComparison.Ordinal) => "text (a JSON string)",
        _ => "of the expected kind (see the OpenAPI document)",
    };

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"[Dd]uplicate (?:JSON )?property '?(?<name>[^' ]*)'?", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateMember();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Conversion();

    [GeneratedRegex(@"Failed to bind parameter ""(?<type>.+) (?<name>[^ ""]+)"" from ""(?<value>.*)""", RegexOptions.CultureInvariant)]
    private static partial Regex FailedBinding();

    [GeneratedRegex(@"was not provided from body|Implicit body inferred", RegexOptions.CultureInvariant)]
    private static partial Regex MissingBody();
}
