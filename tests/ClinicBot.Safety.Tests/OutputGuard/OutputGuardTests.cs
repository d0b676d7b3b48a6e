namespace ClinicBot.Safety.Tests.OutputGuard;

public sealed class OutputGuardTests
{
    [Theory]
    [InlineData("The usual starting dose is 0.5 mg/kg given over 40 minutes.")]
    [InlineData("Most patients receive 0.5mg per kg of body weight.")]
    [InlineData("Spravato is given as 56 mg or 84 mg.")]
    [InlineData("The dose is typically measured in milligrams per kilogram.")]
    [InlineData("Take 2 ml before bed.")]
    [InlineData("A dose of 35 is common for adults.")]
    [InlineData("La dosis es de 0,5 miligramos por kilo.")]
    public void Allows_SentenceWithDoseOrAmount_ReturnsFalse(string sentence)
    {
        Assert.False(SafetyRuleFiles.Guard.Allows(sentence, out var reason));
        Assert.Equal("output_guard.dose_amount", reason);
    }

    [Theory]
    [InlineData("You should stop taking your sertraline before the infusion.")]
    [InlineData("You should take your Xanax the night before.")]
    [InlineData("It is safe for you to continue breastfeeding.")]
    [InlineData("You can safely mix it with alcohol.")]
    [InlineData("I recommend that you start with six sessions.")]
    [InlineData("Based on what you said, you are a good candidate for ketamine.")]
    [InlineData("Skip your lithium on treatment days.")]
    [InlineData("Usted debe dejar el litio antes del tratamiento.")]
    public void Allows_PersonalRecommendation_ReturnsFalse(string sentence)
    {
        Assert.False(SafetyRuleFiles.Guard.Allows(sentence, out var reason));
        Assert.Equal("output_guard.personal_recommendation", reason);
    }

    [Theory]
    [InlineData("Each session lasts approximately 40 to 60 minutes, with the dosage tailored to the individual's needs.")]
    [InlineData("Ketamine is an NMDA receptor antagonist first approved as an anesthetic in 1970.")]
    [InlineData("A typical course is six infusions over two to three weeks.")]
    [InlineData("Patients should arrange a ride home and not drive until the next day.")]
    [InlineData("Common side effects include nausea, dizziness and a feeling of detachment.")]
    [InlineData("Your care team will monitor your blood pressure during the session.")]
    [InlineData("Talk to your care team about any medications you take.")]
    [InlineData("Spravato was approved by the FDA in 2019 for treatment-resistant depression.")]
    [InlineData("La sesión dura aproximadamente 40 minutos.")]
    public void Allows_OrdinaryArticleSentence_ReturnsTrue(string sentence)
    {
        Assert.True(SafetyRuleFiles.Guard.Allows(sentence, out var reason), $"blocked by {reason}");
        Assert.Null(reason);
    }
}
