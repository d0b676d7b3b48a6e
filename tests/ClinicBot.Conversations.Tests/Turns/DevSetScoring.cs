using ClinicBot.Testing.DevSet;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>The dev set's must_mention rule: each group is a list of alternatives, one must appear (any case).</summary>
internal static class DevSetScoring
{
    public static List<string> MissingMentions(DevSetCase devCase, string text) =>
        devCase.MustMention
            .Where(group => !group.Any(alternative => text.Contains(alternative, StringComparison.OrdinalIgnoreCase)))
            .Select(group => string.Join("/", group))
            .ToList();
}
