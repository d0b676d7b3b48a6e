using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace ClinicBot.Llm.PromptTemplates;

/// <summary>
/// Splits a rendered prompt into chat messages: each <c>&lt;message role="system|user|assistant"&gt;</c> block is one
/// message, its text HTML-decoded (Semantic Kernel encodes variable values while rendering, so a question or passage
/// can never open or close a block of its own). A prompt without blocks is one user message. Never throws.
/// </summary>
internal static partial class ChatPromptMessages
{
    public static IReadOnlyList<ChatMessage> Parse(string rendered)
    {
        var messages = MessagePattern().Matches(rendered)
            .Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value), WebUtility.HtmlDecode(m.Groups["content"].Value).Trim()))
            .ToList();
        return messages.Count > 0 ? messages : [new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered).Trim())];
    }

    [GeneratedRegex("<message role=\"(?<role>system|user|assistant)\">(?<content>.*?)</message>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MessagePattern();
}
