using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// Reads a published Final Determination Letter, in any layout the project knows
/// (<see cref="LetterFormats"/>), from its text. Collects every problem rather than stopping
/// at the first; returns a letter whenever the letter's decisions could be read.
/// </summary>
public static partial class LetterParser
{
    private const string StandardSummaryOpening =
        "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";

    /// <summary>Reads a letter from its text (PDF text, plain text, Markdown or HTML).</summary>
    /// <param name="text">The letter's text; PDFs are turned into text by the host first.</param>
    /// <param name="source">The file or name the text came from, carried into <see cref="Letter.Source"/>.</param>
    public static LetterParseResult Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issues = new List<LetterParseIssue>();
        if (text.AsSpan().Trim().IsEmpty)
        {
            issues.Add(new(LetterIssueCodes.Empty, IssueSeverity.Error, "the file is empty"));
            return new(null, issues);
        }

        if (LooksBinary(text))
        {
            issues.Add(new(LetterIssueCodes.Binary, IssueSeverity.Error, "the file is binary, not a letter's text or a PDF"));
            return new(null, issues);
        }

        var letterText = LetterText.From(text);
        if (FindHeading(letterText.Lines, IssuesHeading(), 0) < 0 && RunOnHeading().IsMatch(text))
        {
            // Text copied from a web page loses its line breaks: the headings and fields run on mid-line. Put the
            // breaks back where the layout's own headings and labels stand, then read it as any other letter.
            letterText = LetterText.From(RestoreLineBreaks(text));
        }

        if (NoticeLayout.Recognises(letterText))
        {
            return NoticeLayout.Read(letterText, source, issues);
        }

