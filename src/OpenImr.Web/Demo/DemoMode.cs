namespace OpenImr.Web.Demo;

/// <summary>Whether this server shows the demo: set at start-up when the demo was asked for and its users are in the database.</summary>
public sealed class DemoMode
{
    /// <summary>True while the demo banner and the demo sign-ins show.</summary>
    public bool Active { get; internal set; }
}
