namespace ClinicBot.Safety.Triage.Model;

/// <summary>The model's probability for each route of one reading of a message.</summary>
public sealed class RouteScores
{
    private readonly TriageRoute[] _routes;
    private readonly double[] _probabilities;

    internal RouteScores(TriageRoute[] routes, double[] probabilities)
    {
        _routes = routes;
        _probabilities = probabilities;
    }

    /// <summary>The probability of a route (0 when the model has no such label).</summary>
    public double this[TriageRoute route] => Array.IndexOf(_routes, route) is var i and >= 0 ? _probabilities[i] : 0;

    /// <summary>(1 − weight) × these scores + weight × the other's, route by route (same routes, same order).</summary>
    internal RouteScores Blend(RouteScores other, double weight) =>
        new(_routes, _probabilities.Select((p, k) => ((1 - weight) * p) + (weight * other._probabilities[k])).ToArray());

    /// <summary>The most probable route other than those excluded, and its probability.</summary>
    public (TriageRoute Route, double Probability) Top(params TriageRoute[] excluding)
    {
        var best = (Route: TriageRoute.Education, Probability: -1.0);
        for (var k = 0; k < _routes.Length; k++)
        {
            if (Array.IndexOf(excluding, _routes[k]) < 0 && _probabilities[k] > best.Probability) best = (_routes[k], _probabilities[k]);
        }

        return best;
    }
}
