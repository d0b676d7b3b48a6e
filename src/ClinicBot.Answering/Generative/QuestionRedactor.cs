using System.Text.RegularExpressions;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// Replaces what identifies a patient before a question leaves the clinic for the model: email addresses, phone
/// numbers, dates (a date with a year is treated as a possible date of birth) and names the patient gives for
/// themselves ("my name is Ana", "I'm Ana", "me llamo Ana"). The question is still answerable without them: the
/// articles never depend on who is asking. Over-redaction ("I'm Canadian") costs nothing; under-redaction leaks.
/// </summary>
internal static partial class QuestionRedactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Date = "[date]";
    public const string Name = "[name]";

    public static string Redact(string question)
    {
        var text = EmailPattern().Replace(question, Email);
        text = NumericDatePattern().Replace(text, Date);
        text = WrittenDatePattern().Replace(text, Date);
        text = PhonePattern().Replace(text, match => match.Value.Count(char.IsAsciiDigit) >= 7 ? Phone : match.Value);
        return SelfNamePattern().Replace(text, match => match.Groups["cue"].Value + Name);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    // 03/14/1985, 14-03-85, 1985-03-14, 14.3.1985
    [GeneratedRegex(@"\b(\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDatePattern();

    // March 14, 1985 · 14 March 1985 · 14 de marzo de 1985 (a month with a year; "in March" alone is no birth date)
    [GeneratedRegex(
        @"\b((\d{1,2}(st|nd|rd|th)?\s+(de\s+)?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)[a-z]*\.?(\s+\d{1,2}(st|nd|rd|th)?)?,?\s+(de\s+|del\s+)?(19|20)\d{2})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex WrittenDatePattern();

    // Seven or more digits, with the usual separators: +1 (916) 555-0134, 916.555.0134, 5550134
    [GeneratedRegex(@"(?<![\w])\+?\d[\d\s().-]{5,}\d(?![\w])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();

    // The cue is kept ("my name is [name]"); one to three capitalised words after it are the name.
    [GeneratedRegex(
        @"(?<cue>\b(?:my name is|my name's|name is|i am|i'm|im|this is|call me|me llamo|mi nombre es|soy)\s+)(?-i:\p{Lu}[\p{L}'-]+)(?:\s+(?-i:\p{Lu}[\p{L}'-]+)){0,2}",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SelfNamePattern();
}
