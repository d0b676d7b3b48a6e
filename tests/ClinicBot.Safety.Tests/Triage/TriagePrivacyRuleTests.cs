using ClinicBot.Safety.Triage;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// The privacy rules (prompts/safety/privacy.yaml): requests to delete, erase or forget the writer's data in English and
/// Spanish are privacy by the rules; routes.md's hard negatives are not; crisis wording stays crisis. Whole triage (rules
/// and the learned model) routes plain requests to privacy; the model learns the route from examples later (until then
/// it may read a few requests as crisis, which triage honours: crisis when a rule OR the model says so).
/// </summary>
public sealed class TriagePrivacyRuleTests
{
    private static readonly Lazy<TriageRules> Rules = new(() => TriageRules.Load(SafetyRuleFiles.Directory));

    [Theory]
    [InlineData("Please delete my data", "en")]
    [InlineData("forget me", "en")]
    [InlineData("Can you erase the messages I sent you?", "en")]
    [InlineData("I changed my mind, please delete all of my personal information", "en")]
    [InlineData("remove my phone number from your system", "en")]
    [InlineData("wipe this conversation, my partner reads my phone", "en")]
    [InlineData("delete everything I told you", "en")]
    [InlineData("Borra mis datos por favor", "es")]
    [InlineData("olvídame", "es")]
    [InlineData("Quiero que eliminen mi información", "es")]
    [InlineData("borren todos mis mensajes", "es")]
    [InlineData("borra lo que te dije", "es")]
    [InlineData("elimina esta conversación", "es")]
    public void Classify_RequestToBeForgotten_IsPrivacyByRule(string text, string locale)
    {
        var result = Rules.Value.Classify(text, locale);

        Assert.Equal(TriageRoute.Privacy, result.Route);
        Assert.Contains("privacy.erase_my_data", result.Reasons);
        Assert.Equal("privacy_confirm", result.ResponseKey);
    }

    [Theory]
    [InlineData("Please delete my data", "en")]
    [InlineData("forget me", "en")]
    [InlineData("can you erase my messages", "en")]
    [InlineData("Borra mis datos por favor", "es")]
    [InlineData("olvídame por favor", "es")]
    [InlineData("Quiero que eliminen mi información", "es")]
    public void Classify_PlainRequest_WholeTriageRoutesToPrivacy(string text, string locale)
    {
        Assert.Equal(TriageRoute.Privacy, SafetyRuleFiles.Classifier.Classify(text, locale).Route);
    }

    [Theory]
    [InlineData("forget what I just said, how long does an infusion last?", "en")]
    [InlineData("ignore my last message, typo. how many sessions do I need?", "en")]
    [InlineData("How do you protect my data?", "en")]
    [InlineData("how long do you keep my messages?", "en")]
    [InlineData("I accidentally sent a photo, can you delete the photo?", "en")]
    [InlineData("¿Cómo protegen mis datos?", "es")]
    public void Classify_HardNegative_IsNotPrivacy(string text, string locale)
    {
        Assert.NotEqual(TriageRoute.Privacy, Rules.Value.Classify(text, locale).Route);
        Assert.NotEqual(TriageRoute.Privacy, SafetyRuleFiles.Classifier.Classify(text, locale).Route);
    }

    [Theory]
    [InlineData("please just erase me from this world", "en")]
    [InlineData("delete my data, I won't be here tomorrow anyway, I'm going to kill myself", "en")]
    [InlineData("borra mis datos, ya no quiero vivir", "es")]
    public void Classify_CrisisWording_StaysCrisis(string text, string locale)
    {
        Assert.Equal(TriageRoute.Crisis, SafetyRuleFiles.Classifier.Classify(text, locale).Route);
    }
}
