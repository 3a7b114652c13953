namespace OpenImr.Domain.Letters;

/// <summary>United States state (and territory) names and their two-letter postal codes.</summary>
public static class UsStates
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL",
        ["Alaska"] = "AK",
        ["Arizona"] = "AZ",
        ["Arkansas"] = "AR",
        ["California"] = "CA",
        ["Colorado"] = "CO",
        ["Connecticut"] = "CT",
        ["Delaware"] = "DE",
        ["District of Columbia"] = "DC",
        ["Florida"] = "FL",
        ["Georgia"] = "GA",
        ["Hawaii"] = "HI",
        ["Idaho"] = "ID",
        ["Illinois"] = "IL",
        ["Indiana"] = "IN",
        ["Iowa"] = "IA",
        ["Kansas"] = "KS",
        ["Kentucky"] = "KY",
        ["Louisiana"] = "LA",
        ["Maine"] = "ME",
        ["Maryland"] = "MD",
        ["Massachusetts"] = "MA",
        ["Michigan"] = "MI",
        ["Minnesota"] = "MN",
        ["Mississippi"] = "MS",
        ["Missouri"] = "MO",
        ["Montana"] = "MT",
        ["Nebraska"] = "NE",
        ["Nevada"] = "NV",
        ["New Hampshire"] = "NH",
        ["New Jersey"] = "NJ",
        ["New Mexico"] = "NM",
        ["New York"] = "NY",
        ["North Carolina"] = "NC",
        ["North Dakota"] = "ND",
        ["Ohio"] = "OH",
        ["Oklahoma"] = "OK",
        ["Oregon"] = "OR",
        ["Pennsylvania"] = "PA",
        ["Rhode Island"] = "RI",
        ["South Carolina"] = "SC",
        ["South Dakota"] = "SD",
        ["Tennessee"] = "TN",
        ["Texas"] = "TX",
        ["Utah"] = "UT",
        ["Vermont"] = "VT",
        ["Virginia"] = "VA",
        ["Washington"] = "WA",
        ["West Virginia"] = "WV",
        ["Wisconsin"] = "WI",
        ["Wyoming"] = "WY",
        ["Puerto Rico"] = "PR",
        ["Guam"] = "GU",
    };

    private static readonly HashSet<string> Codes = new(ByName.Values, StringComparer.Ordinal);

    /// <summary>The code of a state name or code; null when it is neither.</summary>
    public static string? Code(string nameOrCode)
    {
        var text = nameOrCode.Trim().TrimEnd('.');
        if (ByName.TryGetValue(text, out var code))
        {
            return code;
        }

        return text.Length == 2 && Codes.Contains(text.ToUpperInvariant()) ? text.ToUpperInvariant() : null;
    }

    /// <summary>The full name of a two-letter code, or the code itself when unknown.</summary>
    public static string Name(string code) =>
        ByName.FirstOrDefault(pair => string.Equals(pair.Value, code, StringComparison.OrdinalIgnoreCase)).Key ?? code;

    /// <summary>The state codes named in a list such as "Texas, New York, California" or "California,Washington and Oregon".</summary>
    public static IEnumerable<string> CodesIn(string list)
    {
        var text = list.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase).Replace(';', ',').Replace('/', ',');
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Code(part) is { } code)
            {
                yield return code;
                continue;
            }

            // "West Virginia" must win over "Virginia": try the longest names first.
            foreach (var name in ByName.Keys.OrderByDescending(k => k.Length))
            {
                if (part.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return ByName[name];
                    break;
                }
            }
        }
    }
}