        return ReadCurrentLayout(letterText, source, issues);
    }

    private static LetterParseResult ReadCurrentLayout(LetterText text, string? source, List<LetterParseIssue> issues)
    {
        var lines = text.Lines;
        var how = FindHeading(lines, HowHeading(), 0);
        var summary = FindHeading(lines, SummaryHeading(), 0);
        var decisions = FindHeading(lines, IssuesHeading(), 0);
        if (how < 0 && summary < 0 && decisions < 0 && !HeaderLabel().IsMatch(string.Join('\n', lines.Take(40))))
        {
            issues.Add(new(LetterIssueCodes.NotALetter, IssueSeverity.Error,
                "not an IMR determination letter: none of its sections (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) is present"));
            return new(null, issues);
        }

        if (decisions < 0)
        {
            issues.Add(new(LetterIssueCodes.NoIssuesSection, IssueSeverity.Error,
                "the letter has no 'IMR ISSUES, DECISIONS AND RATIONALES' section, so no decision can be read (is the file cut short?)"));
            return new(null, issues);
        }

        var firstSection = new[] { how, summary, decisions }.Where(i => i >= 0).Min();
        var header = LetterHeader.Read(lines, 0, firstSection, issues);

        var credentials = how >= 0
            ? ReviewerCredentialsReader.Read(LetterText.Flow(Slice(lines, how + 1, NextSection(how, summary, decisions, lines.Count))))
            : ReviewerCredentials.None;

        string? clinicalSummary = null;
        if (summary >= 0)
        {
            var end = decisions > summary ? decisions : lines.Count;
            var paragraphs = text.Paragraphs(summary + 1, end);
            clinicalSummary = RemoveOpening(RemoveOpening(paragraphs, StandardSummaryOpening) ?? "", LetterRenderer.SummaryOpening);
        }

        if (clinicalSummary is null)
        {
            issues.Add(new(LetterIssueCodes.MissingSummary, IssueSeverity.Warning, "the letter has no clinical case summary"));
        }

        var items = LetterItemsReader.Read(text, decisions + 1, lines.Count, issues);
        if (items.Count == 0)
        {
            issues.Add(new(LetterIssueCodes.NoDecisions, IssueSeverity.Error,
                "the issues section decides no item: no 'request: Upheld' or 'request: Overturned' line was found", decisions + 1));
            return new(null, issues);
        }

        var patient = SummaryFacts.Patient(clinicalSummary);
        var dates = header.Dates;
        if (dates.Injury is null && SummaryFacts.InjuryDate(clinicalSummary) is { } injury)
        {
            dates = dates with { Injury = injury };
        }

        if (header.CaseNumber is null && header.HasHeader)
        {
            issues.Add(new(LetterIssueCodes.MissingCaseNumber, IssueSeverity.Warning, "the header states no case number"));
        }

        var format = text.HadMarkup ? LetterFormats.Markdown : LetterFormats.Current;
        var letter = new Letter(source, format, header.CaseNumber, dates, header.Priority, credentials, patient, clinicalSummary, items);
        return new(letter, issues);
    }

    internal static IEnumerable<string> Slice(IReadOnlyList<string> lines, int start, int end)
    {
        for (var i = Math.Max(start, 0); i < Math.Min(end, lines.Count); i++)
        {
            yield return lines[i];
        }
    }

    internal static int FindHeading(IReadOnlyList<string> lines, Regex heading, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Length < 120 && heading.IsMatch(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string? RemoveOpening(string text, string opening)
    {
        var pattern = Openings.GetOrAdd(opening, static o => new Regex(
            @"^\s*" + string.Join(@"\s+", o.Split(' ').Select(Regex.Escape)) + @"\s*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
        var stripped = pattern.Replace(text, "", 1).Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Openings = new(StringComparer.Ordinal);

    private static int NextSection(int after, int summary, int decisions, int count)
    {
        var candidates = new[] { summary, decisions }.Where(i => i > after);
        return candidates.Any() ? candidates.Min() : count;
    }

    private static bool LooksBinary(string text)
    {
        var probe = text.AsSpan(0, Math.Min(text.Length, 4096));
        var control = 0;
        foreach (var c in probe)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                control++;
            }
            else if (c == '\uFFFD')
            {
                control++;
            }
        }

        return control > probe.Length / 20;
    }

    /// <summary>
    /// The letter's text with a line break before and after each section heading, before each item field label, after
    /// the sentence that opens the decisions, and around each request's "REQUEST: Upheld" line.
    /// </summary>
    internal static string RestoreLineBreaks(string text)
    {
        var broken = RunOnHeading().Replace(text, m => $"\n\n{m.Value.Trim()}\n\n");
        broken = RunOnLabel().Replace(broken, m => $"\n\n{m.Value.TrimStart()}");
        broken = DecisionsOpening().Replace(broken, m => $"{m.Value.TrimEnd()}\n\n");
        // A request ends in ": Upheld" or ": Overturned" just before the item's first label, and begins after the last
        // sentence of whatever stands before it on the line (the previous rationale, or the decisions' opening).
        var lines = broken.Split('\n').Select(line =>
        {
            var decision = RunOnDecision().Match(line);
            if (!decision.Success || decision.Index == 0)
            {
                return line;
            }

            var before = line[..decision.Index];
            var sentenceEnd = SentenceEnd().Matches(before).LastOrDefault();
            var cut = sentenceEnd is null ? 0 : sentenceEnd.Index + sentenceEnd.Length;
            return $"{before[..cut].TrimEnd()}\n\n{before[cut..].Trim()}{decision.Value.TrimEnd()}";
        });
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\s*#{0,6}\s*(?:HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex RunOnHeading();

    [GeneratedRegex(@"\s+(?=[*_]{0,3}(?:Claims Administrator guideline|(?:MAXIMUS|IMR|Expert Reviewer) guideline|Decision rationale)\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex RunOnLabel();

    // The sentence that opens the decisions introduces their list and ends in "below:"; the first request follows it.
    [GeneratedRegex(@"\bbelow:\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionsOpening();

    [GeneratedRegex(@"\s*:[*_]{0,3}\s*(?:Upheld|Overturned)\s*\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RunOnDecision();

    [GeneratedRegex(@"[.!?][)""']?\s+(?=[A-Z0-9(])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s*HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex HowHeading();

    [GeneratedRegex(@"^\s*CLINICAL\s+CASE\s+SUMMARY\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SummaryHeading();

    [GeneratedRegex(@"^\s*IMR\s+ISSUES,?\s+DECISIONS,?\s+AND\s+RATIONALES?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex IssuesHeading();

    [GeneratedRegex(@"Case\s+Number:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLabel();
}
