using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using MudBlazor.Services;
using OpenImr.Domain.Clinical;
using OpenImr.Storage.Letters;
using OpenImr.Web.Components;
using OpenImr.Web.Components.Services;
using OpenImr.Web.Demo;
using OpenImr.Web.Features.CaseDocuments;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Features.DeterminationLetters;
using OpenImr.Web.Features.Health;
using OpenImr.Web.Features.Letters;
using OpenImr.Web.Features.Reviewers;
using OpenImr.Web.Features.Stats;
using OpenImr.Web.Features.Users;
using OpenImr.Web.Features.Workflow;
using OpenImr.Web.Infrastructure;
using Scalar.AspNetCore;

namespace OpenImr.Web;

/// <summary>The OpenIMR web application: the HTTP API of CONTRACTS.md, its OpenAPI document and reference page, and the Blazor UI.</summary>
public static class OpenImrWebApp
{
    /// <summary>
    /// Builds the application. Starting it migrates the database first and, on a database without
    /// users, creates the first administrator (see <see cref="WebAppOptions.BootstrapToken"/>).
    /// </summary>
    public static WebApplication Build(WebAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OpenImrWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        var staticAssets = StaticAssetManifests.Find();
        if (staticAssets is not null)
        {
            // Note that outside Development the host must ask for the manifest of where the files are.
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, staticAssets.Runtime);
            builder.WebHost.UseStaticWebAssets();
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            // Note that bearer tokens need no data protection keys; its start-up notes about them are noise.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

            // One line per request is noise on a console; start-up and problems still show.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("OpenImr.Web.Infrastructure.BearerTokenHandler", LogLevel.Warning);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        // Note that the one clock and the one criteria library of the process are registered here, once.
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(options.Criteria ?? CriteriaLibrary.Embedded);
        services.AddSingleton(options.Database);
        services.AddScoped(_ => options.Database.CreateContext());
        services.AddSingleton(new LetterStore(options.Database, new LetterStoreOptions
        {
            ClassifyService = item => RequestParser.Parse(item.Request).Service.ToString(),
            TimeProvider = options.TimeProvider,
        }));
        services.AddSingleton<TokenUserCache>();
        services.AddSingleton<CaseViewCache>();
        services.AddScoped<CaseRepository>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<EligibilityScreening>();
        services.AddScoped<ReviewerAssignment>();
        services.AddScoped<RecordAddition>();
        services.AddScoped<RecordsCompletion>();
        services.AddScoped<EngineReview>();
        services.AddScoped<ReviewerDecisions>();
        services.AddScoped<LetterIssuance>();
        services.AddScoped<ExpediteConversion>();
        services.AddScoped<CaseClosing>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseLetters>();
        services.AddSingleton<CaseStepQueue>();
        services.AddHostedService<DatabaseInitializer>();
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxRequestBytes);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Note that validation errors are keyed by C# property names; this writes them as the JSON names.
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
            // Note that a body is read strictly: a member no request has, a key given twice or a control character is a 400 naming the field.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.Converters.Add(new StrictStrings());
        });
        // Note that binding failures throw, so that RequestProblems can answer them with their field instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestProblems>();
        services.AddExceptionHandler<DatabaseBusy>();
        services.AddProblemDetails();
        services.AddValidation();
        services.AddOpenApi(openApi => openApi.AddBearerToken());

        services.AddAuthentication(BrowserSignIn.SchemeSelector)
            .AddPolicyScheme(BrowserSignIn.SchemeSelector, "Bearer for the API, cookie for pages", scheme => scheme.ForwardDefaultSelector = BrowserSignIn.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(BrowserSignIn.SchemeName, cookie =>
            {
                cookie.LoginPath = BrowserSignIn.SignInPath;
                cookie.AccessDeniedPath = BrowserSignIn.AccessDeniedPath;
                cookie.Cookie.Name = "imr_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = BrowserSignIn.ValidateAsync;
            });
        services.AddAuthorizationBuilder().AddImrPolicies();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, HiddenCaseAuthorization>();
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<DemoMode>();
        services.AddScoped<CaseDesk>();
        services.AddSingleton<Features.Check.RecordCheck>();
        services.AddSingleton<Features.Corpus.CorpusSearch>();
        // Note that a singleton keeps what it counted over the stored letters until the library's version moves.
        services.AddSingleton<Features.Analytics.CorpusAnalytics>();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Note that Kestrel reports a body over its limit as BadHttpRequestException 413.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode
                : DatabaseBusy.IsBusy(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            // Note that files served back (records, letters) must not be sniffed into another type.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            if (context.Request.HasJsonContentType()
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = Math.Min(options.MaxJsonBytes, options.MaxRequestBytes);
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthEndpoints();

        var api = app.MapGroup("/api").RequireAuthorization(Policies.AnyUser);
        api.MapUserEndpoints();
        api.MapReviewerEndpoints();
        api.MapCaseEndpoints();
        api.MapCaseDocumentEndpoints();
        api.MapWorkflowEndpoints();
        api.MapCaseLetterEndpoints();
        api.MapLetterEndpoints();
        api.MapStatsEndpoints();

        if (staticAssets is not null)
        {
            app.MapStaticAssets(staticAssets.Endpoints);
        }

        app.MapSignOut();
        app.MapLetterDownloads();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
