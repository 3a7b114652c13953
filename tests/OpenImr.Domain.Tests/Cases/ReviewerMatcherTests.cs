using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class ReviewerMatcherTests
{
    private static readonly Case Dispute = new()
    {
        CaseNumber = "CM15-0174261",
        Parties = new CaseParties
        {
            Employer = "Acme Widgets, Inc.",
            Insurer = "Golden State Insurance Company",
            ClaimsAdministrator = "Pacific Claims Services LLC",
            RequestingPhysician = "Dr. Jane Q. Smith, M.D.",
            Facility = "Valley Surgery Center",
            Attorney = "Lopez & Partners",
        },
        Requests = [new CaseRequest { Description = "12 physical therapy visits" }],
    };

    private static Reviewer Qualified(string id, params string[] specialties) => new(id, $"Dr. {id}")
    {
        Licensure = ["CA"],
        Specialties = specialties,
        YearsInActivePractice = 12,
        HoursPerWeek = 40,
    };

    private static IEnumerable<string> Codes(ReviewerCheck check) => check.Reasons.Select(r => r.Code);

    [Fact]
    public void Check_QualifiedWithoutAffiliations_CanReview()
    {
        var check = ReviewerMatcher.Check(Qualified("rv-1", "Occupational Medicine"), Dispute, ["physical-medicine/therapy"]);

        Assert.True(check.CanReview);
        Assert.True(check.Qualified);
        Assert.False(check.HasConflict);
        Assert.Equal("rv-1", check.ReviewerId);
    }

    [Theory]
    [InlineData(5, ReviewerCodes.Experience)]
    [InlineData(6, null)]
    public void Check_FiveYearsOfPractice_IsNotMoreThanFive(int years, string? code)
    {
        var check = ReviewerMatcher.Check(Qualified("rv-1", "PM&R") with { YearsInActivePractice = years }, Dispute);

        Assert.Equal(code is null ? [] : [code], Codes(check));
    }

    [Theory]
    [InlineData(23, ReviewerCodes.Hours)]
    [InlineData(24, null)]
    public void Check_HoursPerWeek_AtLeast24(int hours, string? code) =>
        Assert.Equal(code is null ? [] : [code], Codes(ReviewerMatcher.Check(Qualified("rv-1", "PM&R") with { HoursPerWeek = hours }, Dispute)));

    [Fact]
    public void Check_NothingDeclared_EveryQualificationReason()
    {
        var check = ReviewerMatcher.Check(new Reviewer("rv-1", "Dr. Nobody") { Licensure = ["Atlantis"] }, Dispute);

        Assert.Equal([ReviewerCodes.Experience, ReviewerCodes.Hours, ReviewerCodes.NoLicence, ReviewerCodes.NoSpecialty], Codes(check));
        Assert.False(check.Qualified);
        Assert.False(check.HasConflict);
        Assert.All(check.Reasons, r => Assert.Equal("LC 139.5(d); IMRO letter statements", r.Source));
    }

    [Fact]
    public void Check_LicensedOutOfStateByName_IsLicensed() =>
        Assert.True(ReviewerMatcher.Check(Qualified("rv-1", "PM&R") with { Licensure = ["Texas"] }, Dispute).CanReview);

    [Fact]
    public void Check_SpecialtyFitsNoService_Mismatch()
    {
        var reviewer = Qualified("rv-1", "Orthopedic Surgery");

        Assert.Equal([ReviewerCodes.SpecialtyMismatch], Codes(ReviewerMatcher.Check(reviewer, Dispute, ["electrodiagnostic/emg"])));
        Assert.True(ReviewerMatcher.Check(reviewer, Dispute, ["other/unknown"]).CanReview);
        Assert.True(ReviewerMatcher.Check(reviewer, Dispute).CanReview);
    }

    [Theory]
    [InlineData("ACME WIDGETS", ReviewerCodes.ConflictEmployer)]
    [InlineData("Golden State Insurance Co.", ReviewerCodes.ConflictInsurer)]
    [InlineData("Pacific Claims Services, Inc.", ReviewerCodes.ConflictClaimsAdministrator)]
    [InlineData("Jane Q Smith MD", ReviewerCodes.ConflictRequestingPhysician)]
    [InlineData("valley surgery center corp", ReviewerCodes.ConflictFacility)]
    [InlineData("Lopez and Partners LLP", ReviewerCodes.ConflictAttorney)]
    public void Check_AffiliatedWithAParty_ConflictOfThatKind(string affiliation, string code)
    {
        var check = ReviewerMatcher.Check(Qualified("rv-1", "PM&R") with { Affiliations = ["Unrelated Clinic", affiliation] }, Dispute);

        var reason = Assert.Single(check.Reasons);
        Assert.Equal(code, reason.Code);
        Assert.Equal("LC 139.5(c)", reason.Source);
        Assert.NotNull(reason.Party);
        Assert.Contains(reason.Party, reason.Message, StringComparison.Ordinal);
        Assert.EndsWith($"through {affiliation.TrimEnd('.')}.", reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", reason.Message, StringComparison.Ordinal);
        Assert.True(check.Qualified);
        Assert.True(check.HasConflict);
    }

    [Fact]
    public void Check_NoParties_NoConflict() =>
        Assert.True(ReviewerMatcher.Check(Qualified("rv-1", "PM&R") with { Affiliations = ["Acme Widgets"] }, Dispute with { Parties = null }).CanReview);

    [Fact]
    public void Rank_ByFitThenWorkload_ExcludesUnqualifiedConflictedAndUnfit()
    {
        Reviewer[] reviewers =
        [
            Qualified("chiro", "Chiropractic"),
            Qualified("pmr-busy", "Physical Medicine & Rehabilitation"),
            Qualified("pmr-free", "PM&R"),
            Qualified("occ", "Occupational Medicine"),
            Qualified("junior", "PM&R") with { YearsInActivePractice = 3 },
            Qualified("conflicted", "PM&R") with { Affiliations = ["Acme Widgets Corporation"] },
            Qualified("neuro", "Neurology"),
        ];
        var workloads = new Dictionary<string, int>(StringComparer.Ordinal) { ["pmr-busy"] = 7, ["pmr-free"] = 1, ["chiro"] = 0 };

        var ranked = ReviewerMatcher.Rank(Dispute, ["physical-medicine/therapy"], reviewers, workloads);

        Assert.Equal(["pmr-free", "pmr-busy", "occ", "chiro"], ranked.Select(r => r.Reviewer.Id));
        Assert.Equal([10, 10, 9, 7], ranked.Select(r => r.Fit));
        Assert.Equal([1, 7, 0, 0], ranked.Select(r => r.Workload));
        Assert.Equal(["Physical Medicine and Rehabilitation"], ranked[0].MatchedSpecialties);
    }

    [Fact]
    public void Rank_SeveralFamilies_SumsTheFit()
    {
        Reviewer[] reviewers = [Qualified("pain", "Pain Management"), Qualified("ortho", "Orthopedic Surgery"), Qualified("both", "Orthopaedic Surgery", "Pain Medicine")];

        var ranked = ReviewerMatcher.Rank(Dispute, ["surgery/arthroscopy", "medication/opioid"], reviewers);

        Assert.Equal(["both", "ortho", "pain"], ranked.Select(r => r.Reviewer.Id));
        Assert.Equal([20, 10, 10], ranked.Select(r => r.Fit));
        Assert.Equal(["Orthopedic Surgery", "Pain Management"], ranked[0].MatchedSpecialties);
    }

    [Fact]
    public void Rank_EqualFitAndWorkload_OrdersById() =>
        Assert.Equal(["a", "b"], ReviewerMatcher.Rank(Dispute, ["imaging"], [Qualified("b", "Radiology"), Qualified("a", "Radiology")]).Select(r => r.Reviewer.Id));

    [Fact]
    public void Best_NoneQualified_IsNull()
    {
        Assert.Null(ReviewerMatcher.Best(Dispute, ["imaging"], [Qualified("x", "Radiology") with { HoursPerWeek = 10 }]));
        Assert.Equal("y", ReviewerMatcher.Best(Dispute, ["imaging"], [Qualified("y", "Radiology")])!.Id);
    }

    [Theory]
    [InlineData("Dr. Jane Q. Smith, M.D.", "jane q smith")]
    [InlineData("ACME Widgets, Inc.", "acme widgets")]
    [InlineData("The Acme Corp.", "acme")]
    [InlineData("Pacific Claims Services LLC", "pacific claims services")]
    [InlineData("Smith & Jones", "smith and jones")]
    [InlineData("O'Brien Law", "obrien law")]
    public void Normalise_Name_DropsCasePunctuationTitlesAndSuffixes(string name, string expected) =>
        Assert.Equal(expected, PartyName.Normalise(name));

    [Theory]
    [InlineData("Kaiser Permanente", "Kaiser Permanente Medical Center", true)]
    [InlineData("Kaiser", "Kaiser Permanente Medical Center", false)]
    [InlineData("Acme", "Acme Inc.", true)]
    [InlineData("Permanente Medical", "Kaiser Permanente Medical Center", true)]
    [InlineData("Valley Surgery", "Valley Surgical Group", false)]
    [InlineData("", "", false)]
    public void SameParty_Names_MatchOnWholeWords(string first, string second, bool expected) =>
        Assert.Equal(expected, PartyName.SameParty(first, second));
}
