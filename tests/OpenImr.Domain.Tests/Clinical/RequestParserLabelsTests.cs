using System.Globalization;
using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

/// <summary>RequestParser against our hand labels of the 218 corpus request wordings (TestData/request-wordings.tsv).</summary>
public class RequestParserLabelsTests
{
    private static readonly string[] Columns = ["sessions", "perWeek", "weeks", "hours", "count", "strength"];

    [Fact]
    public void Parse_CorpusWordings_FamilyAtLeast95Percent()
    {
        var rows = Load();
        var mismatches = new List<string>();
        var kindRight = 0;
        foreach (var row in rows)
        {
            var parsed = RequestParser.Parse(row[0]);
            if (parsed.Service.Family != row[1])
            {
                mismatches.Add($"{row[1]}/{row[2]} <- {parsed.Service}: {row[0]}");
            }
            else if (parsed.Service.Kind == row[2])
            {
                kindRight++;
            }
        }

        var familyRate = 1.0 - ((double)mismatches.Count / rows.Count);
        var kindRate = (double)kindRight / rows.Count;
        Report($"family {familyRate:P1} ({rows.Count - mismatches.Count}/{rows.Count}), kind {kindRate:P1} ({kindRight}/{rows.Count})", mismatches);
        Assert.Equal(218, rows.Count);
        Assert.True(familyRate >= 0.95, $"family accuracy {familyRate:P1}:\n{string.Join('\n', mismatches)}");
    }

    [Fact]
    public void Parse_CorpusWordings_QuantityExactWhereStated()
    {
        var rows = Load();
        var mismatches = new List<string>();
        var stated = 0;
        foreach (var row in rows)
        {
            var quantity = RequestParser.Parse(row[0]).Quantity;
            var actual = new[]
            {
                Format(quantity.Sessions), Format(quantity.PerWeek), Format(quantity.Weeks), Format(quantity.Hours), Format(quantity.Count), quantity.Strength ?? "",
            };
            var expected = row[3..9];
            if (expected.All(e => e.Length == 0))
            {
                continue;
            }

            stated++;
            var wrong = Enumerable.Range(0, Columns.Length).Where(i => expected[i].Length > 0 && expected[i] != actual[i]).ToList();
            if (wrong.Count > 0)
            {
                mismatches.Add($"{string.Join(", ", wrong.Select(i => $"{Columns[i]} {expected[i]} <- '{actual[i]}'"))}: {row[0]}");
            }
        }

        var rate = 1.0 - ((double)mismatches.Count / stated);
        Report($"quantity {rate:P1} ({stated - mismatches.Count}/{stated} rows stating a quantity)", mismatches);
        Assert.True(mismatches.Count == 0, $"quantity mismatches:\n{string.Join('\n', mismatches)}");
    }

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Report(string summary, List<string> mismatches)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(summary);
        foreach (var line in mismatches)
        {
            output?.WriteLine(line);
        }
    }

    private static List<string[]> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "request-wordings.tsv");
        return
        [
            .. File.ReadLines(path)
                .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("wording\t", StringComparison.Ordinal))
                .Select(l => l.Split('\t'))
                .Select(c => c.Length >= 9 ? c : [.. c, .. Enumerable.Repeat("", 9 - c.Length)]),
        ];
    }
}
