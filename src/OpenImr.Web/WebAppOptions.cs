using OpenImr.Storage;

namespace OpenImr.Web;

/// <summary>How <see cref="OpenImrWebApp.Build"/> sets up the server.</summary>
public sealed class WebAppOptions
{
    /// <summary>The address <c>imr serve</c> listens on by default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The environment variable holding the first administrator's token.</summary>
    public const string BootstrapTokenVariable = "IMR_BOOTSTRAP_TOKEN";

    /// <summary>Where to listen, <c>;</c>-separated; default <see cref="DefaultUrls"/>. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The database; default the SQLite file <c>imr.db</c> in the current folder.</summary>
    public DatabaseTarget Database { get; init; } = DatabaseTarget.Parse(null);

    /// <summary>
    /// The token of the first administrator, made when the database has no users. Null: a token is
    /// generated and written once to <see cref="Output"/>.
    /// </summary>
    public string? BootstrapToken { get; init; }

    /// <summary>
    /// Load the demo (synthetic cases, seed letters, one made-up user per role) into an empty
    /// database, and show the demo banner and sign-ins while its users exist; default false
    /// (<c>imr serve</c> turns it on unless <c>--no-demo</c>).
    /// </summary>
    public bool Demo { get; init; }

    /// <summary>
    /// The criteria library the engine decides by (<c>imr serve --guidelines DIR</c>); null: the built-in one.
    /// Loaded once per process; one with problems never gets here (<see cref="CriteriaLibrary.Load"/> refuses it).
    /// </summary>
    public CriteriaLibrary? Criteria { get; init; }

    /// <summary>The clock of every timestamp and deadline; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the generated first token is printed; default the console.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Log requests and start-up to the console; default true.</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>The largest document or letter file accepted, in bytes; default 20 MB. Larger ones get 413.</summary>
    public long MaxDocumentBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>How often an open case page checks whether the case changed under it; zero or less: never.</summary>
    public TimeSpan CasePageRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The organisation named on issued Final Determination Letters; default <c>IMR</c> (the label the letter reader knows: "IMR guideline:").</summary>
    public string Organisation { get; init; } = "IMR";

    /// <summary>The largest request body, in bytes; default 100 MB (several letters in one upload).</summary>
    public long MaxRequestBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>The largest JSON request body in bytes (default 16 MiB); a larger one answers 413. Records over it are uploaded as files.</summary>
    public long MaxJsonBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>How long a search of the letter library may run (default 10 s); past it the search stops and answers 503.</summary>
    public TimeSpan SearchTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
