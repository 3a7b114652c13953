namespace OpenImr.Domain.Clinical;

/// <summary>
/// A document with hard-wrapped lines joined, whitespace runs collapsed to one space and
/// page-number lines dropped, with a map from every character back to the original text.
/// A paragraph break (a blank line) becomes a single <c>'\n'</c>, which ends a sentence.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _map;

    private NormalizedText(string original, string text, int[] map)
    {
        Original = original;
        Text = text;
        _map = map;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>The original offset of the character at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public int ToOriginal(int index) => _map.Length == 0 ? 0 : _map[Math.Clamp(index, 0, _map.Length - 1)];

    /// <summary>The original span (end exclusive) of <see cref="Text"/>[start..end].</summary>
    public (int Start, int End) ToOriginalSpan(int start, int end)
    {
        if (_map.Length == 0 || end <= start)
        {
            var at = ToOriginal(start);
            return (at, at);
        }

        return (ToOriginal(start), ToOriginal(end - 1) + 1);
    }

    /// <summary>Normalises <paramref name="original"/>; linear in its length, never throws.</summary>
    public static NormalizedText Create(string? original)
    {
        original ??= "";
        var builder = new System.Text.StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        var pendingSpace = -1;
        var pendingNewlines = 0;
        var lineStart = 0;
        var breakAfter = false;
        while (lineStart <= original.Length)
        {
            var lineEnd = original.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = original.Length;
            }

            if (IsNoiseLine(original, lineStart, lineEnd))
            {
                pendingNewlines++;
                if (pendingSpace < 0)
                {
                    pendingSpace = lineStart;
                }
            }
            else
            {
                // A heading line stands alone: it ends the sentence before it and the one it heads.
                var heading = DocumentSections.Heading(original.AsSpan(lineStart, lineEnd - lineStart)) is not null;
                if (heading || breakAfter)
                {
                    pendingNewlines = Math.Max(pendingNewlines, 2);
                }

                breakAfter = heading && IsCapitalsLine(original.AsSpan(lineStart, lineEnd - lineStart));
                for (var i = lineStart; i < lineEnd; i++)
                {
                    var c = original[i];
                    if (char.IsWhiteSpace(c) || char.IsControl(c))
                    {
                        if (pendingSpace < 0)
                        {
                            pendingSpace = i;
                        }

                        continue;
                    }

                    if (pendingSpace >= 0 && builder.Length > 0)
                    {
                        builder.Append(pendingNewlines >= 2 ? '\n' : ' ');
                        map.Add(pendingSpace);
                    }

                    pendingSpace = -1;
                    pendingNewlines = 0;
                    builder.Append(c);
                    map.Add(i);
                }

                if (lineEnd < original.Length && pendingSpace < 0)
                {
                    pendingSpace = lineEnd;
                }

                pendingNewlines++;
            }

            lineStart = lineEnd + 1;
        }

        return new NormalizedText(original, builder.ToString(), [.. map]);
    }

    private static bool IsCapitalsLine(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // A line holding only a page number ("3", "Page 3", "Page 3 of 5", "- 3 -") is layout, not text.
    private static bool IsNoiseLine(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start).Trim();
        if (span.IsEmpty)
        {
            return true;
        }

        if (span.Length > 20)
        {
            return false;
        }

        if (span.StartsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            span = span[4..].Trim();
        }

        var digits = 0;
        foreach (var c in span)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or 'o' or 'f' or 'O' or 'F'))
            {
                return false;
            }
        }

        return digits > 0;
    }
}
