using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// What may still be texted to a number that opted out (STOP, ALTO...), on every SMS path: the one opt-out
/// confirmation; the HELP/INFO/AYUDA reply (the patient asked for it, and carriers expect HELP to work after STOP); and
/// the crisis reply to a crisis message, and the pipeline's crisis replies while that conversation stays in crisis
/// (988 and 911, one segment: the patient wrote to the clinic in danger, and withholding the crisis lines for a consent
/// rule meant for program texts is not what a clinic wants; the urgent escalation is raised for staff either way).
/// Nothing else: no answer, no fallback, no staff message, no welcome. None of these ends the opt-out; only START,
/// UNSTOP or YES does.
/// </summary>
internal static class SmsOptOutRule
{
    /// <summary>Whether a reply on <paramref name="route"/> may be texted to a number in that opt-out state.</summary>
    public static bool MayText(bool optedOut, string route) =>
        !optedOut || route is SmsRoutes.OptOut or SmsRoutes.Help or Routes.Crisis;
}
