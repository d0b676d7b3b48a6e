using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests;

/// <summary>
/// The test classes that share one PostgreSQL server for the whole run (started once, stopped at the end); each class
/// works in a database of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
