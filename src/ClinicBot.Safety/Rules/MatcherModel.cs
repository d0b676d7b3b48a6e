namespace ClinicBot.Safety.Rules;

/// <summary>Words a rule looks for: literal phrases (normalised like the message) and regular expressions.</summary>
internal class MatcherModel
{
    /// <summary>Phrases, one per item or several per line as a YAML list (<c>- [xanax, klonopin]</c>) so related words sit together.</summary>
    public List<object>? Phrases { get; set; }

    public List<string>? Patterns { get; set; }

    public IEnumerable<string> AllPhrases() => Flatten(Phrases ?? []);

    private static IEnumerable<string> Flatten(IEnumerable<object> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case string phrase:
                    yield return phrase;
                    break;
                case IEnumerable<object> group:
                    foreach (var phrase in Flatten(group)) yield return phrase;
                    break;
                default:
                    throw new InvalidDataException($"a phrase must be text or a list of texts, not '{item}'");
            }
        }
    }
}
