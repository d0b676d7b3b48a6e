using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Prompts;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>The bot as Direct Line clients see it: a fixed id (never a visitor's) with the role Web Chat needs for suggested actions.</summary>
internal sealed class DirectLineBotAccount(IOptions<ClinicOptions> clinic)
{
    /// <summary>The bot's id in every Direct Line conversation.</summary>
    public const string Id = "clinicbot";

    public ChannelAccount Account() => new(Id, clinic.Value.Name, "bot");

    public JsonObject Json() => new() { ["id"] = Id, ["name"] = clinic.Value.Name, ["role"] = "bot" };
}
