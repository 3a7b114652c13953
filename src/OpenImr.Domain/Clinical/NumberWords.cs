using System.Globalization;

namespace OpenImr.Domain.Clinical;

/// <summary>Reads a number written as digits ("12", "7.5") or as an English word ("twelve", "twice").</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["once"] = 1,
        ["single"] = 1,
        ["two"] = 2,
        ["twice"] = 2,
        ["three"] = 3,
        ["thrice"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["dozen"] = 12,
    };

    public static bool TryParse(string token, out decimal value)
    {
        value = 0;
        if (token.Length == 0 || token.Length > 12)
        {
            return false;
        }

        if (char.IsAsciiDigit(token[0]))
        {
            return decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        if (Words.TryGetValue(token, out var word))
        {
            value = word;
            return true;
        }

        return false;
    }

    /// <summary>A number word or digits at <paramref name="index"/>, also "twenty four" and "eight (8)"; <paramref name="length"/> tokens read.</summary>
    public static bool TryRead(IReadOnlyList<Token> tokens, int index, out decimal value, out int length)
    {
        length = 0;
        value = 0;
        if (index >= tokens.Count || !TryParse(tokens[index].Value, out value))
        {
            return false;
        }

        length = 1;
        if (value is >= 20 and <= 90 && value % 10 == 0 && index + 1 < tokens.Count && !tokens[index].IsNumber
            && TryParse(tokens[index + 1].Value, out var unit) && unit is > 0 and < 10 && !tokens[index + 1].IsNumber)
        {
            value += unit;
            length = 2;
        }

        // "Eight (8)": the digits repeat the word.
        if (index + length < tokens.Count && !tokens[index].IsNumber && tokens[index + length].IsNumber
            && TryParse(tokens[index + length].Value, out var repeat) && repeat == value)
        {
            length++;
        }

        return true;
    }
}
