using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>Open web chats survive a restart of the host: the token signing key is kept with the data.</summary>
public sealed class DirectLineRestartTests
{
    [Fact]
    public async Task Restart_WithoutConfiguredKey_OpenChatKeepsItsTokenAndTranscript()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("clinicbot-restart-").FullName;
        try
        {
            string conversationId, token;
            await using (var before = new WebChatHostFactory(dataDirectory))
            {
                (_, conversationId, token) = await before.StartConversationAsync();
            }

            await using var after = new WebChatHostFactory(dataDirectory);
            var client = after.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var set = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(set.GetProperty("activities").EnumerateArray(), a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
            var keyFile = Path.Combine(dataDirectory, "webchat-signing.key");
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
