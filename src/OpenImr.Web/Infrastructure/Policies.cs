using Microsoft.AspNetCore.Authorization;
using OpenImr.Storage.Service;

namespace OpenImr.Web.Infrastructure;

/// <summary>Who may call what. Every /api route requires one of these; a caller in another role gets 403.</summary>
internal static class Policies
{
    /// <summary>Administrators only: users and reviewers.</summary>
    public const string Administrator = "administrator";

    /// <summary>Administrators and coordinators: intake, screening, assignment, the letter library.</summary>
    public const string Staff = "staff";

    /// <summary>Staff and parties: filing a case and adding its records.</summary>
    public const string Filer = "filer";

    /// <summary>Staff and reviewers: running the engine on a case.</summary>
    public const string Reviewing = "reviewing";

    /// <summary>Reviewers only: deciding and signing.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Any user with a valid token.</summary>
    public const string AnyUser = "any-user";

    public static AuthorizationBuilder AddImrPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Administrator, p => p.RequireRole(UserRoles.Administrator))
        .AddPolicy(Staff, p => p.RequireRole(UserRoles.Administrator, UserRoles.Coordinator))
        .AddPolicy(Filer, p => p.RequireRole(UserRoles.Administrator, UserRoles.Coordinator, UserRoles.Party))
        .AddPolicy(Reviewing, p => p.RequireRole(UserRoles.Administrator, UserRoles.Coordinator, UserRoles.Reviewer))
        .AddPolicy(Reviewer, p => p.RequireRole(UserRoles.Reviewer))
        .AddPolicy(AnyUser, p => p.RequireAuthenticatedUser());
}
