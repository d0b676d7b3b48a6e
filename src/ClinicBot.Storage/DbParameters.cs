using System.Data.Common;

namespace ClinicBot.Storage;

/// <summary>Named parameters on a provider-neutral command (SQLite and PostgreSQL alike), for the code both providers share.</summary>
internal static class DbParameters
{
    /// <summary>Adds a parameter of this name and value to the command.</summary>
    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A command of <paramref name="sql"/> on the connection, in its transaction, with these named parameters.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);

        return command;
    }
}
