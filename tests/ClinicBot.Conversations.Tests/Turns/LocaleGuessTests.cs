using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// The language a turn is read in comes from the patient's own words when they say enough: Spanish SMS shorthand with
/// no accent must not read as English (triage would then read it without the Spanish gloss), and a bare "ok" decides nothing.
/// </summary>
public sealed class LocaleGuessTests
{
    [Theory]
    [InlineData("otra vez me corte, perdon, no pude aguantar")]
    [InlineData("se me entumio todo el lado izquierdo de repente")]
    [InlineData("adios a todos. perdon")]
    [InlineData("q tal el clima pa mañana? jaja no importa, no voy a estar")]
    [InlineData("ya valio todo")]
    [InlineData("me puedes mandar el recibo? pa dejar todo en orden antes d irme")]
    public void Guess_SpanishWithoutAccents_IsSpanish(string text) => Assert.Equal(Locales.Spanish, LocaleGuess.Guess(text));

    [Theory]
    [InlineData("is it normal to want to die after a session?? bc i really do right now")]
    [InlineData("can u cancel my thursday appt, something came up")]
    [InlineData("I have a question about my infusion tomorrow")]
    public void Guess_English_IsEnglish(string text) => Assert.Equal(Locales.English, LocaleGuess.Guess(text));

    [Theory]
    [InlineData("ok")]
    [InlineData("k")]
    [InlineData("911")]
    public void Guess_WordsBothLanguagesUse_DecideNothing(string text) => Assert.Null(LocaleGuess.Guess(text));
}
