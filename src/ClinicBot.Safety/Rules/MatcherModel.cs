namespace ClinicBot.Safety.Rules;

/// <summary>Words a rule looks for: literal phrases (normalised like the message) and regular expressions.</summary>
internal class MatcherModel
{
    public List<string>? Phrases { get; set; }

    public List<string>? Patterns { get; set; }
}
