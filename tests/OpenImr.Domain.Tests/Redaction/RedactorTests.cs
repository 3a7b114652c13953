using System.Text.RegularExpressions;
using CsCheck;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Redaction;

namespace OpenImr.Domain.Tests.Redaction;

/// <summary>
/// Personal data removed from public text (issue 16). Every name, number and address here is
/// synthetic: invented for the test, with "Synthetic" or unpronounceable syllables in it.
/// </summary>
public class RedactorTests
{
    private static readonly Case SyntheticCase = new()
    {
        CaseNumber = "CM-SYN-0001",
        ClaimNumber = "WC-77-4412-98",
        Worker = new CaseWorker
        {
            Name = "Amaranth Quillon Fenwick-Okonkwo",
            Address = "1428 Zephyrine Street, Apt 5, Synthetic Falls, CA 90000",
            DateOfBirth = new DateOnly(1961, 3, 7),
            Phone = "(555) 010-0142",
            Email = "amaranth.synthetic@example.test",
        },
        Parties = new CaseParties
        {
            Employer = "Acme Synthetic Freight, Inc.",
            Insurer = "Synthetic Mutual Insurance Company",
            RequestingPhysician = "Dr. Jane Q. Roe, MD",
            Attorney = "Bartholomew Xylander",
            Facility = "Synthetic Valley Clinic",
        },
    };

    private static readonly Redactor CaseRedactor = Redactor.For(RedactionSubjects.Of(SyntheticCase, "Orsolya Vantrekker"));

    [Theory]
    [InlineData("Amaranth Quillon Fenwick-Okonkwo was seen.", "[redacted] was seen.")]
    [InlineData("AMARANTH FENWICK-OKONKWO was seen.", "[redacted] was seen.")]
    [InlineData("amaranth fenwick-okonkwo was seen.", "[redacted] was seen.")]
    [InlineData("Amaranth  Fenwick -\nOkonkwo was seen.", "[redacted] was seen.")]
    [InlineData("Fenwick Okonkwo was seen.", "[redacted] was seen.")]
    [InlineData("FenwickOkonkwo was seen.", "[redacted] was seen.")]
    [InlineData("Fenwick-Okonkwo's pain persists.", "[redacted]'s pain persists.")]
    [InlineData("Fenwick-Okonkwo’s pain persists.", "[redacted]’s pain persists.")]
    [InlineData("Fenwick-Okonkwo, Amaranth Q. was seen.", "[redacted] was seen.")]
    [InlineData("Okonkwo reports pain.", "[redacted] reports pain.")]
    [InlineData("Per FENWICK the pain persists.", "Per [redacted] the pain persists.")]
    [InlineData("Amaranth reports pain.", "[redacted] reports pain.")]
    [InlineData("A. Fenwick-Okonkwo reports pain.", "[redacted] reports pain.")]
    [InlineData("Ms. Fenwick-Okonkwo reports pain.", "Ms. [redacted] reports pain.")]
    [InlineData("Amaránth Fenwíck-Okonkwo was seen.", "[redacted] was seen.")]
    public void Redact_WorkerNameInAnySpelling_IsRemoved(string text, string expected) =>
        Assert.Equal(expected, CaseRedactor.Redact(text));

