using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.WebChat;

/// <summary>
/// Renders the clinic page from <c>wwwroot/webchat/index.html</c>: <c>{{name}}</c> is replaced HTML-encoded,
/// <c>{{#if name}}…{{/if}}</c> is kept only when the value is set. Every sentence comes from the <c>webchat_*</c> templates in
/// <c>prompts/responses/webchat.yaml</c> or from the <c>Clinic</c> settings.
/// </summary>
internal sealed partial class WebChatPage(ResponseTemplates templates, IOptions<ClinicOptions> clinic, IOptions<ClinicSiteOptions> site, IOptions<WebChatOptions> webChat)
{
    private static readonly string[] TextKeys =
    [
        "page_title", "tagline", "skip_to_chat", "info_heading", "phone_label", "hours_label", "address_label", "crisis_notice",
        "chat_heading", "education_notice", "chat_label", "language_link", "loading", "unavailable", "noscript", "footer", "input_placeholder",
    ];

    private readonly Lazy<string> _template = new(() => File.ReadAllText(Path.Combine(WebChatEndpoints.SiteDirectory, "index.html")));

    public string Render(string locale, bool? webSocket)
    {
        locale = Locales.Normalize(locale);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lang"] = locale,
            ["other_lang"] = locale == Locales.Spanish ? Locales.English : Locales.Spanish,
            ["clinic_name"] = clinic.Value.Name,
            ["clinic_phone"] = clinic.Value.Phone,
            ["clinic_phone_href"] = "tel:" + PhoneDigits().Replace(clinic.Value.Phone, ""),
            ["clinic_hours"] = site.Value.Hours,
            ["clinic_address"] = site.Value.Address,
        };
        foreach (var key in TextKeys) values[key] = templates.Render("webchat_" + key, locale, Channel.Web);

        var config = JsonSerializer.Serialize(new
        {
            tokenUrl = "/api/webchat/token",
            locale = locale == Locales.Spanish ? "es-ES" : "en-US",
            webSocket = webSocket ?? webChat.Value.WebSocket,
            pollingInterval = (int)webChat.Value.PollingInterval.TotalMilliseconds,
            strings = new { unavailable = values["unavailable"], loading = values["loading"], placeholder = values["input_placeholder"], chatLabel = values["chat_label"] },
        });
        // Inside <script type="application/json">: "<" must not close the element early.
        values["config_json"] = config.Replace("<", "\\u003c", StringComparison.Ordinal);

        var html = Conditional().Replace(_template.Value, m => string.IsNullOrWhiteSpace(values.GetValueOrDefault(m.Groups["name"].Value)) ? "" : m.Groups["body"].Value);
        return Placeholder().Replace(html, m =>
        {
            var name = m.Groups["name"].Value;
            var value = values.TryGetValue(name, out var v) ? v : throw new InvalidOperationException($"index.html uses {{{{{name}}}}}, which has no value.");
            return name == "config_json" ? value : WebUtility.HtmlEncode(value);
        });
    }

    [GeneratedRegex(@"\{\{#if\s+(?<name>[a-z_]+)\s*\}\}(?<body>.*?)\{\{/if\}\}", RegexOptions.Singleline)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[^0-9+]")]
    private static partial Regex PhoneDigits();
}
