using Microsoft.EntityFrameworkCore;

namespace OpenImr.Storage.Tests;

public class ImrDbContextTests
{
    [Theory]
    [InlineData("imr-model-check.db")]
    [InlineData("Host=db.example;Database=imr")]
    public void Model_EachProvider_HasNoChangesMissingFromItsMigrations(string database)
    {
        // Note that this needs no server: it compares the model with the provider's migration snapshot.
        using var context = DatabaseTarget.Parse(database.Contains('=', StringComparison.Ordinal)
            ? database
            : Path.Combine(Path.GetTempPath(), database)).CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            $"Add a migration for {context.GetType().Name}: dotnet ef migrations add NAME -p src/OpenImr.Storage -c {context.GetType().Name} -o Migrations/...");
        Assert.NotEmpty(context.Database.GetMigrations());
    }
}
