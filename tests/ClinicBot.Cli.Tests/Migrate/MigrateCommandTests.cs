namespace ClinicBot.Cli.Tests.Migrate;

/// <summary><c>clinicbot migrate</c> brings a database to the latest schema version: a new one, and one made before versions.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly CliDatabase _database = new();

    private string DatabasePath => _database.Path;

    [Fact]
    public async Task Migrate_NewDatabase_AppliesEveryVersionThenFindsItUpToDate()
    {
        var first = await MigrateAsync();
        var second = await MigrateAsync();

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 5 (applied 1, 2, 3, 4, 5).", first.Lines.Single());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 5, up to date.", second.Lines.Single());
        Assert.Equal(5L, Scalar("SELECT count(*) FROM schema_version WHERE version IN (1, 2, 3, 4, 5)"));
    }

    [Fact]
    public async Task Migrate_DatabaseMadeBeforeVersions_UpgradesInPlaceKeepingItsRows()
    {
        Execute("""
            CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, crisis_since TEXT NULL, handler TEXT NULL, created_at TEXT NOT NULL);
            INSERT INTO conversations (id, channel, created_at) VALUES ('sms:old', 'sms', '2026-11-01T00:00:00.0000000Z');
            CREATE TABLE sms_inbound (message_sid TEXT PRIMARY KEY, phone_hash TEXT NOT NULL, received_at TEXT NOT NULL);
            INSERT INTO sms_inbound (message_sid, phone_hash, received_at) VALUES ('SM1', 'hash', '2026-11-01T00:00:00.0000000Z');
            """);

        var migrated = await MigrateAsync();

        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 5 (applied 1, 2, 3, 4, 5).", migrated.Lines.Single());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM conversations WHERE id = 'sms:old' AND locale IS NULL"));
        // A text handled before the inbox columns existed stays handled: no second reply after the upgrade.
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sms_inbound WHERE message_sid = 'SM1' AND finished_at = received_at AND reply_encrypted IS NULL"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'directline_activities'"));
    }

    [Fact]
    public async Task Migrate_ConversationsStoredBeforeAddresses_GetTheAddressTheirChannelKept()
    {
        Execute("""
            CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, crisis_since TEXT NULL, handler TEXT NULL, created_at TEXT NOT NULL);
            CREATE TABLE bot_conversation_references (conversation_key TEXT PRIMARY KEY, reference TEXT NOT NULL);
            CREATE TABLE directline_conversations (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, locale TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE sms_subscribers (
                phone_hash TEXT PRIMARY KEY, conversation_id TEXT NOT NULL UNIQUE, phone_encrypted TEXT NOT NULL, display TEXT NOT NULL, locale TEXT,
                opted_out INTEGER NOT NULL DEFAULT 0, opted_out_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            INSERT INTO conversations (id, channel, created_at) VALUES
                ('msteams:a:19abc', 'web', '2026-11-01T00:00:00.0000000Z'),
                ('directline:dl1', 'web', '2026-11-01T00:00:00.0000000Z'),
                ('sms:0123456789abcdef0123456789abcdef', 'sms', '2026-11-01T00:00:00.0000000Z'),
                ('directline:inprocess', 'web', '2026-11-01T00:00:00.0000000Z'),
                ('cli:local', 'web', '2026-11-01T00:00:00.0000000Z');
            INSERT INTO bot_conversation_references VALUES
                ('msteams:a:19abc', '{"type":"message","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams"}'),
                ('directline:inprocess', '{"type":"message","serviceUrl":"inprocess://directline/","channelId":"directline"}');
            INSERT INTO directline_conversations VALUES ('dl1', 'dl_user', 'en', '2026-11-01T00:00:00.0000000Z');
            INSERT INTO sms_subscribers (phone_hash, conversation_id, phone_encrypted, display, created_at, updated_at)
                VALUES ('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'sms:0123456789abcdef0123456789abcdef', 'x', '***-1234',
                        '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z');
            """);

        var migrated = await MigrateAsync();

        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal("botframework msteams:a:19abc", Text("SELECT address_channel || ' ' || address FROM conversations WHERE id = 'msteams:a:19abc'"));
        Assert.Equal("directline dl1", Text("SELECT address_channel || ' ' || address FROM conversations WHERE id = 'directline:dl1'"));
        Assert.Equal(
            "sms 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            Text("SELECT address_channel || ' ' || address FROM conversations WHERE id = 'sms:0123456789abcdef0123456789abcdef'"));
        // Neither a network channel's reference nor a Direct Line conversation of this host: no address, as no delivery reached it.
        Assert.Equal(2L, Scalar("SELECT count(*) FROM conversations WHERE id IN ('directline:inprocess', 'cli:local') AND address_channel IS NULL AND address IS NULL"));
    }

    [Fact]
    public async Task Migrate_StaffAccountsMadeBeforeStamps_EachGetsItsOwnStamp_LockColumnsGo()
    {
        Execute("""
            CREATE TABLE staff_accounts (email TEXT PRIMARY KEY, name TEXT NOT NULL, password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL, locked_until TEXT NULL);
            INSERT INTO staff_accounts VALUES ('ana@clinic.example', 'Ana', 'hash-a', 3, NULL), ('bo@clinic.example', 'Bo', 'hash-b', 0, '2026-11-01T00:00:00.0000000Z');
            """);

        var migrated = await MigrateAsync();

        Assert.Equal(0, migrated.ExitCode);
        // A stamp each (so cookies issued before are signed out once), different, and the passwords kept.
        Assert.Equal(2L, Scalar("SELECT count(DISTINCT security_stamp) FROM staff_accounts WHERE length(security_stamp) = 32 AND disabled_at IS NULL"));
        Assert.Equal("hash-a hash-b", Text("SELECT group_concat(password_hash, ' ') FROM (SELECT password_hash FROM staff_accounts ORDER BY email)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM pragma_table_info('staff_accounts') WHERE name IN ('failed_attempts', 'locked_until')"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sign_in_failures'"));
    }

    [Fact]
    public async Task Migrate_UnknownOption_PrintsUsageAndExits2()
    {
        var result = await MigrateAsync("--now");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: clinicbot migrate", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private Task<(int ExitCode, List<string> Lines, string Error)> MigrateAsync(params string[] options) => _database.RunAsync(null, ["migrate", .. options]);

    private void Execute(string sql) => SqliteFile.Scalar(DatabasePath, sql);

    private string Text(string sql) => (string)SqliteFile.Scalar(DatabasePath, sql)!;

    private long Scalar(string sql) => (long)SqliteFile.Scalar(DatabasePath, sql)!;
}
