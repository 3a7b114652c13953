using System.Security.Cryptography;
using System.Text;

namespace OpenImr.Web.Infrastructure;

/// <summary>API tokens: random, shown once, stored only as their SHA-256.</summary>
internal static class ApiTokens
{
    /// <summary>Marks a string as an OpenIMR token, so that secret scanners can spot a leaked one.</summary>
    public const string Prefix = "imr_";

    /// <summary>A new token: the prefix and 32 random bytes, base64url.</summary>
    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of a token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
