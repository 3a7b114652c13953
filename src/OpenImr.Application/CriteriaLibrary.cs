using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Application;

/// <summary>
/// The criteria library a process decides by, loaded once, with the engine on it: the built-in
/// library, or one read from a folder (<c>--guidelines DIR</c>). A library with problems is refused
/// when it is loaded, naming them, so a server never starts on it.
/// </summary>
public sealed class CriteriaLibrary
{
    private static readonly Lazy<GuidelineLibrary> BuiltInLibrary = new(GuidelineLibrary.LoadEmbedded);

    private static readonly Lazy<CriteriaLibrary> BuiltIn = new(() => Checked(BuiltInLibrary.Value, "the built-in criteria library"));

    private CriteriaLibrary(GuidelineLibrary library, string source)
    {
        Library = library;
        Source = source;
        Engine = new ReviewEngine(library);
    }

    /// <summary>The built-in library, loaded once per process.</summary>
    public static CriteriaLibrary Embedded => BuiltIn.Value;

    public GuidelineLibrary Library { get; }

    /// <summary>
    /// The library in <paramref name="folder"/> (the built-in one when null) as read, problems and all, for
    /// the tools that report them (<c>imr guidelines validate</c>); or a one-line error when it cannot be read.
    /// </summary>
    public static (GuidelineLibrary? Library, string? Error) Read(string? folder) =>
        folder is null ? (BuiltInLibrary.Value, null) : GuidelineFolder.Load(folder);

    public ReviewEngine Engine { get; }

    /// <summary>Where the library came from: "the built-in criteria library" or its folder.</summary>
    public string Source { get; }

    /// <summary>The library's version, recorded with every review, letter and audit line.</summary>
    public string Version => Library.Version;

    /// <summary>
    /// The library in <paramref name="folder"/> (the built-in one when null). Throws
    /// <see cref="CriteriaLibraryException"/> when the folder cannot be read or the library has problems.
    /// </summary>
    public static CriteriaLibrary Load(string? folder)
    {
        if (folder is null)
        {
            return Embedded;
        }

        var (library, error) = Read(folder);
        return library is null ? throw new CriteriaLibraryException(error ?? $"{folder}: the criteria library cannot be read", []) : Checked(library, folder);
    }

    private static CriteriaLibrary Checked(GuidelineLibrary library, string source) =>
        library.Problems.Count == 0
            ? new CriteriaLibrary(library, source)
            : throw new CriteriaLibraryException(
                $"{source}: the criteria library has {library.Problems.Count} problem(s): {string.Join("; ", library.Problems.Take(5))}{(library.Problems.Count > 5 ? "; …" : "")}. Run 'imr guidelines validate' on it for all of them.",
                library.Problems);
}

/// <summary>A criteria library that cannot be used: unreadable, or with problems (<see cref="Problems"/>).</summary>
public sealed class CriteriaLibraryException : Exception
{
    public CriteriaLibraryException(string message, IReadOnlyList<LibraryProblem> problems)
        : base(message) => Problems = problems;

    public CriteriaLibraryException()
        : this("The criteria library cannot be used.", [])
    {
    }

    public CriteriaLibraryException(string message)
        : this(message, [])
    {
    }

    public CriteriaLibraryException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public IReadOnlyList<LibraryProblem> Problems { get; }
}
