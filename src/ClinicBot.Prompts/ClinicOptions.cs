using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Prompts;

/// <summary>Facts about the clinic that replies may state, bound from the <c>Clinic</c> configuration section.</summary>
public sealed class ClinicOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Clinic";

    /// <summary>The clinic's name as patients know it, used in templates as <c>{{clinic_name}}</c>. Default "the clinic".</summary>
    [Required]
    public string Name { get; set; } = "the clinic";

    /// <summary>The phone number patients may call, <c>{{clinic_phone}}</c>. Default empty: templates then leave the phone out.</summary>
    public string Phone { get; set; } = "";

    /// <summary>
    /// The site's public address as browsers reach it (scheme, host, port, optional path), e.g.
    /// <c>https://chat.clinic.example</c>: the Web Chat's Direct Line domain, its WebSocket and the page's CSP use it.
    /// Default empty: the address the host listens on. Set it behind a reverse proxy.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The values every template may use.</summary>
    public IReadOnlyDictionary<string, string> TemplateValues() =>
        new Dictionary<string, string> { ["clinic_name"] = Name, ["clinic_phone"] = Phone };
}
