using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Store;

/// <summary>
/// A store migrated from nothing (every migration of its provider, docs/decisions.md "Migrations") must hold every
/// table and column the model maps, SQLite's declared with the model's types, and the model must have no change the
/// migrations have not captured.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AStoreMigratedFromScratch_MatchesTheModel(string provider)
    {
        await using var app = TestApp.Create(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration captures: run scripts/add-migration.sh");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = await ColumnsAsync(connection, table.Name, db.IsPostgres);
            if (columns.Count == 0)
            {
                missing.Add(table.Name);
                continue;
            }

            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName(table) is not null))
            {
                // SQLite gives back the type the column was declared with (a GUID's is BLOB, BinaryIds); PostgreSQL
                // spells its types its own way, so there only the column's presence is checked.
                var column = property.GetColumnName(table)!;
                if (!columns.TryGetValue(column, out var type))
                {
                    missing.Add($"{table.Name}.{column}");
                }
                else if (!db.IsPostgres && type != property.GetColumnType(table))
                {
                    missing.Add($"{table.Name}.{column} declared {type}, mapped as {property.GetColumnType(table)}");
                }
            }
        }

        Assert.Empty(missing);
        if (db.IsPostgres)
        {
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = $"SELECT count(*) FROM pg_trigger WHERE tgname IN ('{string.Join("', '", HeadNotifications.Triggers)}')";
            Assert.Equal((long)HeadNotifications.Triggers.Length, await trigger.ExecuteScalarAsync());
        }
    }

    private static async Task<Dictionary<string, string>> ColumnsAsync(DbConnection connection, string table, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t"
            : "SELECT name, type FROM pragma_table_info(@t)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@t";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0), reader.GetString(1));
        }

        return columns;
    }
}
