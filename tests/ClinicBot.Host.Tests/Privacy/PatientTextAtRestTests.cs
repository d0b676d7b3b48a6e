using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using ClinicBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;
using static ClinicBot.Host.Tests.Privacy.PatientOnEveryChannel;

namespace ClinicBot.Host.Tests.Privacy;

/// <summary>
/// Patient text at rest over the real host: a patient types a name, an email and a date of birth into Web Chat (Direct
/// Line), SMS (the Twilio webhook) and a Bot Framework channel, then asks for a person; none of the three is in the
/// database in clear (SQLite: the file and its WAL, byte for byte; PostgreSQL: every text column of every table), and
/// the staff console still shows each transcript decrypted.
/// </summary>
public sealed class PatientTextAtRestTests(PostgresServer server) : IClassFixture<PostgresServer>
{

    [Fact]
    public async Task Sqlite_NameEmailBirthDateTypedOnEveryChannel_NotInTheFileOrWalInClear_StaffReadThem()
    {
        await using var host = NewHost();
        await TypeOnEveryChannelAndCheckStaffReadAsync(host);

        foreach (var file in new[] { "clinicbot.db", "clinicbot.db-wal" }.Select(f => Path.Combine(host.DataDirectory, f)).Where(File.Exists))
        {
            var bytes = ReadShared(file);
            foreach (var secret in Secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds '{secret}' in clear");
            }
        }
    }

    [Fact]
    public async Task Postgres_NameEmailBirthDateTypedOnEveryChannel_NoTextColumnHoldsThemInClear_StaffReadThem()
    {
        var database = server.CreateDatabase("atrest");
        await using var host = NewHost();
        host.Settings["Storage:Provider"] = "postgres";
        host.Settings["ConnectionStrings:ClinicBot"] = database;
        host.Settings["WebChat:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        host.Settings["Privacy:DataKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5)).ToArray());
        await TypeOnEveryChannelAndCheckStaffReadAsync(host);

        var values = await EveryTextValueAsync(database);
        Assert.Contains(values, v => v.Value.StartsWith("v1:", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(values, v => v.Value.Contains(secret, StringComparison.Ordinal));
        }
    }


    private static async Task TypeOnEveryChannelAndCheckStaffReadAsync(HostFactory host)
    {
        var client = await host.ReadyClientAsync();
        await host.Services.GetRequiredService<StaffAccountService>().CreateAsync("nurse@clinic.example", "Nurse Joy", Password, CancellationToken.None);

        // Web Chat, through the host's own Direct Line.
        var visitor = await DirectLineVisitor.StartAsync(client);
        foreach (var text in new[] { Introduction, "I want to talk to a person" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "visitor", name = Secrets[0] } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
            Assert.True((await client.SendAsync(post)).IsSuccessStatusCode);
        }

        // SMS, through the signed Twilio webhook.
        var number = "+1555" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var text in new[] { Introduction, "I want to talk to a person" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SmsWebhook(number, text))).StatusCode);
        }

        // A Bot Framework channel, the patient's name in from.name.
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        foreach (var text in new[] { Introduction, "I want to talk to a person" })
        {
            var activity = Message(text, expectReplies: true, conversationId: conversation);
            activity["from"]!["name"] = Secrets[0];
            (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        }

        // Staff open each escalation and read what the patient typed.
        var staff = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, "nurse@clinic.example", Password)).StatusCode);
        // One conversation per channel; the typed message may raise an escalation of its own before the request for a person.
        var transcripts = new Dictionary<string, string>();
        for (var attempt = 0; attempt < 100 && transcripts.Count < 3; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            foreach (var escalation in (await staff.GetFromJsonAsync<JsonArray>("/api/staff/escalations"))!)
            {
                var opened = await staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{(string)escalation!["id"]!}");
                transcripts[(string)escalation["conversationId"]!] = string.Join("\n", opened!["transcript"]!.AsArray().Select(e => (string?)e!["text"]));
            }
        }

        Assert.Equal(3, transcripts.Count);
        Assert.All(transcripts.Values, t => Assert.Contains(Introduction, t, StringComparison.Ordinal));
    }


    private static byte[] ReadShared(string path)
    {
        SqliteConnection.ClearAllPools();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Every value of every text, varchar, json, jsonb and bytea column of every table, as text.
    private static async Task<List<(string Column, string Value)>> EveryTextValueAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.Contains(columns, c => c == ("transcript_entries", "text"));
        var values = new List<(string, string)>();
        foreach (var (table, column) in columns)
        {
            await using var select = new NpgsqlCommand(
                $"SELECT CASE WHEN pg_typeof(\"{column}\") = 'bytea'::regtype THEN convert_from(\"{column}\"::bytea, 'SQL_ASCII') ELSE \"{column}\"::text END FROM \"{table}\" WHERE \"{column}\" IS NOT NULL",
                connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) values.Add(($"{table}.{column}", reader.GetString(0)));
        }

        return values;
    }
}
