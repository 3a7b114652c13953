using Microsoft.Extensions.Time.Testing;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Tests.Infrastructure;

public sealed class TokenUserCacheTests
{
    private static readonly TokenUser Coordinator = new(Guid.CreateVersion7(), "Synthetic Coordinator", "coordinator");

    [Fact]
    public void TryGet_WithinTheLifetime_ReturnsTheRememberedUser()
    {
        var clock = new FakeTimeProvider();
        var cache = new TokenUserCache(clock);
        cache.Remember("hash-1", Coordinator);

        clock.Advance(TokenUserCache.Lifetime - TimeSpan.FromSeconds(1));

        Assert.True(cache.TryGet("hash-1", out var user));
        Assert.Equal(Coordinator, user);
    }

    [Fact]
    public void TryGet_AfterTheLifetime_MissesSoTheTokenIsCheckedAgain()
    {
        var clock = new FakeTimeProvider();
        var cache = new TokenUserCache(clock);
        cache.Remember("hash-1", Coordinator);

        clock.Advance(TokenUserCache.Lifetime);

        Assert.False(cache.TryGet("hash-1", out _));
    }
}
