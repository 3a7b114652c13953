using OpenImr.Web.Features.Workflow;

namespace OpenImr.Web.Components.Services;

/// <summary>The audit actions the pages read back, named once with the workflow's.</summary>
public static class WorkflowStoreNames
{
    public const string Eligible = WorkflowStore.EligibleAction;
}
