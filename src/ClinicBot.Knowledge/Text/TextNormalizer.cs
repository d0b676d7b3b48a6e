using System.Globalization;
using System.Text;

namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Folds text to the lowercase, accent-free, straight-quote form every comparison uses,
/// so "Sesión", "sesion" and "SESION" are one word and ’ matches '.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Lowercases, removes diacritics and straightens quotes and dashes.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                '\u00A0' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
