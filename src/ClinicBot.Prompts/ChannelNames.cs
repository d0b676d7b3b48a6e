namespace ClinicBot.Prompts;

/// <summary>The channel names used in the public contracts ("web", "sms").</summary>
public static class ChannelNames
{
    /// <summary>Parses "web" or "sms" (any case).</summary>
    public static bool TryParse(string? name, out Channel channel)
    {
        channel = Channel.Web;
        switch (name?.Trim().ToLowerInvariant())
        {
            case "web":
                return true;
            case "sms":
                channel = Channel.Sms;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The contract name of a channel.</summary>
    public static string Name(Channel channel) => channel == Channel.Sms ? "sms" : "web";
}
