using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// Reads JSON strings and refuses any holding a C0 control character other than the white space ones
/// (tab, line feed, vertical tab, form feed, carriage return): NUL first of all, which PostgreSQL
/// cannot store and which breaks the full-text indexes and the letters. Text copied from word
/// processors (vertical tabs, form feeds) and C1 characters of mis-decoded text still read.
/// </summary>
internal sealed class StrictStrings : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var value = reader.GetString()!;
        return value.Any(IsRefused) ? throw new ControlCharacterException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public static bool IsRefused(char c) => RecordAddition.IsControl(c);
}

/// <summary>A JSON string held a control character that <see cref="StrictStrings"/> refuses.</summary>
internal sealed class ControlCharacterException : JsonException
{
    public ControlCharacterException()
        : base("The text holds a control character (such as NUL); remove it.")
    {
    }
}
