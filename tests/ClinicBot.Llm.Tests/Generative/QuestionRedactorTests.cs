using ClinicBot.Answering.Generative;

namespace ClinicBot.Llm.Tests.Generative;

public sealed class QuestionRedactorTests
{
    [Theory]
    [InlineData("My name is Ana Lopez, what is ketamine?", "My name is [name], what is ketamine?")]
    [InlineData("Hi, I'm Marcus. Does it hurt?", "Hi, I'm [name]. Does it hurt?")]
    [InlineData("me llamo Lucía y tengo una pregunta", "me llamo [name] y tengo una pregunta")]
    [InlineData("email me at ana.lopez+kb@example.com please", "email me at [email] please")]
    [InlineData("call me back on +1 (916) 555-0134", "call me back on [phone]")]
    [InlineData("my number is 916.555.0134", "my number is [phone]")]
    [InlineData("DOB 03/14/1985, can I get ketamine?", "DOB [date], can I get ketamine?")]
    [InlineData("I was born March 14, 1985", "I was born [date]")]
    [InlineData("nací el 14 de marzo de 1985", "nací el [date]")]
    public void Redact_PersonalDetails_AreReplaced(string question, string expected)
    {
        Assert.Equal(expected, QuestionRedactor.Redact(question));
    }

    [Theory]
    [InlineData("Do sessions last 40-45 minutes?")]
    [InlineData("I'm nervous about my first session")]
    [InlineData("What happens in the 2 hours after an infusion?")]
    public void Redact_OrdinaryQuestion_IsUnchanged(string question)
    {
        Assert.Equal(question, QuestionRedactor.Redact(question));
    }
}