    [Theory]
    [InlineData("Employer Acme Synthetic Freight reported it.", "Employer [redacted] reported it.")]
    [InlineData("ACME SYNTHETIC FREIGHT LLC reported it.", "[redacted] reported it.")]
    [InlineData("Acme Synthetic Freight Corp. reported it.", "[redacted] reported it.")]
    [InlineData("The Acme Synthetic Freight Co reported it.", "[redacted] reported it.")]
    [InlineData("Synthetic Mutual Insurance Co. denied it.", "[redacted] denied it.")]
    [InlineData("Seen at synthetic valley clinic.", "Seen at [redacted].")]
    [InlineData("Dr. Roe requested an MRI.", "Dr. [redacted] requested an MRI.")]
    [InlineData("Jane Roe, MD requested an MRI.", "[redacted], MD requested an MRI.")]
    [InlineData("Attorney Xylander appealed.", "Attorney [redacted] appealed.")]
    [InlineData("Reviewed by Orsolya Vantrekker.", "Reviewed by [redacted].")]
    public void Redact_PartiesAndProviders_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, CaseRedactor.Redact(text));

    [Theory]
    [InlineData("Claim WC-77-4412-98 is open.")]
    [InlineData("Claim WC77441298 is open.")]
    [InlineData("Ref wc 77 4412 98 is open.")]
    [InlineData("Ref WC.77.4412.98 is open.")]
    [InlineData("Call (555) 010-0142 today.")]
    [InlineData("Call 5550100142 today.")]
    [InlineData("Write to amaranth.synthetic@example.test today.")]
    [InlineData("She lives at 1428 Zephyrine Street, Apt 5, Synthetic Falls, CA 90000 today.")]
    [InlineData("She lives at 1428 zephyrine st today.")]
    [InlineData("Born 3/7/1961 today.")]
    [InlineData("Born 03-07-61 today.")]
    [InlineData("Born 1961-03-07 today.")]
    [InlineData("Born March 7, 1961 today.")]
    [InlineData("Born Mar. 7th 1961 today.")]
    [InlineData("Born 7 March 1961 today.")]
    public void Redact_NumbersAddressesAndDatesTheCaseGives_AreRemovedInEverySpelling(string text)
    {
        var redacted = CaseRedactor.Redact(text);

        Assert.Contains("[redacted]", redacted, StringComparison.Ordinal);
        Assert.EndsWith(" today.", redacted.Replace(" is open.", " today.", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"4412|0142|1428|1961|\b61\b|zephyrine|amaranth", redacted.ToLowerInvariant());
    }

    [Theory]
    [InlineData("Patient: Zorvex Quintalle, 52, male.", "Patient: [redacted], 52, male.")]
    [InlineData("PATIENT: ZORVEX QUINTALLE was seen.", "PATIENT: [redacted] was seen.")]
    [InlineData("Mr. Zorvex Quintalle reports pain.", "Mr. [redacted] reports pain.")]
    [InlineData("MRS. QUINTALLE reports pain.", "MRS. [redacted] reports pain.")]
    [InlineData("Dr. Yvessa K. Tromblay examined the knee.", "Dr. [redacted] examined the knee.")]
    [InlineData("Yvessa Tromblay, D.C. adjusted the spine.", "[redacted], D.C. adjusted the spine.")]
    [InlineData("Employer: Zorvex Logistics Inc. modified duty.", "Employer: [redacted] modified duty.")]
    [InlineData("Under claim SYN4417702 the UR denied it.", "Under claim [redacted] the UR denied it.")]
    [InlineData("Claim #: SYN-44-177 open.", "Claim #: [redacted] open.")]
    [InlineData("WCAB case ADJ9912345 was filed.", "WCAB case [redacted] was filed.")]
    [InlineData("SSN 000-12-3456 on file.", "SSN [redacted] on file.")]
    [InlineData("SSN: xxx-xx-3456 on file.", "SSN: [redacted] on file.")]
    [InlineData("Call (555) 010-0199 or 555.010.0188 or +1 555 010 0177.", "Call [redacted] or [redacted] or [redacted].")]
    [InlineData("DOB: 01/02/1960.", "DOB: [redacted].")]
    [InlineData("Date of birth: January 2, 1960.", "Date of birth: [redacted].")]
    [InlineData("E-mail zq@synthetic.example for records.", "E-mail [redacted] for records.")]
    [InlineData("Lives at 77 Synthetic Orchard Lane, Apt 3B.", "Lives at [redacted].")]
    [InlineData("Mail to P.O. Box 4412, Synthetic Falls, CA 90000.", "Mail to [redacted], [redacted].")]
    [InlineData("MRN: A123456 seen.", "MRN: [redacted] seen.")]
    public void Redact_PersonalDataTheTextMarks_IsRemovedUntold(string text, string expected) =>
        Assert.Equal(expected, Redactor.Unmarked.Redact(text));

    [Theory]
    [InlineData("The applicant is a represented beneficiary who has filed a claim for chronic low back pain (LBP) reportedly associated with an industrial injury of May 14, 2015.")]
    [InlineData("In a Utilization Review report dated August 27, 2015, the claims administrator failed to approve a request for 10 sessions of work conditioning.")]
    [InlineData("MRI of the lumbar spine on 05/14/2015 showed L4-5 disc protrusion.")]
    [InlineData("MTUS Chronic Pain Medical Treatment Guidelines, pages 98-99, allow 9-10 visits over 8 weeks.")]
    [InlineData("The MS Contin dose was 30 mg twice daily; EMG/NCS of the upper extremities was requested.")]
    [InlineData("Drug name: tramadol 50 mg.")]
    [InlineData("Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.")]
    [InlineData("He will return in 2 weeks; back pain is 6/10 with walking and neck pain 4/10.")]
    [InlineData("The claim was accepted on 2015-05-14 for the back.")]
    [InlineData("He completed 12 sessions to date with improvement, 2 times a week for 6 weeks.")]
    public void Redact_ClinicalContent_IsKept(string text) =>
        Assert.Equal(text, CaseRedactor.Redact(text));

    [Theory]
    [InlineData("Dr Quenbright")]
    [InlineData("Quenbright, MD")]
    public void Redact_OneWordNameWithTitleOrDegree_IsFoundAloneAsAPerson(string party) =>
        Assert.Equal("Per [redacted] the therapy helped.", Redactor.For(RedactionSubjects.FromNames([party])).Redact("Per Quenbright the therapy helped."));

    [Theory]
    [InlineData("The grant of a cane gives hope to the walker.", "The grant of a cane gives hope to the walker.")]
    [InlineData("Walker reports pain; GRANT WALKER was seen; grant walker's knee.", "[redacted] reports pain; [redacted] was seen; [redacted]'s knee.")]
    public void Redact_NamePartThatIsAWord_IsRemovedCapitalisedButKeptAsTheWord(string text, string expected) =>
        Assert.Equal(expected, Redactor.For(new RedactionSubjects { People = ["Grant Hope Walker"] }).Redact(text));

    [Fact]
    public void Redact_ShortNumberOfDigitsOnly_IsNotLookedFor() =>
        Assert.Equal("Injured in 2015, on 2015 mg of nothing.", Redactor.For(new RedactionSubjects { Numbers = ["2015"] }).Redact("Injured in 2015, on 2015 mg of nothing."));

    [Fact]
    public void Redact_CaseNumberOfTheLetter_IsKept() =>
        Assert.Equal("IMR case CM-SYN-0001 was decided.", CaseRedactor.Redact("IMR case CM-SYN-0001 was decided."));

    [Fact]
    public void Redact_HostileRunsOfLettersSpacesAndLabels_EndsWithoutTheRegexTimeout()
    {
        // Note that a pattern that backtracks over a run would pass the five-second timeout on these and throw.
        var hostile = "Fenwick" + new string(' ', 200_000) + "x Dr." + new string(' ', 100_000) + "Roe" + new string('A', 100_000) + " "
            + string.Concat(Enumerable.Repeat("Aa ", 100_000)) + new string('9', 100_000) + string.Concat(Enumerable.Repeat("Patient: ", 10_000))
            + new string('-', 100_000) + string.Concat(Enumerable.Repeat("claim ", 10_000)) + string.Concat(Enumerable.Repeat("1 Aaa ", 10_000));

        var redacted = CaseRedactor.Redact(hostile);

        Assert.NotEmpty(redacted);
    }

    private static readonly string[] Syllables = ["zor", "vex", "qua", "lix", "tam", "bry", "koz", "yul", "dre", "phi", "wex", "nox", "jub", "trz", "oqu"];

    private static readonly Gen<string> SyntheticWord =
        Gen.Int[0, Syllables.Length - 1].Array[2, 3].Select(parts => Capitalise(string.Concat(parts.Select(p => Syllables[p]))));

    private static readonly Gen<(string Given, string Surname)> SyntheticName =
        Gen.Select(SyntheticWord, SyntheticWord, SyntheticWord, Gen.Int[0, 2], (given, first, second, kind) =>
            (given, kind switch { 0 => first, 1 => $"{first}-{second}", _ => $"O'{first}" }));

    /// <summary>Ways a record or a rationale writes a name: capitals, lower case, spacing, hyphens, possessive, surname first, parts.</summary>
    private static readonly Func<string, string, string>[] Spellings =
    [
        (g, s) => $"{g} {s}",
        (g, s) => $"{g} {s}".ToUpperInvariant(),
        (g, s) => $"{g} {s}".ToLowerInvariant(),
        (g, s) => $"{g}\n  {s}",
        (g, s) => $"{s}'s",
        (g, s) => $"{s}’s",
        (g, s) => $"{s}, {g}",
        (g, s) => $"{g[0]}. {s}",
        (g, s) => s.Replace("-", " - ", StringComparison.Ordinal),
        (g, s) => s.Replace("-", " ", StringComparison.Ordinal),
        (g, s) => s.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(),
        (g, s) => s.Split('-')[^1],
        (g, s) => g,
        (g, s) => $"Ms. {s}",
        (g, s) => $"{s.ToUpperInvariant()}'S",
        (g, s) => $"{g} {s.Replace("'", "’", StringComparison.Ordinal)}",
        (g, s) => s.Replace("'", "", StringComparison.Ordinal),
    ];

    [Fact]
    public void Redact_GeneratedNamesInEverySpelling_LeaveNoPartOfTheName() =>
        Gen.Select(SyntheticName, Gen.Int[0, Spellings.Length - 1]).Sample((name, spelling) =>
        {
            var redactor = Redactor.For(new RedactionSubjects { People = [$"{name.Given} {name.Surname}"] });
            var text = $"Synthetic note: {Spellings[spelling](name.Given, name.Surname)} reported low back pain after lifting.";

            var redacted = redactor.Redact(text);

            foreach (var part in name.Surname.Split('-').Append(name.Given).Append(name.Surname.Replace("O'", "", StringComparison.Ordinal)))
            {
                Assert.DoesNotMatch($@"(?i)\b{Regex.Escape(part)}\b", redacted);
            }

            Assert.StartsWith("Synthetic note: ", redacted, StringComparison.Ordinal);
            Assert.EndsWith(" reported low back pain after lifting.", redacted, StringComparison.Ordinal);
        }, iter: 1000);

    private static readonly Gen<string> SyntheticClaimNumber =
        Gen.Select(Gen.Char['A', 'Z'].Array[2].Select(c => new string(c)), Gen.Int[10, 99], Gen.Int[1000, 9999], Gen.Int[10, 99],
            (prefix, a, b, c) => $"{prefix}-{a}-{b}-{c}");

    private static readonly Func<string, string>[] NumberSpellings =
    [
        n => n,
        n => n.Replace("-", "", StringComparison.Ordinal),
        n => n.Replace("-", " ", StringComparison.Ordinal),
        n => n.Replace("-", ".", StringComparison.Ordinal),
        n => n.ToLowerInvariant(),
        n => n.Replace("-", "/", StringComparison.Ordinal),
        n => $"{n[..2]} {n[2..].Replace("-", "", StringComparison.Ordinal)}",
    ];

    [Fact]
    public void Redact_GeneratedClaimNumbersInEverySpelling_LeaveNoDigitsOfTheNumber() =>
        Gen.Select(SyntheticClaimNumber, Gen.Int[0, NumberSpellings.Length - 1]).Sample((number, spelling) =>
        {
            var redactor = Redactor.For(new RedactionSubjects { Numbers = [number] });

            var redacted = redactor.Redact($"Synthetic file {NumberSpellings[spelling](number)} was reviewed.");

            Assert.Equal("Synthetic file [redacted] was reviewed.", redacted);
        }, iter: 500);

    [Fact]
    public void Find_Spans_AreOrderedAndDoNotOverlap()
    {
        var spans = CaseRedactor.Find("Dr. Jane Q. Roe, MD saw Amaranth Fenwick-Okonkwo (DOB 3/7/1961) at 1428 Zephyrine St.");

        Assert.NotEmpty(spans);
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i].Start > spans[i - 1].End);
        }
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
