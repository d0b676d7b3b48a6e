using System.Text.RegularExpressions;
using ClinicBot.Safety.Normalization;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.Triage;

/// <summary>
/// The hand-written half of triage: rules that are data in <c>prompts/safety/*.yaml</c>, compiled once by
/// <see cref="Load"/>. <see cref="Classify"/> is deterministic, thread-safe and allocation-light, normalising the message
/// once and trying each route in precedence order. <see cref="TriageClassifier"/> puts it beside the learned model.
/// </summary>
public sealed class TriageRules
{
    private readonly TextNormalizer _normalizer;
    private readonly IReadOnlyList<RouteRules> _routes;
    private readonly IReadOnlyList<RouteRules> _routesAfterCrisis;

    private TriageRules(
        TextNormalizer normalizer, IReadOnlyList<RouteRules> routes, IReadOnlyDictionary<TriageRoute, string> modelResponses, IReadOnlySet<string> overrulable)
    {
        _normalizer = normalizer;
        _routes = routes;
        _routesAfterCrisis = routes.Skip(1).ToList();
        ModelResponses = modelResponses;
        CrisisRulesTheModelMayOverrule = overrulable;
    }

    /// <summary>The template of each route when the learned model, not a rule, chose it (<c>model_responses</c> in triage.yaml).</summary>
    public IReadOnlyDictionary<TriageRoute, string> ModelResponses { get; }

    /// <summary>
    /// The crisis rules whose words also describe the past, other people or the topic (<c>model_may_overrule_crisis</c>
    /// in triage.yaml): the learned model may set them aside when it is all but sure there is no crisis.
    /// </summary>
    public IReadOnlySet<string> CrisisRulesTheModelMayOverrule { get; }

    /// <summary>The routes tried, first to last; Education follows when none matches.</summary>
    public IReadOnlyList<TriageRoute> Precedence => _routes.Select(r => r.Route).ToList();

    /// <summary>Loads and compiles every triage rule file of a directory.</summary>
    /// <param name="safetyRulesDirectory">The <c>prompts/safety</c> directory.</param>
    /// <exception cref="InvalidDataException">A file, rule or pattern is invalid; the message names the file and rule.</exception>
    public static TriageRules Load(string safetyRulesDirectory)
    {
        var directory = SafetyRuleDirectory.Read(safetyRulesDirectory);
        var compiler = new RuleCompiler(directory.Normalizer);
        var precedence = ReadPrecedence(directory);

        var rulesByRoute = new Dictionary<TriageRoute, (PhraseIndex Phrases, List<CompiledRule> Rules)>();
        var exclusionsByRoute = new Dictionary<TriageRoute, List<Regex>>();
        foreach (var (file, model) in directory.Files)
        {
            if (model.Rules is not null) AddRouteFile(compiler, file, model, rulesByRoute);
            foreach (var exclusion in model.Exclusions ?? [])
            {
                var regex = compiler.Matcher(file, exclusion.Id!, "phrases/patterns", exclusion)
                    ?? throw new InvalidDataException($"{file}: exclusion '{exclusion.Id}' has no phrases or patterns.");
                if (exclusion.AppliesTo is not { Count: > 0 })
                {
                    throw new InvalidDataException($"{file}: exclusion '{exclusion.Id}' needs 'applies_to' (the routes that ignore it).");
                }

                foreach (var route in exclusion.AppliesTo)
                {
                    var key = TriageRouteNames.Parse(file, route);
                    if (!exclusionsByRoute.TryGetValue(key, out var list)) exclusionsByRoute[key] = list = [];
                    list.Add(regex);
                }
            }
        }

        var routes = precedence
            .Where(rulesByRoute.ContainsKey)
            .Select(route => new RouteRules(
                route,
                new RuleGroup(rulesByRoute[route].Phrases, rulesByRoute[route].Rules),
                exclusionsByRoute.TryGetValue(route, out var exclusions) ? exclusions : []))
            .ToList();
        if (routes.Count == 0 || routes[0].Route != TriageRoute.Crisis)
        {
            throw new InvalidDataException("The safety rules define no crisis rules; triage will not start without them.");
        }

        var crisisRuleIds = rulesByRoute[TriageRoute.Crisis].Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new TriageRules(directory.Normalizer, routes, ReadModelResponses(directory), ReadOverrulable(directory, crisisRuleIds));
    }

    /// <summary>The message as every rule sees it: lower case, no accents, SMS spelling and leetspeak undone.</summary>
    internal string Normalize(string text) => _normalizer.Normalize(text);

