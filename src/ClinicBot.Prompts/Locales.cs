namespace ClinicBot.Prompts;

/// <summary>The languages ClinicBot replies in. Articles are English; templates exist in each supported locale.</summary>
public static class Locales
{
    /// <summary>English, the default and the fallback for any template a locale lacks.</summary>
    public const string English = "en";

    /// <summary>Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>Maps a caller's locale ("es", "es-MX", "ES", null) onto a supported locale.</summary>
    public static string Normalize(string? locale) =>
        locale is not null && locale.StartsWith(Spanish, StringComparison.OrdinalIgnoreCase) ? Spanish : English;
}
