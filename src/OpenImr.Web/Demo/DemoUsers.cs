using OpenImr.Storage.Service;

namespace OpenImr.Web.Demo;

/// <summary>One made-up person of the demo, with the sign-in token the sign-in page offers in demo mode.</summary>
public sealed record DemoUser(string Name, string Role, string Token);

/// <summary>The demo's users, one per role. Their tokens are public on purpose: they exist only in a demo database.</summary>
public static class DemoUsers
{
    public static DemoUser Coordinator { get; } = new("Demo Coordinator", UserRoles.Coordinator, "imr_demo_coordinator");

    public static DemoUser Reviewer { get; } = new("Dr. Synthetic Reviewer A", UserRoles.Reviewer, "imr_demo_reviewer");

    public static DemoUser Party { get; } = new("Demo Requester", UserRoles.Party, "imr_demo_requester");

    public static DemoUser Administrator { get; } = new("Demo Administrator", UserRoles.Administrator, "imr_demo_administrator");

    public static IReadOnlyList<DemoUser> All { get; } = [Coordinator, Reviewer, Party, Administrator];
}
