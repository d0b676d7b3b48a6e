using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Adds the clinic's suggested questions (template <c>webchat_suggestions</c> in <c>prompts/responses/webchat.yaml</c>, one per
/// line) to the welcome, as <c>imBack</c> buttons: a click sends the button's words as the visitor's message.
/// </summary>
internal sealed class DirectLineSuggestions(ResponseTemplates templates)
{
    public const string TemplateKey = "webchat_suggestions";

    public void Decorate(JsonObject activity)
    {
        if (activity["type"]?.GetValue<string>() != "message" || !IsWelcome(activity) || !templates.Contains(TemplateKey)) return;

        var locale = Locales.Normalize(activity["locale"]?.GetValue<string>());
        var actions = new JsonArray();
        foreach (var line in templates.Render(TemplateKey, locale, Channel.Web).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            actions.Add(new JsonObject { ["type"] = "imBack", ["title"] = line, ["value"] = line });
        }

        if (actions.Count > 0) activity["suggestedActions"] = new JsonObject { ["actions"] = actions };
    }

    private static bool IsWelcome(JsonObject activity) =>
        activity["entities"] is JsonArray entities
        && entities.OfType<JsonObject>().Any(e => e["type"]?.GetValue<string>() == ReplyActivities.ReplyEntityType
                                                  && e["route"]?.GetValue<string>() == HostReplies.WelcomeRoute);
}
