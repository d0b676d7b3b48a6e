namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>The Messages API could not be reached or kept failing after the retries.</summary>
public sealed class TwilioRestException : Exception
{
    public TwilioRestException()
    {
    }

    public TwilioRestException(string message)
        : base(message)
    {
    }

    public TwilioRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
