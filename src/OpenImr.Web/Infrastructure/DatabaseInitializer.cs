using Microsoft.EntityFrameworkCore;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Service;
using OpenImr.Web.Demo;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// Runs before the server listens: creates or migrates the schema (SQLite in WAL mode), and on a
/// database without users creates the first administrator with the bootstrap token, or with a
/// generated one that is printed once; with <see cref="WebAppOptions.Demo"/> it then loads the demo.
/// </summary>
internal sealed class DatabaseInitializer(WebAppOptions options, CriteriaLibrary criteria, LetterStore letters, DemoMode demo, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public const string FirstAdministratorName = "administrator";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await options.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var db = options.Database.CreateContext();
        if (await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            demo.Active = options.Demo && DemoSeeder.IsLoaded(db);
            return;
        }

        var given = !string.IsNullOrWhiteSpace(options.BootstrapToken);
        var token = given ? options.BootstrapToken!.Trim() : ApiTokens.Generate();
        var now = options.TimeProvider.GetUtcNow();
        var user = new ServiceUser { Id = Guid.CreateVersion7(now), Name = FirstAdministratorName, Role = UserRoles.Administrator, CreatedAt = now };
        user.Tokens.Add(new ApiToken { TokenHash = ApiTokens.Hash(token), CreatedAt = now });
        db.Users.Add(user);
        db.Record(options.TimeProvider, null, "user.bootstrapped", detail: given ? $"token from {WebAppOptions.BootstrapTokenVariable}" : "token generated");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        if (given)
        {
            logger.LogInformation("Created the first administrator with the token in " + WebAppOptions.BootstrapTokenVariable + ".");
        }
        else
        {
            var output = options.Output ?? Console.Out;
            await output.WriteLineAsync(
                $"imr serve: created the first administrator. Its API token, shown only this once, is:{Environment.NewLine}  {token}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.Demo)
        {
            await DemoSeeder.SeedAsync(options, criteria, letters, cancellationToken).ConfigureAwait(false);
            demo.Active = true;
            logger.LogInformation("Loaded the demo: synthetic cases, the seed letters and one demo user per role (see the sign-in page).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
