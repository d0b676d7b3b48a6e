using ClinicBot.Storage.Tests.Contracts;

namespace ClinicBot.Storage.Tests.Sqlite;

public sealed class SqliteInboxLeaseTests() : InboxLeaseContract(new SqliteBackend());
