namespace ClinicBot.Safety.Triage;

/// <summary>The route names used in the rule files (<c>out_of_scope</c>) and their enum values.</summary>
internal static class TriageRouteNames
{
    private static readonly Dictionary<string, TriageRoute> ByName = new(StringComparer.Ordinal)
    {
        ["crisis"] = TriageRoute.Crisis,
        ["clinical"] = TriageRoute.Clinical,
        ["human"] = TriageRoute.Human,
        ["injection"] = TriageRoute.Injection,
        ["out_of_scope"] = TriageRoute.OutOfScope,
        ["smalltalk"] = TriageRoute.Smalltalk,
    };

    /// <summary>Every route a rule file can declare; Education is what is left when none matches.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static TriageRoute Parse(string file, string? name) =>
        name is not null && ByName.TryGetValue(name, out var route)
            ? route
            : throw new InvalidDataException($"{file}: unknown route '{name}' (use one of: {string.Join(", ", Names)}).");
}
