namespace ClinicBot.Storage.Postgres;

/// <summary>The shared PostgreSQL database, read from <c>ConnectionStrings:ClinicBot</c>.</summary>
public sealed class PostgresOptions
{
    /// <summary>The configuration key of the connection string (<c>ConnectionStrings__ClinicBot</c> as an environment variable).</summary>
    public const string ConnectionStringName = "ClinicBot";

    /// <summary>Why start-up fails without a connection string.</summary>
    public const string Missing =
        $"Storage:Provider is '{StorageProviders.Postgres}' but ConnectionStrings:{ConnectionStringName} is empty: set it (environment variable ConnectionStrings__{ConnectionStringName}).";

    /// <summary>
    /// An Npgsql connection string (<c>Host=db;Port=5432;Database=clinicbot;Username=clinicbot;Password=...</c>). No
    /// default: required when <c>Storage:Provider</c> is <c>postgres</c>; its password belongs in an environment variable
    /// or user-secrets, never in <c>appsettings.json</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";
}
