using System.Xml.Linq;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>TwiML answers to the webhook: one <c>&lt;Message&gt;</c>, or an empty <c>&lt;Response/&gt;</c> for "no reply".</summary>
internal static class Twiml
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static string Message(string? text)
    {
        var response = new XElement("Response");
        if (!string.IsNullOrEmpty(text)) response.Add(new XElement("Message", text));
        return new XDeclaration("1.0", "UTF-8", null) + response.ToString(SaveOptions.DisableFormatting);
    }
}
