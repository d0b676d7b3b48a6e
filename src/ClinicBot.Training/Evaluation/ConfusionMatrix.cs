using System.Text;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Training.Evaluation;

/// <summary>Counts of (true route, predicted route) for one slice of examples.</summary>
public sealed class ConfusionMatrix
{
    private static readonly TriageRoute[] Order = Enum.GetValues<TriageRoute>();
    private readonly int[,] _counts = new int[Order.Length, Order.Length];

    public void Add(TriageRoute expected, TriageRoute predicted) => _counts[(int)expected, (int)predicted]++;

    public int Count(TriageRoute expected, TriageRoute predicted) => _counts[(int)expected, (int)predicted];

    public int Total(TriageRoute expected) => Order.Sum(p => Count(expected, p));

    public int Total() => Order.Sum(Total);

    /// <summary>Share of the messages of a route that got it (NaN when there are none).</summary>
    public double Recall(TriageRoute route) => Total(route) == 0 ? double.NaN : (double)Count(route, route) / Total(route);

    /// <summary>Messages of other routes that were called crisis.</summary>
    public int FalseCrises() => Order.Where(r => r != TriageRoute.Crisis).Sum(r => Count(r, TriageRoute.Crisis));

    /// <summary>Share of the messages of other routes that were called crisis (NaN when there are none).</summary>
    public double FalseCrisisRate()
    {
        var total = Total() - Total(TriageRoute.Crisis);
        return total == 0 ? double.NaN : (double)FalseCrises() / total;
    }

    /// <summary>Share of the messages of the routes other than crisis that got their route (NaN when there are none).</summary>
    public double AccuracyBeyondCrisis()
    {
        var routes = Order.Where(r => r != TriageRoute.Crisis).ToList();
        var total = routes.Sum(Total);
        return total == 0 ? double.NaN : (double)routes.Sum(r => Count(r, r)) / total;
    }

    /// <summary>The matrix as a text table, rows the true route, columns the predicted one.</summary>
    public string Format(string title)
    {
        var names = Order.Select(r => TriageRouteNames.Label(r)).ToArray();
        var text = new StringBuilder($"{title} (rows: true route, columns: triage)\n");
        text.Append($"  {"",-13}").AppendJoin("", names.Select(n => $"{Short(n),9}")).Append("    recall\n");
        foreach (var expected in Order.Where(r => Total(r) > 0))
        {
            text.Append($"  {TriageRouteNames.Label(expected),-13}").AppendJoin("", Order.Select(p => $"{Count(expected, p),9}"));
            text.Append($"    {Count(expected, expected)}/{Total(expected)}\n");
        }

        return text.ToString();
    }

    private static string Short(string name) => name.Length > 8 ? name[..8] : name;
}
