using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>How the stores hand values to Npgsql.</summary>
internal static class PostgresParameters
{
    /// <summary>
    /// Adds a named parameter: null becomes SQL NULL, and a time goes in as UTC, which is the only offset Npgsql writes
    /// to a <c>timestamptz</c> column.
    /// </summary>
    public static NpgsqlCommand Add(this NpgsqlCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            DateTimeOffset at => at.ToUniversalTime(),
            _ => value,
        });
        return command;
    }

    /// <summary>A <c>timestamptz</c> column, or null.</summary>
    public static DateTimeOffset? GetTimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A text column, or null.</summary>
    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
