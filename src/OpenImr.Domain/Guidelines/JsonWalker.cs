using System.Globalization;
using System.Text.Json;

namespace OpenImr.Domain.Guidelines;

/// <summary>
/// Reads properties of one library file and records every problem with its JSON path instead of
/// throwing, so that a load reports all problems at once.
/// </summary>
internal sealed class JsonWalker(string file, List<LibraryProblem> problems)
{
    public string File { get; } = file;

    public void Report(string code, string path, string message) => problems.Add(new LibraryProblem(code, File, path, message));

    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>Reports properties other than <paramref name="known"/> (GL103).</summary>
    public void CheckProperties(JsonElement obj, string path, params string[] known)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Report("GL103", Child(path, property.Name), $"unknown property '{property.Name}'; known: {string.Join(", ", known)}.");
            }
        }
    }

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Report("GL102", path, $"expected an object, found {Describe(element)}.");
        return false;
    }

    public string? String(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Report("GL101", Child(path, name), $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report("GL102", Child(path, name), $"'{name}' must be a string, found {Describe(value)}.");
            return null;
        }

        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Report("GL101", Child(path, name), $"'{name}' must not be empty.");
            }

            return null;
        }

        return text;
    }

    public IReadOnlyList<string>? Strings(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Report("GL101", Child(path, name), $"'{name}' is required.");
            }

            return null;
        }

        return StringArray(value, Child(path, name));
    }

    public IReadOnlyList<string>? StringArray(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report("GL102", path, $"expected an array of strings, found {Describe(value)}.");
            return null;
        }

        var items = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Report("GL102", Index(path, i), $"expected a non-empty string, found {Describe(item)}.");
            }

            i++;
        }

        return items;
    }

    public decimal? Number(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Report("GL102", Child(path, name), $"'{name}' must be a number, found {Describe(value)}.");
            return null;
        }

        return number;
    }

    public int? Integer(JsonElement obj, string name, string path)
    {
        var number = Number(obj, name, path);
        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value))
        {
            Report("GL102", Child(path, name), $"'{name}' must be a whole number.");
            return null;
        }

        return (int)number.Value;
    }

    public bool Boolean(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Report("GL102", Child(path, name), $"'{name}' must be true or false, found {Describe(value)}.");
        return false;
    }

    public DateOnly? Date(JsonElement obj, string name, string path, bool required)
    {
        var text = String(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report("GL105", Child(path, name), $"'{text}' is not an ISO date (yyyy-MM-dd).");
        return null;
    }

    /// <summary>Reads a word from a closed set; reports GL104 with the allowed words otherwise.</summary>
    public T? Word<T>(JsonElement obj, string name, string path, IReadOnlyDictionary<string, T> words, bool required)
        where T : struct
    {
        var text = String(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text, out var value))
        {
            return value;
        }

        Report("GL104", Child(path, name), $"'{text}' is not one of: {string.Join(", ", words.Keys)}.");
        return null;
    }

    /// <summary>The array property <paramref name="name"/> as (element, path) pairs; empty when absent.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Report("GL101", Child(path, name), $"'{name}' is required.");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Report("GL102", Child(path, name), $"'{name}' must be an array, found {Describe(value)}.");
            return [];
        }

        return value.EnumerateArray().Select((item, i) => (item, Index(Child(path, name), i))).ToList();
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
