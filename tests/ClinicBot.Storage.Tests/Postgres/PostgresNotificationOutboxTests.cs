using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationOutboxTests(PostgresServer server) : NotificationOutboxContract(new PostgresBackend(server, typeof(PostgresNotificationOutboxTests)));
