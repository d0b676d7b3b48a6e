using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationStoreTests(PostgresServer server) : ConversationStoreContract(new PostgresBackend(server, typeof(PostgresConversationStoreTests)));
