using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OpenImr.Web.Infrastructure;

/// <summary>The user a bearer token belongs to, as the token check found it.</summary>
internal sealed record TokenUser(Guid Id, string Name, string Role);

/// <summary>
/// Remembers, for <see cref="Lifetime"/>, which user a known token hash belongs to, so that a busy
/// client's every request does not look its token up again. Unknown tokens are never remembered,
/// so a new token works at once and guessing cannot fill the cache.
/// </summary>
/// <remarks>
/// Tokens revoked through the API are forgotten at once (<see cref="ForgetUser"/>); a token revoked in
/// the database by other means, or by another server process, stops working for the API within
/// <see cref="Lifetime"/>. Browser sessions check their token on every request.
/// </remarks>
internal sealed class TokenUserCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Note that this bounds memory under a flood of distinct valid tokens; clearing costs only lookups.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (TokenUser User, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, [NotNullWhen(true)] out TokenUser? user)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            user = entry.User;
            return true;
        }

        user = null;
        return false;
    }

    /// <summary>Forgets every remembered token of the user, so that the next request looks its token up again.</summary>
    public void ForgetUser(Guid userId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.User.Id == userId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    public void Remember(string tokenHash, TokenUser user)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = (user, clock.GetUtcNow() + Lifetime);
    }
}
