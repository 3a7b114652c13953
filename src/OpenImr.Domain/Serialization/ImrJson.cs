using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenImr.Domain.Serialization;

/// <summary>
/// The JSON conventions of CONTRACTS.md: camelCase names, ISO dates, enums as their names,
/// and nulls written out (a value a document does not state is <c>null</c>).
/// </summary>
public static class ImrJson
{
    /// <summary>Indented output for people and files.</summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true);

    /// <summary>Compact output for storage and the wire.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(writeIndented: false);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
