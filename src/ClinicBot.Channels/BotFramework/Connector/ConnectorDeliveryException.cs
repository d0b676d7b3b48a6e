namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>An activity could not be delivered to the channel, even after retries.</summary>
public sealed class ConnectorDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorDeliveryException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorDeliveryException() : this("The activity could not be delivered.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorDeliveryException(string message) : this(message, null)
    {
    }
}
