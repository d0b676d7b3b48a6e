namespace ClinicBot.Prompts.Templates;

/// <summary>One template's text per locale and channel.</summary>
internal sealed class TemplateVariants(IReadOnlyDictionary<(string Locale, Channel Channel), string> texts)
{
    public IReadOnlyDictionary<(string Locale, Channel Channel), string> Texts { get; } = texts;

    /// <summary>SMS falls back to the web text, and any locale falls back to English.</summary>
    public string Select(string locale, Channel channel)
    {
        foreach (var candidate in Candidates(locale, channel))
        {
            if (Texts.TryGetValue(candidate, out var text)) return text;
        }

        throw new KeyNotFoundException($"No template text for {locale}/{channel} or its fallbacks.");
    }

    private static IEnumerable<(string, Channel)> Candidates(string locale, Channel channel)
    {
        yield return (locale, channel);
        yield return (locale, Channel.Web);
        yield return (Locales.English, channel);
        yield return (Locales.English, Channel.Web);
    }
}
