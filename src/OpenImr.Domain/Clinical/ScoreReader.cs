using System.Globalization;

namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads scores written as numbers: pain "3/10", "7-8/10", "3 out of 10" as <see cref="FactKinds.ResponsePainScore"/>
/// (the upper bound of a range; with or without medication when the words before say so), and, in a
/// sentence about strength, a grade "4/5" as <see cref="FactKinds.NeuroWeakness"/> ("5/5" negates it).
/// </summary>
internal static class ScoreReader
{
    // How many characters before a pain score "with medication" may stand.
    private const int MedicationWindow = 30;
    private const string OutOfTen = " out of 10";

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        var text = sentence.Text.Text;
        var start = sentence.Start;
        var end = sentence.End;
        var hasStrength = sentence.Tokens.Exists(t => t.Value.StartsWith("strength", StringComparison.Ordinal) || t.Value is "motor" or "weakness");
        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > start && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] is '/' or '.')))
            {
                continue;
            }

            var p = i;
            var value = ReadDecimal(text, ref p, end);
            decimal? upper = null;
            if (p + 1 < end && text[p] == '-' && char.IsAsciiDigit(text[p + 1]))
            {
                p++;
                upper = ReadDecimal(text, ref p, end);
            }

            var modifier = p < end && text[p] is '+' or '-' ? 1 : 0;
            var q = p + modifier;
            var denominator = 0;
            if (q + 1 < end && text[q] == '/' && char.IsAsciiDigit(text[q + 1]))
            {
                q++;
                var d = ReadDecimal(text, ref q, end);
                denominator = d is 10 or 5 ? (int)d : 0;
            }
            else if (q + OutOfTen.Length <= end && text.AsSpan(q, OutOfTen.Length).Equals(OutOfTen, StringComparison.OrdinalIgnoreCase))
            {
                q += OutOfTen.Length;
                denominator = 10;
            }

            if (denominator == 0 || (q < end && (char.IsAsciiDigit(text[q]) || text[q] == '/')))
            {
                i = Math.Max(i, p - 1);
                continue;
            }

            var score = upper ?? value;
            var tokenIndex = sentence.TokenAt(i);
            if (denominator == 10 && score <= 10)
            {
                var windowStart = Math.Max(start, i - MedicationWindow);
                var window = text.AsSpan(windowStart, i - windowStart);
                string? with = window.Contains("without medication", StringComparison.OrdinalIgnoreCase) ? "without-medication"
                    : window.Contains("with medication", StringComparison.OrdinalIgnoreCase) ? "with-medication" : null;
                facts.Add(new ClinicalFact(FactKinds.ResponsePainScore, Clinical(sentence.Status.StatusOf(tokenIndex, 1)))
                {
                    Number = score,
                    Value = with,
                    Trigger = text[i..q],
                    Evidence = sentence.Evidence,
                });
            }
            else if (denominator == 5 && hasStrength && score <= 5)
            {
                var status = score == 5 && modifier == 0 ? FactStatus.Negated : FactStatus.Affirmed;
                facts.Add(new ClinicalFact(FactKinds.NeuroWeakness, status) { Number = score, Trigger = text[i..q], Evidence = sentence.Evidence });
            }

            i = q - 1;
        }
    }

    // A stated score is a finding even in a hedged or without-medication sentence; only other-person and review-process statuses stick.
    private static FactStatus Clinical(FactStatus status) =>
        status is FactStatus.OtherPerson or FactStatus.NotAboutPatient ? status : FactStatus.Affirmed;

    private static decimal ReadDecimal(string text, ref int p, int end)
    {
        var start = p;
        while (p < end && p - start < 6 && (char.IsAsciiDigit(text[p]) || (text[p] == '.' && p + 1 < end && char.IsAsciiDigit(text[p + 1]))))
        {
            p++;
        }

        return decimal.TryParse(text.AsSpan(start, p - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
