using System.CommandLine;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Cli;

/// <summary>The criteria library and the engine: the built-in library loaded once per process, or one from a folder.</summary>
internal static class ReviewServices
{
    private static readonly Lazy<GuidelineLibrary> Embedded = new(() =>
    {
        var library = GuidelineLibrary.LoadEmbedded();
        if (library.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The embedded criteria library has {library.Problems.Count} problem(s), the first: {library.Problems[0]}");
        }

        return library;
    });

    private static readonly Lazy<ReviewEngine> LazyEngine = new(() => new ReviewEngine(Embedded.Value));

    /// <summary>The engine on the built-in library.</summary>
    public static ReviewEngine Engine => LazyEngine.Value;

    /// <summary>The built-in library.</summary>
    public static GuidelineLibrary Library => Embedded.Value;

    /// <summary>Today on this machine's clock; only hosts read the clock.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    /// <summary>The <c>--guidelines DIR</c> option that review, check, evaluate and serve share.</summary>
    public static Option<string?> GuidelinesOption() => new("--guidelines")
    {
        Description = "A criteria library folder (holding library.json) to use instead of the built-in one.",
        HelpName = "DIR",
    };

    /// <summary>
    /// The library and engine for <paramref name="folder"/> (the built-in ones when it is <see langword="null"/>), or a
    /// one-line error: a folder that cannot be read, or a library with problems (run <c>imr guidelines validate</c>).
    /// </summary>
    public static (GuidelineLibrary? Library, ReviewEngine? Engine, string? Error) Resolve(string? folder)
    {
        if (folder is null)
        {
            return (Library, Engine, null);
        }

        var (library, error) = GuidelineFolder.Load(folder);
        if (library is null)
        {
            return (null, null, error);
        }

        if (library.Problems.Count > 0)
        {
            return (null, null, $"{folder}: the criteria library has {library.Problems.Count} problem(s), the first: {library.Problems[0]}; run 'imr guidelines validate {folder}' for all of them");
        }

        return (library, new ReviewEngine(library), null);
    }
}
