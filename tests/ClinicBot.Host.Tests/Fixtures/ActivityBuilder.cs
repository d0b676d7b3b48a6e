using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>Inbound activities as channels send them, and helpers to read the host's answers.</summary>
public static class ActivityBuilder
{
    public const string BotId = "clinicbot";

    public static JsonObject Message(string text, string? serviceUrl = null, string channelId = "webchat", string? locale = null, bool expectReplies = false,
        string? conversationId = null, string? id = null)
    {
        var activity = Envelope("message", serviceUrl, channelId, conversationId, id);
        activity["text"] = text;
        if (locale is not null) activity["locale"] = locale;
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JsonObject MembersAdded(string serviceUrl, string conversationId, params string[] memberIds)
    {
        var activity = Envelope("conversationUpdate", serviceUrl, "msteams", conversationId, null);
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());
        return activity;
    }

    public static JsonObject Envelope(string type, string? serviceUrl, string channelId = "webchat", string? conversationId = null, string? id = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? "conv-" + Guid.NewGuid().ToString("N") },
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Patient" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ClinicBot" },
            ["timestamp"] = "2026-01-01T00:00:00Z",
            ["someFutureField"] = new JsonObject { ["nested"] = true },
        };
        if (serviceUrl is not null) activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    /// <summary>The activities of an expectReplies response.</summary>
    public static async Task<JsonArray> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    /// <summary>The clinicbot/reply entity of a bot message.</summary>
    public static JsonObject ReplyEntity(JsonNode activity) =>
        activity["entities"]!.AsArray().Single(e => (string?)e!["type"] == "clinicbot/reply")!.AsObject();
}
