using OpenImr.Domain.Formulary;

namespace OpenImr.Domain.Tests.Formulary;

/// <summary>Reading a published list's layout, on synthetic lists (invented drug names, labelled synthetic).</summary>
public class DrugListReaderTests
{
    private const string Csv = """
        SYNTHETIC TEST LIST - MTUS Drug List v.99 (8 CCR 9792.27.15) EFFECTIVE DATE: March 1, 2026
        Drug Ingredient,Exempt/Non-Exempt,Special Fill,Perioperative Fill,Drug Class,Reference in ACOEM Guidelines
        Synthetamol,Exempt,,,Analgesic,Chronic Pain ✓
        Fictocodone,Non-Exempt,4,4,Opioid Analgesic,"Opioids ✓; Low Back Disorders ✕; Knee Disorders ⦸"
        Brokenrow,Maybe,,,Other,
        Placeboprofen,Non-Exempt,seven,,NSAID,
        """;

    [Fact]
    public void FromDelimited_PublishedColumns_ReadsRowsMarksAndTitle()
    {
        var reading = DrugListReader.FromDelimited(Csv, null, null, "synthetic.csv");

        var list = Assert.IsType<DrugListVersion>(reading.List);
        Assert.Equal(("v.99", new DateOnly(2026, 3, 1)), (list.Version, list.Effective));
        Assert.Equal(["Synthetamol", "Fictocodone"], list.Entries.Select(e => e.Ingredient));
        var opioid = list.Entries[1];
        Assert.Equal((DrugListStatus.NonExempt, 4, 4, "Opioid Analgesic"), (opioid.Status, opioid.SpecialFillDays, opioid.PerioperativeFillDays, opioid.DrugClass));
        Assert.Equal(
            [new DrugListReference("Opioids", GuidelineMark.Recommended), new DrugListReference("Low Back Disorders", GuidelineMark.NotRecommended), new DrugListReference("Knee Disorders", GuidelineMark.NoRecommendation)],
            opioid.References);
    }

    [Fact]
    public void FromDelimited_RowsItCannotRead_EachReportedWithLineAndReason()
    {
        var reading = DrugListReader.FromDelimited(Csv, null, null, "synthetic.csv");

        Assert.Equal(2, reading.Unread.Count);
        Assert.Equal(("line 5", "'Maybe' is neither Exempt nor Non-Exempt"), (reading.Unread[0].Where, reading.Unread[0].Why));
        Assert.Equal("line 6", reading.Unread[1].Where);
    }

    [Fact]
    public void FromDelimited_NoTitle_NeedsTheVersionAndDateGiven()
    {
        var untitled = string.Join('\n', Csv.Split('\n').Skip(1));

        Assert.Null(DrugListReader.FromDelimited(untitled, null, null, null).List);
        Assert.Equal("v.7", DrugListReader.FromDelimited(untitled, "v.7", new DateOnly(2020, 11, 1), null).List?.Version);
    }

    [Fact]
    public void FromDelimited_NotADrugList_SaysSo()
    {
        var reading = DrugListReader.FromDelimited("name,age\nsomething,3\n", "v.1", new DateOnly(2018, 1, 1), null);

        Assert.Null(reading.List);
        Assert.Contains("no header row", reading.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPdfLines_ColumnsByTheHeaderWords_EmptyFillsAndWrappedReferencesKept()
    {
        PositionedLine Line(int page, params (double X, string Text)[] words) => new(page, words);
        var lines = new List<PositionedLine>
        {
            Line(1, (40, "SYNTHETIC"), (100, "MTUS"), (140, "Drug"), (170, "List"), (195, "v.99"), (230, "EFFECTIVE"), (290, "DATE:"), (320, "March"), (355, "1,"), (370, "2026")),
            Line(1, (40, "Drug"), (70, "Ingredient"), (160, "Exempt/Non-Exempt"), (260, "Special"), (295, "Fill"), (330, "Perioperative"), (390, "Fill"), (420, "Drug"), (450, "Class"), (520, "Reference")),
            Line(1, (40, "Synthetamol"), (160, "Exempt"), (420, "Analgesic"), (520, "Chronic"), (555, "Pain"), (580, "✓")),
            Line(1, (40, "Fictocodone"), (160, "Non-Exempt"), (260, "4"), (330, "4"), (420, "Opioid"), (520, "Opioids"), (560, "✓;")),
            Line(1, (520, "Knee"), (545, "Disorders"), (590, "✕")),
        };

        var list = DrugListReader.FromPdfLines(lines, null, null, "synthetic.pdf").List!;

        Assert.Equal(2, list.Entries.Count);
        Assert.Equal((DrugListStatus.Exempt, (int?)null, (int?)null), (list.Entries[0].Status, list.Entries[0].SpecialFillDays, list.Entries[0].PerioperativeFillDays));
        Assert.Equal((4, 4), (list.Entries[1].SpecialFillDays, list.Entries[1].PerioperativeFillDays));
        Assert.Equal(["Opioids", "Knee Disorders"], list.Entries[1].References.Select(r => r.Topic));
    }

    [Theory]
    [InlineData("Fictocodone 5mg #12", "Fictocodone")]
    [InlineData("fictocodone/synthetamol 5/300 #30", "Fictocodone")]
    [InlineData("Imaginarol 10mg", null)]
    public void Find_RequestWords_MatchTheIngredientWholeWords(string request, string? ingredient)
    {
        var list = DrugListReader.FromDelimited(Csv, null, null, null).List!;

        Assert.Equal(ingredient, list.Find(request)?.Ingredient);
    }
}
