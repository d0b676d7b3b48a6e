using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationReferenceStoreTests(PostgresServer server) : ConversationReferenceStoreContract(new PostgresBackend(server, typeof(PostgresConversationReferenceStoreTests)));
