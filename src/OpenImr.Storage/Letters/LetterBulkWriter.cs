using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OpenImr.Storage.Letters;

/// <summary>A letter not stored before, with its items, ready to insert.</summary>
internal sealed record NewLetter(StoredLetter Entity, List<StoredLetterItem> Items);

/// <summary>
/// Inserts new letters, their items and (SQLite) their full-text rows without EF Core's change tracker,
/// inside the caller's transaction: reused prepared statements on SQLite, binary <c>COPY</c> on PostgreSQL.
/// The columns and value formats are those of the EF model (<see cref="ImrDbContext"/>), so EF reads the rows back as its own.
/// </summary>
internal static class LetterBulkWriter
{
    private static readonly string[] LetterColumns =
    [
        "case_number", "source", "format", "assigned_date", "injury_date", "decision_date", "ur_denial_date",
        "application_received_date", "priority", "reviewer_licensure", "reviewer_specialties", "patient_age",
        "patient_sex", "clinical_summary", "content_hash", "letter_json", "imported_at",
    ];

    private static readonly string[] ItemColumns =
        ["letter_id", "ordinal", "request", "decision", "service", "guideline_source", "guideline_title", "rationale"];

    public static async Task InsertAsync(
        DatabaseProvider provider, DbConnection connection, DbTransaction transaction, IReadOnlyList<NewLetter> letters, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            // Note that Microsoft.Data.Sqlite runs every call synchronously anyway; its async methods only add overhead.
            InsertSqlite(connection, transaction, letters, cancellationToken);
        }
        else
        {
            await InsertPostgresAsync((NpgsqlConnection)connection, letters, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void InsertSqlite(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewLetter> letters, CancellationToken cancellationToken)
    {
        using var letterInsert = Insert(connection, transaction, "letters", LetterColumns);
        using var itemInsert = Insert(connection, transaction, "letter_items", ItemColumns);
        using var searchInsert = Insert(connection, transaction, "letter_item_search", ["rowid", "request", "rationale", "summary"], returnsId: false);
        foreach (var (letter, items) in letters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Set(letterInsert, letter.CaseNumber, letter.Source, letter.Format, letter.AssignedDate, letter.InjuryDate, letter.DecisionDate,
                letter.UrDenialDate, letter.ApplicationReceivedDate, letter.Priority, JsonSerializer.Serialize(letter.ReviewerLicensure),
                JsonSerializer.Serialize(letter.ReviewerSpecialties), letter.PatientAge, letter.PatientSex, letter.ClinicalSummary,
                letter.ContentHash, letter.LetterJson, letter.ImportedAt);
            var letterId = Convert.ToInt32(letterInsert.ExecuteScalar(), CultureInfo.InvariantCulture);
            foreach (var item in items)
            {
                Set(itemInsert, letterId, item.Ordinal, item.Request, item.Decision, item.Service, item.GuidelineSource, item.GuidelineTitle, item.Rationale);
                var itemId = itemInsert.ExecuteScalar();
                Set(searchInsert, itemId, item.Request, item.Rationale, letter.ClinicalSummary);
                searchInsert.ExecuteNonQuery();
            }
        }
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, string table, string[] columns, bool returnsId = true)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Table and column names are constants; every value is a parameter.
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@v" + i.ToString(CultureInfo.InvariantCulture)))})" +
            (returnsId ? " RETURNING id" : "");
#pragma warning restore CA2100
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@v" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task InsertPostgresAsync(NpgsqlConnection connection, IReadOnlyList<NewLetter> letters, CancellationToken cancellationToken)
    {
        // Note that COPY cannot return the ids it assigns: they are taken from the identity's sequence first.
        var ids = new List<int>(letters.Count);
        await using (var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('letters', 'id'))::integer FROM generate_series(1, @count)", connection))
        {
            next.Parameters.AddWithValue("count", letters.Count);
            await using var reader = await next.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY letters (id, {string.Join(", ", LetterColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < letters.Count; i++)
            {
                var letter = letters[i].Entity;
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.CaseNumber, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.Format, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.AssignedDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.InjuryDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.DecisionDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.UrDenialDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.ApplicationReceivedDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.Priority, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.ReviewerLicensure, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.ReviewerSpecialties, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteValue(copy, letter.PatientAge, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.PatientSex, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.ClinicalSummary, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.ContentHash, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await Write(copy, letter.LetterJson, NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.ImportedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY letter_items ({string.Join(", ", ItemColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < letters.Count; i++)
            {
                foreach (var item in letters[i].Items)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(item.Ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.Request, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.Decision, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.Service, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.GuidelineSource, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.GuidelineTitle, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await Write(copy, item.Rationale, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task Write<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteValue<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
