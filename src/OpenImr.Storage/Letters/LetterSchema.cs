namespace OpenImr.Storage.Letters;

/// <summary>
/// The schema of one database, created or migrated once, on the first call of any part of a
/// <see cref="LetterStore"/> (import, search or statistics), which all share it.
/// </summary>
internal sealed class LetterSchema(DatabaseTarget target)
{
    private readonly Lock _gate = new();
    private Task? _migration;

    /// <summary>The database.</summary>
    public DatabaseTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>Completes when the schema is current; every caller shares one migration.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Note that a failed or cancelled migration is tried again by the next call.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = Target.MigrateAsync(cancellationToken);
            }

            return _migration;
        }
    }
}
