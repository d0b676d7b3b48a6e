namespace ClinicBot.Safety.Tests.Triage;

/// <summary>One row of <c>Cases/*.yaml</c>: a realistic message and the route it must get.</summary>
internal sealed class HardCase
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public string Locale { get; set; } = "en";

    public string Route { get; set; } = "";

    public string? Why { get; set; }
}
