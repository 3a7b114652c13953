using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Cli;

/// <summary>The criteria library and the engine, loaded once per process.</summary>
internal static class ReviewServices
{
    private static readonly Lazy<ReviewEngine> LazyEngine = new(() =>
    {
        var library = GuidelineLibrary.LoadEmbedded();
        if (library.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The embedded criteria library has {library.Problems.Count} problem(s), the first: {library.Problems[0].Message}");
        }

        return new ReviewEngine(library);
    });

    public static ReviewEngine Engine => LazyEngine.Value;

    /// <summary>Today on this machine's clock; only hosts read the clock.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
}
