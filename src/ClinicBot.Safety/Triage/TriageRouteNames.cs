namespace ClinicBot.Safety.Triage;

/// <summary>The route names used in the rule files (<c>out_of_scope</c>) and their enum values.</summary>
internal static class TriageRouteNames
{
    private static readonly Dictionary<string, TriageRoute> ByName = new(StringComparer.Ordinal)
    {
        ["crisis"] = TriageRoute.Crisis,
        ["clinical"] = TriageRoute.Clinical,
        ["human"] = TriageRoute.Human,
        ["privacy"] = TriageRoute.Privacy,
        ["injection"] = TriageRoute.Injection,
        ["out_of_scope"] = TriageRoute.OutOfScope,
        ["smalltalk"] = TriageRoute.Smalltalk,
    };

    /// <summary>Every route a rule file can declare; Education is what is left when none matches.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>A label of the examples and the model: a rule route, or "education" (and "unanswerable", which triage treats as education).</summary>
    public static TriageRoute ParseLabel(string label) =>
        label is "education" or "unanswerable" ? TriageRoute.Education : Parse("label", label);

    /// <summary>The label of a route, as the examples and the reply reasons spell it.</summary>
    public static string Label(TriageRoute route) =>
        route == TriageRoute.Education ? "education" : ByName.First(pair => pair.Value == route).Key;

    public static TriageRoute Parse(string file, string? name) =>
        name is not null && ByName.TryGetValue(name, out var route)
            ? route
            : throw new InvalidDataException($"{file}: unknown route '{name}' (use one of: {string.Join(", ", Names)}).");
}