    /// <summary>Routes one message by the rules alone.</summary>
    /// <param name="text">The patient's message as typed.</param>
    /// <param name="locale">"en" or "es". Only a hint: Spanish often arrives tagged "en", so rules of both languages always run.</param>
    public TriageResult Classify(string text, string locale) => ClassifyBy(text, _routes);

    /// <summary>
    /// Whether every rule behind a crisis verdict is one the model may set aside (<see cref="CrisisRulesTheModelMayOverrule"/>).
    /// </summary>
    internal bool MayBeOverruled(TriageResult crisis) =>
        crisis.Route == TriageRoute.Crisis && crisis.Reasons.Count > 0 && crisis.Reasons.All(CrisisRulesTheModelMayOverrule.Contains);

    /// <summary>The route the rules give a message when the crisis rules are set aside.</summary>
    internal TriageResult ClassifyBeyondCrisis(string text) => ClassifyBy(text, _routesAfterCrisis);

    private TriageResult ClassifyBy(string text, IReadOnlyList<RouteRules> routes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) return TriageResult.Education;

        var normalized = _normalizer.Normalize(text);
        var crisisExcluded = false;
        foreach (var route in routes)
        {
            var result = route.Match(normalized, out var excluded);
            if (route.Route == TriageRoute.Crisis) crisisExcluded = excluded;
            if (result is not null) return crisisExcluded ? result with { CrisisWordingExcluded = true } : result;
        }

        return crisisExcluded ? TriageResult.Education with { CrisisWordingExcluded = true } : TriageResult.Education;
    }

    private static void AddRouteFile(
        RuleCompiler compiler, string file, RuleFileModel model, Dictionary<TriageRoute, (PhraseIndex Phrases, List<CompiledRule> Rules)> rulesByRoute)
    {
        var route = TriageRouteNames.Parse(file, model.Route);
        if (!rulesByRoute.TryGetValue(route, out var group)) rulesByRoute[route] = group = (new PhraseIndex(), []);
        foreach (var rule in model.Rules!)
        {
            var responseKey = rule.Response ?? model.Response;
            if (string.IsNullOrWhiteSpace(responseKey))
            {
                throw new InvalidDataException($"{file}: rule '{rule.Id}' has no response key (set 'response' on the file or the rule).");
            }

            group.Rules.Add(compiler.Compile(file, rule, responseKey, group.Phrases));
        }
    }

    private static List<TriageRoute> ReadPrecedence(SafetyRuleDirectory directory)
    {
        var files = directory.Files.Where(f => f.Model.Precedence is not null).ToList();
        if (files.Count != 1)
        {
            throw new InvalidDataException($"Exactly one safety rule file must hold the route 'precedence'; found {files.Count}.");
        }

        var (file, model) = files[0];
        var precedence = model.Precedence!.Select(name => TriageRouteNames.Parse(file, name)).ToList();
        if (precedence.Count != TriageRouteNames.Names.Count || precedence.Distinct().Count() != precedence.Count)
        {
            throw new InvalidDataException($"{file}: 'precedence' must list each route once: {string.Join(", ", TriageRouteNames.Names)}.");
        }

        // A message that reveals a crisis is a crisis whatever else it asks: no file may put anything first.
        if (precedence[0] != TriageRoute.Crisis)
        {
            throw new InvalidDataException($"{file}: 'precedence' must start with crisis.");
        }

        return precedence;
    }

    private static HashSet<string> ReadOverrulable(SafetyRuleDirectory directory, IReadOnlySet<string> crisisRuleIds)
    {
        var file = directory.Files.SingleOrDefault(f => f.Model.ModelMayOverruleCrisis is not null);
        var ids = (file.Model?.ModelMayOverruleCrisis ?? []).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => !crisisRuleIds.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{file.File}: 'model_may_overrule_crisis' names rules that are not crisis rules: {string.Join(", ", unknown)}.");
        }

        return ids;
    }

    private static Dictionary<TriageRoute, string> ReadModelResponses(SafetyRuleDirectory directory)
    {
        var responses = new Dictionary<TriageRoute, string>();
        var file = directory.Files.SingleOrDefault(f => f.Model.ModelResponses is not null);
        foreach (var (name, key) in file.Model?.ModelResponses ?? [])
        {
            var route = TriageRouteNames.Parse(file.File, name);
            if (route == TriageRoute.Crisis) throw new InvalidDataException($"{file.File}: 'model_responses' cannot set crisis; crisis always replies with the crisis template.");
            responses[route] = key;
        }

        return responses;
    }
}
