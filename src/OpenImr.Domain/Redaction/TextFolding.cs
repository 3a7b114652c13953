namespace OpenImr.Domain.Redaction;

/// <summary>
/// Folds text one character for one character, so that offsets found in the folded text are offsets
/// in the original: accented letters to their base letter, typographic apostrophes to <c>'</c>,
/// dashes to <c>-</c> and non-breaking spaces to spaces. Names are matched in folded text, so that
/// "José" in the case finds "Jose" in a record and the other way round.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>The base letter of each character from U+00C0 to U+017F (Latin-1 Supplement and Latin Extended-A), or the character itself.</summary>
    // Note that the table stands in for Unicode decomposition, which invariant globalization does not offer.
    private const string LatinBase =
        "AAAAAAÆCEEEEIIIIÐNOOOOO×OUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷ouuuuyþyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiĲĳJjKkĸLlLlLlĿŀLlNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ";

    private static char Fold(char c) => c switch
    {
        < '\u00C0' and not ('\u00A0' or '\u00B4') => c,
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' => ' ',
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' or '\u00B4' => '\'',
        (>= '\u2010' and <= '\u2015') or '\u2212' => '-',
        <= '\u017F' => LatinBase[c - '\u00C0'],
        _ => c,
    };
}
