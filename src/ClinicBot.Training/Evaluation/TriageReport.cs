using System.Globalization;
using System.Text;
using ClinicBot.Safety.Triage;
using ClinicBot.Training.Corpus;

namespace ClinicBot.Training.Evaluation;

/// <summary>
/// How triage did on a set of examples: confusion matrices overall, per language and per channel; crisis recall and
/// false crises on single messages; and, for conversations, whether each crisis was caught at its onset turn and
/// whether a conversation that never turns was ever called crisis.
/// </summary>
public sealed class TriageReport
{
    private readonly Dictionary<string, ConfusionMatrix> _matrices = new(StringComparer.Ordinal);
    private readonly List<TriageExample> _missedCrises = [];
    private readonly List<TriageExample> _falseCrises = [];

    /// <summary>Single messages, all languages and channels.</summary>
    public ConfusionMatrix Messages => Matrix("messages");

    public int CrisisConversations { get; private set; }

    public int CrisisConversationsCaughtAtOnset { get; private set; }

    public int CalmConversations { get; private set; }

    public int CalmConversationsCalledCrisis { get; private set; }

    public IReadOnlyList<TriageExample> MissedCrises => _missedCrises;

    public IReadOnlyList<TriageExample> FalseCrises => _falseCrises;

    /// <summary>Triages every example (conversation turns with their previous messages, up to the crisis onset).</summary>
    public static TriageReport Run(IEnumerable<TriageExample> examples, Func<TriageExample, TriageRoute> triage)
    {
        var report = new TriageReport();
        foreach (var conversation in examples.GroupBy(e => e.ConversationId ?? "\0" + e.Source))
        {
            var turns = conversation.ToList();
            if (turns[0].ConversationId is null) report.AddMessage(turns[0], triage(turns[0]));
            else report.AddConversation(turns, triage);
        }

        return report;
    }

    /// <summary>The matrix of one slice: <c>messages</c>, <c>messages.en</c>, <c>messages.sms</c>...</summary>
    public ConfusionMatrix Matrix(string slice)
    {
        if (!_matrices.TryGetValue(slice, out var matrix)) _matrices[slice] = matrix = new ConfusionMatrix();
        return matrix;
    }

    /// <summary>The figures as printed by the tests and the train command.</summary>
    public string Format(string title)
    {
        var text = new StringBuilder($"== {title} ==\n");
        foreach (var slice in new[] { "messages", "messages.en", "messages.es", "messages.web", "messages.sms" })
        {
            var m = Matrix(slice);
            if (m.Total() == 0) continue;
            text.Append(CultureInfo.InvariantCulture, $"{slice,-13} n={m.Total(),5}  crisis recall {Ratio(m, TriageRoute.Crisis)}  false crisis {Count(m)}  ");
            text.Append(CultureInfo.InvariantCulture, $"clinical {Ratio(m, TriageRoute.Clinical)}  human {Ratio(m, TriageRoute.Human)}  privacy {Ratio(m, TriageRoute.Privacy)}  injection {Ratio(m, TriageRoute.Injection)}  ");
            text.Append(CultureInfo.InvariantCulture, $"out_of_scope {Ratio(m, TriageRoute.OutOfScope)}  smalltalk {Ratio(m, TriageRoute.Smalltalk)}  education {Ratio(m, TriageRoute.Education)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"conversations  crisis caught at onset {CrisisConversationsCaughtAtOnset}/{CrisisConversations}  calm conversations called crisis {CalmConversationsCalledCrisis}/{CalmConversations}");
        var turns = Matrix("turns");
        if (turns.Total() > 0) text.Append(CultureInfo.InvariantCulture, $"  turns read up to a crisis: routes other than crisis right {turns.AccuracyBeyondCrisis():P1} of {turns.Total() - turns.Total(TriageRoute.Crisis)}");
        text.Append('\n');
        foreach (var slice in new[] { "messages.en.web", "messages.en.sms", "messages.es.web", "messages.es.sms" })
        {
            if (Matrix(slice).Total() > 0) text.Append(Matrix(slice).Format(slice));
        }

        return text.ToString();
    }

    private void AddMessage(TriageExample example, TriageRoute predicted)
    {
        foreach (var slice in new[] { "messages", $"messages.{example.Locale}", $"messages.{example.Channel}", $"messages.{example.Locale}.{example.Channel}" })
        {
            Matrix(slice).Add(example.Route, predicted);
        }

        if (example.Route == TriageRoute.Crisis && predicted != TriageRoute.Crisis) _missedCrises.Add(example);
        if (example.Route != TriageRoute.Crisis && predicted == TriageRoute.Crisis) _falseCrises.Add(example);
    }

    private void AddConversation(List<TriageExample> turns, Func<TriageExample, TriageRoute> triage)
    {
        var onset = turns.FindIndex(t => t.IsCrisisOnset);
        if (onset < 0) CalmConversations++;
        else CrisisConversations++;

        // The conversation stays in crisis once triage calls it, so turns after the first crisis verdict are not read.
        for (var i = 0; i < turns.Count && (onset < 0 || i <= onset); i++)
        {
            var predicted = triage(turns[i]);
            Matrix("turns").Add(turns[i].Route, predicted);
            if (predicted != TriageRoute.Crisis && i != onset) continue;

            // A crisis called before its onset still has the conversation in crisis at the onset (it is also a false alarm).
            if (predicted == TriageRoute.Crisis && onset >= 0) CrisisConversationsCaughtAtOnset++;
            if (predicted != TriageRoute.Crisis) _missedCrises.Add(turns[i]);
            if (predicted == TriageRoute.Crisis && i != onset) _falseCrises.Add(turns[i]);
            if (predicted == TriageRoute.Crisis && onset < 0) CalmConversationsCalledCrisis++;

            return;
        }
    }

    private static string Ratio(ConfusionMatrix m, TriageRoute route) =>
        m.Total(route) == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{m.Count(route, route)}/{m.Total(route)} ({m.Recall(route):P1})");

    private static string Count(ConfusionMatrix m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.FalseCrises()}/{m.Total() - m.Total(TriageRoute.Crisis)} ({m.FalseCrisisRate():P1})");
}
