using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;
using static ClinicBot.Host.Tests.Privacy.PatientOnEveryChannel;

namespace ClinicBot.Host.Tests.Privacy;

/// <summary>
/// "Forget me" over the real host, on Web Chat (Direct Line), SMS (the Twilio webhook, reply in TwiML) and a Bot Framework
/// channel: the patient types a name, an email and a date of birth with a question, asks to be forgotten, says yes, and
/// gets the confirmation in their channel; afterwards nothing they wrote is readable anywhere — no protected column of
/// any table decrypts to it, the channels' tables hold none of their rows, and the staff console shows none of it; on
/// SQLite and on PostgreSQL.
/// </summary>
public sealed class ForgetMeHostTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string Typed = $"{Introduction} How long does an infusion last?";

    [Fact]
    public async Task Sqlite_AskConfirm_OnEveryChannel_ConfirmationArrivesAndNothingTheyWroteIsLeft()
    {
        await using var host = NewHost();
        await AskConfirmOnEveryChannelAsync(host);
    }

    [Fact]
    public async Task Postgres_AskConfirm_OnEveryChannel_ConfirmationArrivesAndNothingTheyWroteIsLeft()
    {
        await using var host = NewHost();
        host.Settings["Storage:Provider"] = "postgres";
        host.Settings["ConnectionStrings:ClinicBot"] = server.CreateDatabase("forgetme");
        host.Settings["WebChat:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        host.Settings["Privacy:DataKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5)).ToArray());
        await AskConfirmOnEveryChannelAsync(host);
    }

    private static async Task AskConfirmOnEveryChannelAsync(HostFactory host)
    {
        var client = await host.ReadyClientAsync();

        // Web Chat, through the host's own Direct Line, the patient's name in from.name.
        var visitor = await DirectLineVisitor.StartAsync(client);
        foreach (var text in new[] { Typed, "Please delete my data", "yes" })
        {
            var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "visitor", name = Secrets[0] } }),
            };
            post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", visitor.Token);
            Assert.True((await client.SendAsync(post)).IsSuccessStatusCode);
        }

        var webActivities = (await (await visitor.ActivitiesAsync(client)).Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.Contains(webActivities, a => ((string?)a!["text"] ?? "").StartsWith("Done: I've erased", StringComparison.Ordinal));
        Assert.DoesNotContain(webActivities, a => (string?)a!["from"]?["role"] == "user");

        // SMS, in Spanish.
        var number = "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        var smsReplies = new List<string>();
        foreach (var text in new[] { Typed, "borra mis datos por favor", "sí" })
        {
            var response = await client.SendAsync(SmsWebhook(number, text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            smsReplies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Listo: sus mensajes y mis respuestas estan borrados", smsReplies[^1], StringComparison.Ordinal);

        // A Bot Framework channel.
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        JsonArray botReplies = [];
        foreach (var text in new[] { Typed, "forget me", "ok, delete" })
        {
            var activity = Message(text, expectReplies: true, conversationId: conversation);
            activity["from"]!["name"] = Secrets[0];
            var response = await client.PostAsJsonAsync("/api/messages", activity);
            response.EnsureSuccessStatusCode();
            botReplies = await RepliesAsync(response);
        }

        Assert.Contains(botReplies, r => ((string?)r!["text"] ?? "").StartsWith("Done: I've erased", StringComparison.Ordinal));

        // Nothing of theirs in any protected column, decrypted.
        var revealed = RevealEveryProtectedValue(host);
        Assert.NotEmpty(revealed);
        foreach (var secret in Secrets.Append("delete my data").Append("borra mis datos"))
        {
            var found = revealed.FirstOrDefault(v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"'{secret}' is still readable: {found}");
        }

        // No row of theirs in the channels' tables (the host started empty), and no transcript at all.
        foreach (var table in new[] { "transcript_entries", "bot_conversation_references", "bot_inbox", "bot_activity_ledger", "patient_outbox", "sms_inbound", "sms_subscribers" })
        {
            Assert.True(Count(host, table) == 0, $"{table} still holds rows");
        }

        // The staff console: any escalation their first message raised stays open, with nothing they wrote.
        await host.Services.GetRequiredService<StaffAccountService>().CreateAsync("nurse@clinic.example", "Nurse Joy", Password, CancellationToken.None);
        var staff = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, "nurse@clinic.example", Password)).StatusCode);
        foreach (var escalation in (await staff.GetFromJsonAsync<JsonArray>("/api/staff/escalations?includeResolved=true"))!)
        {
            var opened = await staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{(string)escalation!["id"]!}");
            Assert.Empty(opened!["transcript"]!.AsArray());
            foreach (var secret in Secrets) Assert.DoesNotContain(secret, opened.ToJsonString(), StringComparison.Ordinal);
        }
    }



    // Every value of every protected column, decrypted as the stores read them.
    private static List<string> RevealEveryProtectedValue(HostFactory host)
    {
        var cipher = host.Services.GetRequiredService<PatientTextCipher>();
        using var connection = Open(host);
        var values = new List<string>();
        foreach (var column in ProtectedColumn.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {column.Column} FROM {column.Table}";
            using var reader = command.ExecuteReader();
            while (reader.Read()) values.Add($"{column.Table}.{column.Column}: {cipher.Reveal(reader.GetString(0), column)}");
        }

        return values;
    }

    private static DbConnection Open(HostFactory host) => host.Services.GetRequiredService<IStorageDatabase>() switch
    {
        SqliteConnectionFactory sqlite => sqlite.Open(),
        PostgresDatabase postgres => postgres.Open(),
        var other => throw new NotSupportedException(other.GetType().Name),
    };

    private static long Count(HostFactory host, string table)
    {
        using var connection = Open(host);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
