namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>The <c>deliveryMode</c> values ClinicBot acts on.</summary>
public static class DeliveryModes
{
    /// <summary>The caller wants the replies in the HTTP response body instead of through the Connector.</summary>
    public const string ExpectReplies = "expectReplies";
}
