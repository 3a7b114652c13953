using System.Text;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Guidelines;

/// <summary>Rationale sentences in our own words, keyed like <c>openings.upheld</c> or <c>criteria.not-documented</c>.</summary>
public sealed partial class RationaleTemplates
{
    private readonly IReadOnlyDictionary<string, string> _templates;

    internal RationaleTemplates(IReadOnlyDictionary<string, string> templates) => _templates = templates;

    /// <summary>Every template key.</summary>
    public IEnumerable<string> Keys => _templates.Keys;

    /// <summary>The raw template, or <see langword="null"/>.</summary>
    public string? Get(string key) => _templates.GetValueOrDefault(key);

    /// <summary>Fills a template; placeholders without a value are left out, with doubled spaces and empty brackets tidied.</summary>
    public string Render(string key, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = Get(key) ?? throw new ArgumentException($"No rationale template '{key}'.", nameof(key));
        var text = Placeholder().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value) ?? string.Empty);
        text = text.Replace("(, ", "(", StringComparison.Ordinal).Replace(", )", ")", StringComparison.Ordinal).Replace(" ()", string.Empty, StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where((c, i) => !(c == ' ' && i > 0 && text[i - 1] == ' ')))
        {
            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>The placeholder names a template uses.</summary>
    internal static IEnumerable<string> PlaceholdersOf(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([a-z-]+)\}")]
    private static partial Regex Placeholder();
}
