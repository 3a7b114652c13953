namespace OpenImr.Domain.Clinical;

/// <summary>
/// The session counts of one sentence ("9 sessions", "seven visits"), each given to at most one
/// therapy: a therapy named in the sentence claims the nearest count still free, and the counts no
/// therapy claims are read on their own (<see cref="SessionCountReader.ReadUnclaimed"/>).
/// </summary>
internal sealed class SessionCounts
{
    private readonly bool[] _claimed;

    public SessionCounts(List<(int Index, int Length, decimal Value)> counts)
    {
        Counts = counts;
        _claimed = new bool[counts.Count];
    }

    /// <summary>Each count: its first token, its token count up to the session word, and the number.</summary>
    public List<(int Index, int Length, decimal Value)> Counts { get; }

    /// <summary>Claims the free count nearest token <paramref name="index"/> (the first of equals); null if none is free.</summary>
    public decimal? Claim(int index)
    {
        var best = -1;
        for (var i = 0; i < Counts.Count; i++)
        {
            if (!_claimed[i] && (best < 0 || Math.Abs(Counts[i].Index - index) < Math.Abs(Counts[best].Index - index)))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return null;
        }

        _claimed[best] = true;
        return Counts[best].Value;
    }

    /// <summary>The counts no therapy claimed, in text order.</summary>
    public IEnumerable<(int Index, int Length, decimal Value)> Unclaimed()
    {
        for (var i = 0; i < Counts.Count; i++)
        {
            if (!_claimed[i])
            {
                yield return Counts[i];
            }
        }
    }
}
