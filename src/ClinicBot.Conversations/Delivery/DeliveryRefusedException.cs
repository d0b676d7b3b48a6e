namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// A channel refused a message for good (the number opted out at the carrier, an invalid address): retrying cannot
/// help, so it is not queued. Any other exception from a delivery counts as the channel being down for now.
/// </summary>
public sealed class DeliveryRefusedException : Exception
{
    public DeliveryRefusedException()
    {
    }

    public DeliveryRefusedException(string message)
        : base(message)
    {
    }

    public DeliveryRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
