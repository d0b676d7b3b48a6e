using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.Sms;

/// <summary>One handled text: the patient's ids, what the bot decided, and the text to send ("" means send nothing).</summary>
internal sealed record SmsTurn(string ConversationId, string PhoneHash, SmsKeyword Keyword, Reply Reply, string Text)
{
    public int Segments => SmsSegments.Count(Text);
}
