namespace ClinicBot.Host.WebChat;

/// <summary>
/// What the clinic page shows besides the name and phone (<see cref="ClinicBot.Prompts.ClinicOptions"/>), bound from the same
/// <c>Clinic</c> section. Empty values are left off the page.
/// </summary>
internal sealed class ClinicSiteOptions
{
    /// <summary>Opening hours as patients should read them, e.g. "Mon–Fri 8 am–5 pm". Default empty.</summary>
    public string Hours { get; set; } = "";

    /// <summary>Street address, one line, e.g. "1200 K Street, Sacramento, CA". Default empty.</summary>
    public string Address { get; set; } = "";
}
