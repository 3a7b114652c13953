using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenImr.Web.Infrastructure;

/// <summary>Describes the bearer token in the OpenAPI document, so the reference page can send it.</summary>
internal static class OpenApiSecurity
{
    public static OpenApiOptions AddBearerToken(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OpenIMR API";
            document.Info.Description =
                "California workers' compensation Independent Medical Review. Every /api route takes Authorization: Bearer TOKEN; errors are RFC 7807 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerTokenHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An OpenIMR API token (imr_...), given when a user or reviewer is created.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerTokenHandler.SchemeName, context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
