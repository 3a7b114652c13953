using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class RequestQuantityParserTests
{
    private static readonly ServiceId Therapy = new(ServiceFamilies.PhysicalMedicine, "physical-therapy");
    private static readonly ServiceId HomeHealth = new(ServiceFamilies.HomeCare, "home-health");
    private static readonly ServiceId Drug = new(ServiceFamilies.Medication, "opioid");
    private static readonly ServiceId Unit = new(ServiceFamilies.Equipment, "dme-other");

    private static RequestQuantity Parse(string text, ServiceId service) =>
        RequestQuantityParser.Parse(text, Tokenizer.Tokenize(text, 0, text.Length), service);

    [Fact]
    public void Parse_TimesAWeekForWeeks_SessionsPerWeekAndWeeks() =>
        Assert.Equal(new RequestQuantity { Sessions = 12, PerWeek = 3, Weeks = 4 }, Parse("Physical therapy three times a week for 4 weeks", Therapy));

    [Fact]
    public void Parse_RangeOfTimesPerWeek_KeepsTheRangeAndNoSingleFigure() =>
        Assert.Equal(new RequestQuantity { PerWeekMin = 1, PerWeekMax = 2, Weeks = 4, SessionsMin = 4, SessionsMax = 8 },
            Parse("Therapy 1 to 2 times per week for 4 weeks", Therapy));

    [Fact]
    public void Parse_CompactTimesToken_PerWeekTimesWeeks() =>
        Assert.Equal(new RequestQuantity { Sessions = 12, PerWeek = 2, Weeks = 6 }, Parse("Therapy 2x6", Therapy));

    [Fact]
    public void Parse_TimesOnlyForTherapy_Sessions() =>
        Assert.Equal(new RequestQuantity { Sessions = 8 }, Parse("Therapy x8", Therapy));

    [Fact]
    public void Parse_TimesOnlyForEquipment_Count() =>
        Assert.Equal(new RequestQuantity { Count = 2 }, Parse("Electrode pads x2", Unit));

    [Fact]
    public void Parse_NumberWordBeforeSessions_Sessions() =>
        Assert.Equal(new RequestQuantity { Sessions = 11 }, Parse("Eleven sessions of pool exercise", Therapy));

    [Fact]
    public void Parse_SessionsPerWeek_NotATotal() =>
        Assert.Equal(new RequestQuantity { PerWeek = 2 }, Parse("Therapy 2 sessions per week", Therapy));

    [Fact]
    public void Parse_DayRental_Days() =>
        Assert.Equal(new RequestQuantity { Days = 14 }, Parse("Cooling unit 14 day rental", Unit));

    [Fact]
    public void Parse_DayRange_DaysMinAndMax() =>
        Assert.Equal(new RequestQuantity { DaysMin = 7, DaysMax = 10 }, Parse("Stimulator unit 7-10 days", Unit));

    [Fact]
    public void Parse_MonthRental_Months() =>
        Assert.Equal(new RequestQuantity { Months = 3 }, Parse("Knee brace 3 month rental", Unit));

    [Fact]
    public void Parse_Prescription_StrengthCountAndRefills() =>
        Assert.Equal(new RequestQuantity { Strength = "10/325mg", Count = 90, Refills = 1 }, Parse("Hydrocodone 10/325mg #90, 1 refill", Drug));

    [Fact]
    public void Parse_QtyLabel_Count() =>
        Assert.Equal(new RequestQuantity { Strength = "5%", Count = 2 }, Parse("Menthol cream 5% qty: 2", Drug));

    [Fact]
    public void Parse_HoursForAMedication_NotAnAmountOfCare() =>
        Assert.Equal(new RequestQuantity { Strength = "800mg" }, Parse("Ibuprofen 800mg every 8 hours", Drug));

    [Theory]
    [InlineData("Home aide 3 hours per day")]
    [InlineData("Home aide 3 hours a day")]
    [InlineData("Home aide 3 hours daily")]
    [InlineData("Home aide 3 hours each day")]
    public void Parse_HoursEachDay_HoursPerDay(string text) =>
        Assert.Equal(new RequestQuantity { HoursPerDay = 3 }, Parse(text, HomeHealth));

    [Theory]
    [InlineData("Home aide 10 hours per week")]
    [InlineData("Home aide 10 hours a week")]
    [InlineData("Home aide 10 hours weekly")]
    [InlineData("Home aide 10 hrs/wk")]
    public void Parse_HoursEachWeek_HoursPerWeek(string text) =>
        Assert.Equal(new RequestQuantity { HoursPerWeek = 10 }, Parse(text, HomeHealth));

    [Fact]
    public void Parse_HoursADayAndDaysAWeek_HoursPerWeekIsTheirProduct() =>
        Assert.Equal(new RequestQuantity { HoursPerDay = 4, PerWeek = 3, HoursPerWeek = 12 }, Parse("Home aide 4 hours a day, 3 days a week", HomeHealth));

    [Fact]
    public void Parse_HoursAlone_TotalHours() =>
        Assert.Equal(new RequestQuantity { Hours = 40 }, Parse("Interdisciplinary program 40 hours", new ServiceId(ServiceFamilies.PhysicalMedicine, "functional-restoration")));

    [Fact]
    public void Parse_LeadingNumber_Count() =>
        Assert.Equal(new RequestQuantity { Count = 3 }, Parse("Three radiographs of the right ankle", new ServiceId(ServiceFamilies.Imaging, "x-ray")));

    [Fact]
    public void Parse_TrailingNumberAfterComma_Count() =>
        Assert.Equal(new RequestQuantity { Count = 2 }, Parse("Nerve conduction study of the legs, 2", new ServiceId(ServiceFamilies.Electrodiagnostic, "ncs")));

    [Fact]
    public void Parse_OfficeVisitTimes_Sessions() =>
        Assert.Equal(new RequestQuantity { Sessions = 3 }, Parse("Follow-up visits x3", new ServiceId(ServiceFamilies.Evaluation, "office-visit")));

    [Fact]
    public void Parse_NoFigure_Empty() =>
        Assert.True(Parse("Magnetic resonance imaging of the hip", new ServiceId(ServiceFamilies.Imaging, "mri")).IsEmpty);
}
