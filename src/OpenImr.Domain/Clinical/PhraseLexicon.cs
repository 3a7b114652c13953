namespace OpenImr.Domain.Clinical;

/// <summary>
/// Multi-word phrases matched against tokens, leftmost-longest. A phrase is written as lower-case
/// words separated by spaces; a word ending in <c>*</c> matches any token starting with it
/// ("radicul*"). Matching at one position costs at most the phrases sharing its first word.
/// </summary>
internal sealed class PhraseLexicon<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Item)>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Words, T Item)>> _prefix = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _prefixLengths = [];

    public void Add(string phrase, T item)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return;
        }

        var first = words[0];
        if (first.EndsWith('*'))
        {
            var key = first[..^1];
            _prefixLengths.Add(key.Length);
            Bucket(_prefix, key).Add((words, item));
        }
        else
        {
            Bucket(_exact, first).Add((words, item));
        }
    }

    public void AddAll(T item, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            Add(phrase, item);
        }
    }

    /// <summary>Every item added, once per phrase, in no particular order.</summary>
    public IEnumerable<T> Items => _exact.Values.Concat(_prefix.Values).SelectMany(bucket => bucket).Select(entry => entry.Item);

    /// <summary>The longest phrase starting at <paramref name="index"/>, or false.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int index, out int length, out T item)
    {
        length = 0;
        item = default!;
        var value = tokens[index].Value;
        if (_exact.TryGetValue(value, out var candidates))
        {
            Longest(candidates, tokens, index, ref length, ref item);
        }

        foreach (var prefixLength in _prefixLengths)
        {
            if (prefixLength > value.Length)
            {
                break;
            }

            if (_prefix.TryGetValue(value[..prefixLength], out var prefixed))
            {
                Longest(prefixed, tokens, index, ref length, ref item);
            }
        }

        return length > 0;
    }

    /// <summary>All leftmost-longest matches over <paramref name="tokens"/>: (first token, token count, item).</summary>
    public List<(int Index, int Length, T Item)> MatchAll(IReadOnlyList<Token> tokens)
    {
        var result = new List<(int, int, T)>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (TryMatch(tokens, i, out var length, out var item))
            {
                result.Add((i, length, item));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private static void Longest(List<(string[] Words, T Item)> candidates, IReadOnlyList<Token> tokens, int index, ref int length, ref T item)
    {
        foreach (var (words, candidate) in candidates)
        {
            if (words.Length <= length || index + words.Length > tokens.Count)
            {
                continue;
            }

            var matched = true;
            for (var k = 0; k < words.Length; k++)
            {
                if (!WordMatches(words[k], tokens[index + k].Value))
                {
                    matched = false;
                    break;
                }
            }

            if (matched)
            {
                length = words.Length;
                item = candidate;
            }
        }
    }

    private static bool WordMatches(string pattern, string token) =>
        pattern.EndsWith('*')
            ? token.AsSpan().StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, token, StringComparison.Ordinal);

    private static List<(string[] Words, T Item)> Bucket(Dictionary<string, List<(string[] Words, T Item)>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}
