using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>How activities are read and written: camelCase, case-insensitive on the way in, null fields left out.</summary>
public static class ActivityJson
{
    /// <summary>The serializer options for activities and Connector payloads.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
