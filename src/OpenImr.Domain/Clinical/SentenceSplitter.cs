namespace OpenImr.Domain.Clinical;

/// <summary>
/// Splits normalised text into sentences with a hand-written scanner: a sentence ends at
/// <c>.</c>, <c>!</c> or <c>?</c> followed by a space (or by a capitalised word, as in
/// "2016.In a"), or at a paragraph break. Abbreviations ("Dr.", "e.g.", "No."), initials, decimals
/// ("7.5") and dates ("1/16/2012", "5/6/13") do not end a sentence.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The longest sentence returned; longer runs are cut so that later analysis stays linear.</summary>
    public const int MaxSentenceLength = 1500;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "eg", "ie", "no", "nos", "approx",
        "fig", "p", "pp", "inc", "co", "ltd", "dept", "u.s", "a.m", "p.m", "am", "pm", "b.i.d", "t.i.d", "q.i.d",
        "p.o", "q", "hx", "pt", "cf", "al", "ca", "cal", "sec", "vol", "mg", "ml", "lbs", "min", "max", "av",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Sentence spans (start, end exclusive) over <paramref name="text"/>, trimmed, never empty.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = false;
            var end = i + 1;
            if (c == '\n')
            {
                boundary = true;
                end = i;
            }
            else if (c is '!' or '?')
            {
                boundary = i + 1 >= text.Length || text[i + 1] == ' ' || text[i + 1] == '\n';
            }
            else if (c == '.')
            {
                boundary = IsPeriodBoundary(text, start, i);
                if (boundary && i + 1 < text.Length && text[i + 1] is '"' or '\u201D' or '\'' or '\u2019' or ')')
                {
                    end = i + 2;
                    i++;
                }
            }

            if (!boundary && i - start + 1 >= MaxSentenceLength && (c == ' ' || i - start + 1 >= MaxSentenceLength + 100))
            {
                boundary = true;
            }

            if (boundary)
            {
                Add(result, text, start, end);
                start = i + 1;
            }
        }

        Add(result, text, start, text.Length);
        return result;
    }

    private static void Add(List<(int, int)> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add((start, end));
        }
    }

    private static bool IsPeriodBoundary(string text, int sentenceStart, int i)
    {
        if (i + 1 >= text.Length)
        {
            return true;
        }

        var next = text[i + 1];
        var prev = i > 0 ? text[i - 1] : ' ';
        if (next is '\n')
        {
            return true;
        }

        // A closing quote or bracket after the period belongs to the sentence: 'as "unable to work." Treatment ...'.
        if (next is '"' or '\u201D' or '\'' or '\u2019' or ')' && i + 2 < text.Length && text[i + 2] is ' ' or '\n')
        {
            var after = i + 3 < text.Length ? text[i + 3] : ' ';
            return !char.IsLower(after);
        }

        if (next != ' ')
        {
            // "2015.The reviewer then" (a missing space); not "7.5", "e.g.", "U.S.".
            return (char.IsAsciiDigit(prev) || char.IsLower(prev)) && char.IsUpper(next)
                && i + 2 < text.Length && char.IsLower(text[i + 2]) && !IsAbbreviation(text, sentenceStart, i);
        }

        // "... ." then look at what follows the space.
        var j = i + 1;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        if (j >= text.Length)
        {
            return true;
        }

        var following = text[j];
        if (char.IsLower(following))
        {
            return false;
        }

        return !IsAbbreviation(text, sentenceStart, i);
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && period - wordStart < 12 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.IsEmpty)
        {
            return false;
        }

        // A single capital letter is an initial ("J. Smith").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }
}
