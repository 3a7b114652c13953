namespace OpenImr.Domain.Clinical;

/// <summary>A word of normalised text: <see cref="Value"/> is lower case; offsets are into the normalised text.</summary>
internal readonly record struct Token(int Start, int End, string Value)
{
    public bool IsNumber => Value.Length > 0 && char.IsAsciiDigit(Value[0]);
}

/// <summary>
/// Splits text into lower-case words of letters and digits ("7.5" stays one word; "52-year-old",
/// "s/p" and "spurling's" split). <c>;</c> becomes its own token: it ends a scope. A colon does not:
/// it opens a list that belongs to its clause ("care so far has been: massage and rest").
/// </summary>
internal static class Tokenizer
{
    public const string ScopeBreak = ";";

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var s = i;
                while (i < end && (char.IsLetterOrDigit(text[i])
                    || (text[i] == '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && i > s && char.IsAsciiDigit(text[i - 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(s, i, Lower(text, s, i)));
            }
            else
            {
                if (c == ';')
                {
                    tokens.Add(new Token(i, i + 1, ScopeBreak));
                }

                i++;
            }
        }

        return tokens;
    }

    private static string Lower(string text, int start, int end)
    {
        var length = end - start;
        return string.Create(length, (text, start), static (buffer, state) => state.text.AsSpan(state.start, buffer.Length).ToLowerInvariant(buffer));
    }
}
