namespace OpenImr.Domain.Clinical;

/// <summary>
/// One sentence as every fact reader sees it: its tokens, the lexicon concepts, drugs, body regions
/// and dates found in it, the negation and attribution of its words (<see cref="ContextAnalyzer"/>),
/// and the evidence span the facts read from it cite. Built once per sentence; the readers only read it.
/// </summary>
internal sealed class SentenceContext
{
    private Evidence? _evidence;

    /// <summary>Reads the sentence <c>[start, end)</c> of <paramref name="text"/>'s normalised text.</summary>
    public SentenceContext(NormalizedText text, int start, int end, int document, DateOnly asOf)
    {
        Text = text;
        Start = start;
        End = end;
        Document = document;
        AsOf = asOf;
        Tokens = Tokenizer.Tokenize(text.Text, start, end);
        if (Tokens.Count == 0)
        {
            Status = new ContextAnalyzer(Tokens, []);
            return;
        }

        Concepts = ClinicalLexicon.Concepts.MatchAll(Tokens).Where(c => HasNeeds(c.Item)).ToList();
        Drugs = DrugLexicon.Lexicon.MatchAll(Tokens).Where(d => !Concepts.Exists(c => Overlap(c.Index, c.Length, d.Index, d.Length))).ToList();
        Regions = BodyRegions.Lexicon.MatchAll(Tokens);
        var spans = new List<(int, int)>(Concepts.Count + Drugs.Count);
        spans.AddRange(Concepts.Select(c => (c.Index, c.Length)));
        spans.AddRange(Drugs.Select(d => (d.Index, d.Length)));
        Status = new ContextAnalyzer(Tokens, spans);
        Dates = DateScanner.Find(text.Text, start, end).Select(d => (Token: TokenAt(d.Start), d.Start, d.End, d.Date)).ToList();
    }

    /// <summary>The whole document; <see cref="Start"/> and <see cref="End"/> index its normalised text.</summary>
    public NormalizedText Text { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>The document's index in the case, copied into <see cref="Evidence.Document"/>.</summary>
    public int Document { get; }

    /// <summary>The date "now" is, for durations stated as "since".</summary>
    public DateOnly AsOf { get; }

    public List<Token> Tokens { get; }

    /// <summary>Lexicon concepts, leftmost-longest, without those whose <see cref="Concept.Needs"/> the sentence lacks.</summary>
    public List<(int Index, int Length, Concept Item)> Concepts { get; } = [];

    /// <summary>Drug names not inside a concept.</summary>
    public List<(int Index, int Length, DrugEntry Item)> Drugs { get; } = [];

    public List<(int Index, int Length, string Item)> Regions { get; } = [];

    /// <summary>Dates, with the index of the token each starts in.</summary>
    public List<(int Token, int Start, int End, DateOnly Date)> Dates { get; } = [];

    /// <summary>The status of each mention; concept and drug words are not read as triggers.</summary>
    public ContextAnalyzer Status { get; }

    /// <summary>The whole sentence in the original text.</summary>
    public Evidence Evidence
    {
        get
        {
            if (_evidence is null)
            {
                var (start, end) = Text.ToOriginalSpan(Start, End);
                _evidence = new Evidence(Document, start, end, Text.Original[start..end]);
            }

            return _evidence;
        }
    }

    /// <summary>The normalised text of <paramref name="length"/> tokens from <paramref name="index"/>, clamped to the sentence.</summary>
    public string Words(int index, int length)
    {
        if (Tokens.Count == 0)
        {
            return "";
        }

        index = Math.Clamp(index, 0, Tokens.Count - 1);
        var last = Math.Clamp(index + length - 1, index, Tokens.Count - 1);
        return Text.Text[Tokens[index].Start..Tokens[last].End];
    }

    /// <summary>The last token starting at or before <paramref name="offset"/>; 0 if none does.</summary>
    public int TokenAt(int offset)
    {
        var lo = 0;
        var hi = Tokens.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Tokens[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Math.Max(lo, 0);
    }

    /// <summary>The body region nearest token <paramref name="index"/> (the first of equals) and its laterality, or nulls.</summary>
    public (string? Region, Laterality? Laterality) NearestRegion(int index)
    {
        if (Regions.Count == 0)
        {
            return (null, null);
        }

        var best = Regions[0];
        foreach (var region in Regions)
        {
            if (Math.Abs(region.Index - index) < Math.Abs(best.Index - index))
            {
                best = region;
            }
        }

        return (best.Item, BodyRegions.LateralityNear(Tokens, best.Index, best.Length));
    }

    /// <summary>The date nearest token <paramref name="index"/> (the first of equals), or null.</summary>
    public DateOnly? NearestDate(int index)
    {
        if (Dates.Count == 0)
        {
            return null;
        }

        var best = Dates[0];
        foreach (var date in Dates)
        {
            if (Math.Abs(date.Token - index) < Math.Abs(best.Token - index))
            {
                best = date;
            }
        }

        return best.Date;
    }

    private bool HasNeeds(Concept concept)
    {
        if (concept.Needs is null)
        {
            return true;
        }

        foreach (var token in Tokens)
        {
            foreach (var need in concept.Needs)
            {
                if (token.Value.StartsWith(need, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Overlap(int a, int aLength, int b, int bLength) => a < b + bLength && b < a + aLength;
}
