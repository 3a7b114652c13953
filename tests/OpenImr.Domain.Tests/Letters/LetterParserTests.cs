using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Tests.Letters;

public class LetterParserTests
{
    private static Letter ParseSeed(string name)
    {
        var result = LetterParser.Parse(TestFiles.Read(name), Path.GetFileName(name));
        Assert.True(result.Succeeded, result.FirstError);
        return result.Letter!;
    }

    [Fact]
    public void Parse_Seed000_ReadsEveryStatedField()
    {
        var letter = ParseSeed(TestFiles.Seed000);

        Assert.Equal("000_02d198c2aeaf1f9d.txt", letter.Source);
        Assert.Equal(LetterFormats.Current, letter.Format);
        Assert.Null(letter.CaseNumber);
        Assert.Equal(new LetterDates(null, new DateOnly(2012, 1, 16), null, null, null), letter.Dates);
        Assert.Null(letter.Priority);
        Assert.Equal(["HI"], letter.Reviewer.Licensure);
        Assert.Equal(["Occupational Medicine"], letter.Reviewer.Specialties);
        Assert.Equal(new PatientDescription(52, "male"), letter.Patient);
        Assert.StartsWith("This patient is a 52 year old male with a date of injury of 1/16/2012. Medical documents", letter.ClinicalSummary);
        Assert.EndsWith("non-certified a request for 12 work conditioning and hardening sessions.", letter.ClinicalSummary);
        Assert.DoesNotContain('\n', letter.ClinicalSummary!);
        Assert.DoesNotContain("  ", letter.ClinicalSummary!, StringComparison.Ordinal);

        var item = Assert.Single(letter.Items);
        Assert.Equal("Work conditioning/hardening (12 sessions)", item.Request);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal("The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Physical Medicine.", item.ClaimsAdministratorGuideline);
        Assert.Equal("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 125-126. Decision based on Non-MTUS Citation ODG, Neck & Upper Back Chapter, Work Hardening/Conditioning.", item.ImrGuideline);
        Assert.Equal(
            [
                new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "125-126", null),
                new GuidelineCitation("ODG", "Official Disability Guidelines", null, null, "Neck & Upper Back Chapter, Work Hardening/Conditioning"),
            ],
            item.Citations);
        Assert.StartsWith("The medical documentation provided did not adequately address the Chronic Pain Medical Treatment Guidelines", item.Rationale);
        Assert.EndsWith("the request for 12 work conditioning/hardening sessions is not medically necessary.", item.Rationale);
    }

    [Fact]
    public void Parse_Seed001_ReadsCredentialsLabelsAndSummaryDates()
    {
        var letter = ParseSeed(TestFiles.Seed001);

        Assert.Equal(["CA"], letter.Reviewer.Licensure);
        Assert.Equal(["Physical Medicine & Rehabilitation"], letter.Reviewer.Specialties);
        Assert.Equal(new PatientDescription(36, "female"), letter.Patient);
        Assert.Equal(new DateOnly(2013, 8, 1), letter.Dates.Injury);
        Assert.StartsWith("The patient is a 36 year old female with an injury date of 08/01/13.", letter.ClinicalSummary);
        Assert.EndsWith("Treatment reports are provided from 08/18/14 and 11/11/14.", letter.ClinicalSummary);

        var item = Assert.Single(letter.Items);
        Assert.Equal("Work hardening physical therapy 2 times a week for 6 weeks", item.Request);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 125-126. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)- Physical Medicine guidelines- work conditioning", item.ClaimsAdministratorGuideline);
        Assert.Equal([new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "125-126", "Work conditioning, work hardening")], item.Citations);
        // "non- \n\nsurgical" is one word broken over a line and a noise line.
        Assert.Contains("non-surgical candidate", item.Rationale, StringComparison.Ordinal);
        Assert.EndsWith("The requested work hardening program IS NOT medically necessary.", item.Rationale);
    }

    [Fact]
    public void Parse_Seed002Markdown_ReadsHeaderAndStripsMarkup()
    {
        var letter = ParseSeed(TestFiles.Seed002);

        Assert.Equal(LetterFormats.Markdown, letter.Format);
        Assert.Equal("CM15-0174261", letter.CaseNumber);
        Assert.Equal(
            new LetterDates(new DateOnly(2015, 9, 16), new DateOnly(2015, 5, 14), new DateOnly(2015, 10, 23), new DateOnly(2015, 8, 27), new DateOnly(2015, 9, 4)),
            letter.Dates);
        Assert.Equal("standard", letter.Priority);
        Assert.Equal(["TX", "NY", "CA"], letter.Reviewer.Licensure);
        Assert.Equal(["Preventive Medicine", "Occupational Medicine"], letter.Reviewer.Specialties);
        Assert.Equal(PatientDescription.Unknown, letter.Patient);
        Assert.StartsWith("The applicant is a represented [REDACTED] beneficiary who has filed a claim", letter.ClinicalSummary);
        Assert.DoesNotContain("expert reviewer developed", letter.ClinicalSummary!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**", letter.ClinicalSummary!, StringComparison.Ordinal);

        var item = Assert.Single(letter.Items);
        Assert.Equal("10 work conditioning sessions", item.Request);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal("Decision based on MTUS Chronic Pain Medical Treatment 2009.", item.ClaimsAdministratorGuideline);
        Assert.Equal("Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Work conditioning, work hardening.", item.ImrGuideline);
        Assert.Equal([new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009", null, "Work conditioning, work hardening")], item.Citations);
        Assert.StartsWith("No, the request for 10 sessions of work conditioning was not medically necessary", item.Rationale);
        Assert.EndsWith("Therefore, the request was not medically necessary.", item.Rationale);
    }

    [Fact]
    public void Parse_Seed003_ReadsProseCredentialsAndTruncatedRequest()
    {
        var letter = ParseSeed(TestFiles.Seed003);

        Assert.Equal(["CA"], letter.Reviewer.Licensure);
        Assert.Equal(["Physical Medicine and Rehabilitation and Physical Medicine", "Interventional Spine"], letter.Reviewer.Specialties);
        Assert.Equal(new PatientDescription(52, "female"), letter.Patient);
        Assert.Equal(new DateOnly(2012, 1, 25), letter.Dates.Injury);

        var item = Assert.Single(letter.Items);
        Assert.Equal("60 hours or 24 sessions)", item.Request);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 49.", item.ClaimsAdministratorGuideline);
        Assert.Equal([new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "49", null)], item.Citations);
        Assert.EndsWith("Therefore, the requested services are not medically necessary at this time.", item.Rationale);
    }

    [Fact]
    public void Parse_Seed004_ReadsAcoemCitationAcrossPageBreak()
    {
        var letter = ParseSeed(TestFiles.Seed004);

        Assert.Equal(new PatientDescription(42, "male"), letter.Patient);
        Assert.Equal(new DateOnly(2013, 5, 6), letter.Dates.Injury);
        var item = Assert.Single(letter.Items);
        Assert.Equal("Additional Physical Therapy 2 times 4", item.Request);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(
            [
                new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "98-99", "Physical Therapy"),
                new GuidelineCitation("ACOEM", "ACOEM Occupational Medicine Practice Guidelines", "2nd Edition (2004)", "114", "Pain, Suffering, and the Restoration of Function Chapter 6"),
            ],
            item.Citations);
        Assert.StartsWith("CA MTUS stresses the importance of a time-limited treatment plan", item.Rationale);
    }

    [Fact]
    public void Parse_SyntheticNotice_ReadsNumberedFindingsAndRationales()
    {
        var result = LetterParser.Parse(TestFiles.Read(TestFiles.Notice), "notice-2013.txt");

        Assert.True(result.Succeeded, result.FirstError);
        var letter = result.Letter!;
        Assert.Equal(LetterFormats.Notice, letter.Format);
        Assert.Equal("CM13-0099001", letter.CaseNumber);
        Assert.Equal(
            new LetterDates(new DateOnly(2013, 9, 10), new DateOnly(2012, 2, 11), new DateOnly(2013, 11, 15), new DateOnly(2013, 8, 20), new DateOnly(2013, 9, 3)),
            letter.Dates);
        Assert.Equal("standard", letter.Priority);
        Assert.Equal(["CA", "NV"], letter.Reviewer.Licensure);
        Assert.Equal(["Physical Medicine and Rehabilitation"], letter.Reviewer.Specialties);
        Assert.Equal(new PatientDescription(47, "female"), letter.Patient);
        Assert.StartsWith("The synthetic patient is a 47-year-old female", letter.ClinicalSummary);
        Assert.Equal(2, letter.Items.Count);
        Assert.Equal("physical therapy 2 times a week for 4 weeks for the lumbar spine", letter.Items[0].Request);
        Assert.Equal(Decision.Upheld, letter.Items[0].Decision);
        Assert.Equal([new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "98-99", "Physical Medicine")], letter.Items[0].Citations);
        Assert.Equal("an MRI of the lumbar spine without contrast", letter.Items[1].Request);
        Assert.Equal(Decision.Overturned, letter.Items[1].Decision);
        Assert.Equal([new GuidelineCitation("MTUS", "Low Back Complaints", null, "303-305", "Special Studies")], letter.Items[1].Citations);
        Assert.StartsWith("Synthetic rationale. Unequivocal nerve findings", letter.Items[1].Rationale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t ")]
    public void Parse_EmptyText_ReportsEmptyError(string text)
    {
        var result = LetterParser.Parse(text);

        Assert.Null(result.Letter);
        Assert.Equal(LetterIssueCodes.Empty, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Parse_BinaryJunk_ReportsBinaryError()
    {
        var junk = new string(Enumerable.Range(0, 2000).Select(i => (char)(i * 7 % 32)).ToArray());

        var result = LetterParser.Parse(junk);

        Assert.Null(result.Letter);
        Assert.Equal(LetterIssueCodes.Binary, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [MemberData(nameof(TestFiles.SeedNames), MemberType = typeof(TestFiles))]
    public void Parse_SeedWithItsLineBreaksLost_ReadsTheSameItemsAndDecisions(string seed)
    {
        var original = LetterParser.Parse(TestFiles.Read(seed)).Letter!;
        // As text copied from a web page arrives: every line break gone, the headings running on mid-line.
        var runOn = string.Join(" ", TestFiles.Read(seed).Split('\n').Select(l => l.Trim()));

        var result = LetterParser.Parse(runOn);

        var letter = Assert.IsType<Letter>(result.Letter);
        Assert.Equal(original.CaseNumber, letter.CaseNumber);
        Assert.Equal(original.Items.Select(i => (i.Request, i.Decision)), letter.Items.Select(i => (i.Request, i.Decision)));
        Assert.Equal(original.Items.Select(i => i.Citations.Count > 0), letter.Items.Select(i => i.Citations.Count > 0));
        Assert.False(string.IsNullOrWhiteSpace(letter.ClinicalSummary));
    }

    [Fact]
    public void Parse_UnrelatedText_ReportsNotALetter()
    {
        var result = LetterParser.Parse("Minutes of the garden committee.\nWe agreed to plant tomatoes.\n");

        Assert.Null(result.Letter);
        Assert.Equal(LetterIssueCodes.NotALetter, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Parse_LetterCutBeforeIssuesSection_ReportsNoIssuesSection()
    {
        var seed = TestFiles.Read(TestFiles.Seed002);
        var cut = seed[..seed.IndexOf("### IMR ISSUES", StringComparison.Ordinal)];

        var result = LetterParser.Parse(cut);

        Assert.Null(result.Letter);
        Assert.Contains(result.Issues, issue => issue.Code == LetterIssueCodes.NoIssuesSection && issue.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Parse_IssuesSectionWithoutDecisions_ReportsNoDecisions()
    {
        var seed = TestFiles.Read(TestFiles.Seed002);
        var withoutDecision = seed.Replace("**10 work conditioning sessions:** Upheld", "**10 work conditioning sessions**", StringComparison.Ordinal);

        var result = LetterParser.Parse(withoutDecision);

        Assert.Null(result.Letter);
        Assert.Contains(result.Issues, issue => issue.Code == LetterIssueCodes.NoDecisions);
    }

    [Fact]
    public void Parse_HeaderLabelsAndValuesInSeparateBlocks_ReadsEveryField()
    {
        const string header = """
            Case Number:
            Date Assigned:
            Decision Date:
            Priority:

            CM16-0000001
            12/06/2016
            01/04/2017
            Expedited

            Date of Injury:
            UR Denial Date:
            Application
            Received:

            11/01/2016
            12/01/2016
            12/02/2016

            """;
        var body = TestFiles.Read(TestFiles.Seed002);
        body = body[body.IndexOf("### HOW THE IMR", StringComparison.Ordinal)..];

        var letter = LetterParser.Parse(header + body).Letter;

        Assert.NotNull(letter);
        Assert.Equal("CM16-0000001", letter.CaseNumber);
        Assert.Equal("expedited", letter.Priority);
        Assert.Equal(
            new LetterDates(new DateOnly(2016, 12, 6), new DateOnly(2016, 11, 1), new DateOnly(2017, 1, 4), new DateOnly(2016, 12, 1), new DateOnly(2016, 12, 2)),
            letter.Dates);
    }

    [Fact]
    public void Parse_ApplicationReceivedLabelWrappedInLayout_ReadsDate()
    {
        const string header = """
            Case Number:      CM16-0000002
            Date Assigned:    12/06/2016              Date of Injury:    11/01/2016
            Decision Date:    01/04/2017              UR Denial Date:    12/01/2016
            Priority:         Standard                Application        12/03/2016
                                                      Received:

            """;
        var body = TestFiles.Read(TestFiles.Seed002);
        body = body[body.IndexOf("### HOW THE IMR", StringComparison.Ordinal)..];

        var letter = LetterParser.Parse(header + body).Letter;

        Assert.NotNull(letter);
        Assert.Equal(new DateOnly(2016, 12, 3), letter.Dates.ApplicationReceived);
        Assert.Equal(new DateOnly(2016, 11, 1), letter.Dates.Injury);
    }

    [Fact]
    public void Parse_UnreadableHeaderDate_WarnsAndLeavesNull()
    {
        var text = TestFiles.Read(TestFiles.Seed002).Replace("10/23/2015", "10/45/2015", StringComparison.Ordinal);

        var result = LetterParser.Parse(text);

        Assert.NotNull(result.Letter);
        Assert.Null(result.Letter.Dates.Decision);
        Assert.Contains(result.Issues, issue => issue.Code == LetterIssueCodes.UnreadableDate && issue.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void Parse_DecisionOnLineAfterWrappedRequest_ReadsRemainingPortion()
    {
        const string text = """
            IMR ISSUES, DECISIONS AND RATIONALES
            The Final Determination was based on decisions for the disputed items/services set forth below:

            Physical therapy to the low back eight sessions was the original request. Physical therapy to
            the low back six sessions was authorized by the Claims Administrator. The remaining IMR
            eligible portion of the original request, Physical therapy to the low back two sessions is:
            Upheld

            Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.

            MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
            Section(s): Physical medicine treatment.

            Decision rationale: Synthetic rationale: two more sessions are not supported.
            Purchase of a shower chair was the original request. The Claims Administrator authorized a
            shower chair for 1 month, leaving the original request IMR eligible. The original request,
            purchase of a shower chair is: Overturned

            Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.

            MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.

            Decision rationale: Synthetic rationale: the chair is supported.
            """;

        var letter = LetterParser.Parse(text).Letter;

        Assert.NotNull(letter);
        Assert.Equal(2, letter.Items.Count);
        Assert.Equal("Physical therapy to the low back two sessions", letter.Items[0].Request);
        Assert.Equal(Decision.Upheld, letter.Items[0].Decision);
        Assert.Equal("Synthetic rationale: two more sessions are not supported.", letter.Items[0].Rationale);
        Assert.Equal("purchase of a shower chair", letter.Items[1].Request);
        Assert.Equal(Decision.Overturned, letter.Items[1].Decision);
        Assert.Empty(letter.Items[1].Citations);
    }

    [Fact]
    public void Parse_PageBreaksAndPageNumbers_AreDropped()
    {
        var text = TestFiles.Read(TestFiles.Seed002)
            .Replace("The applicant's attorney subsequently appealed.", "The applicant's attorney\n\f\nPage 2 of 3\nsubsequently appealed.", StringComparison.Ordinal);

        var letter = LetterParser.Parse(text).Letter;

        Assert.NotNull(letter);
        Assert.Contains("The applicant's attorney subsequently appealed.", letter.ClinicalSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 2", letter.ClinicalSummary!, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlLetter_ReadsLikeMarkdown()
    {
        var markdown = LetterParser.Parse(TestFiles.Read(TestFiles.Seed002)).Letter!;
        var html = LetterRenderer.Render(markdown, LetterFormat.Html);

        var letter = LetterParser.Parse(html).Letter;

        Assert.NotNull(letter);
        Assert.Equal(markdown.CaseNumber, letter.CaseNumber);
        Assert.Equal(markdown.Items[0].Rationale, letter.Items[0].Rationale);
    }
}
