using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// The replies the channel itself makes, from <c>prompts/responses/host.yaml</c>: the welcome and the safe fallback.
/// They carry the same reply contract as turn replies, with the routes <c>welcome</c> and <c>fallback</c>.
/// </summary>
public sealed class HostReplies(ResponseTemplates templates)
{
    /// <summary>The route of a welcome message.</summary>
    public const string WelcomeRoute = "welcome";

    /// <summary>The route of the reply sent when a turn failed or could not be read.</summary>
    public const string FallbackRoute = Routes.Fallback;

    /// <summary>What I can help with, general education not medical advice, crisis lines, how to reach staff.</summary>
    public Reply Welcome(string locale, Channel channel) => new(WelcomeRoute, templates.Render("host_welcome", locale, channel), [], null);

    /// <summary>Sent when the turn failed: never silence, and the crisis lines are always in it.</summary>
    public Reply Fallback(string locale, Channel channel) => new(FallbackRoute, templates.Render("host_fallback", locale, channel), [], null);

    /// <summary>Sent for a message with no text (an attachment, a card): the bot reads text only.</summary>
    public Reply TextOnly(string locale, Channel channel) => new(FallbackRoute, templates.Render("host_text_only", locale, channel), [], null);
}
