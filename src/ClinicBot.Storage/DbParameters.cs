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
}
