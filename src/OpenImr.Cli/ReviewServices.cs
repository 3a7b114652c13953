using System.CommandLine;
using OpenImr.Application;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Cli;

/// <summary>The CLI's clock, criteria library and engine: the built-in library loaded once per process (<see cref="CriteriaLibrary"/>), or one from a folder.</summary>
internal static class ReviewServices
{
    /// <summary>The CLI's one clock: "today" is read from it, in California.</summary>
    public static TimeProvider Clock { get; } = TimeProvider.System;

    /// <summary>The engine on the built-in library.</summary>
    public static ReviewEngine Engine => CriteriaLibrary.Embedded.Engine;

    /// <summary>The built-in library.</summary>
    public static GuidelineLibrary Library => CriteriaLibrary.Embedded.Library;

    /// <summary>Today in California by <see cref="Clock"/>, as the server counts it.</summary>
    public static DateOnly Today => CaseClock.Today(Clock);

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

        try
        {
            var criteria = CriteriaLibrary.Load(folder);
            return (criteria.Library, criteria.Engine, null);
        }
        catch (CriteriaLibraryException exception)
        {
            return (null, null, exception.Problems.Count == 0 ? exception.Message
                : $"{folder}: the criteria library has {exception.Problems.Count} problem(s), the first: {exception.Problems[0]}; run 'imr guidelines validate {folder}' for all of them");
        }
    }
}
