using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSignInFailureStoreTests(PostgresServer server) : SignInFailureStoreContract(new PostgresBackend(server, typeof(PostgresSignInFailureStoreTests)));
