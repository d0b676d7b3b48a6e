using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge.Text;
using ClinicBot.Testing;

namespace ClinicBot.Llm.Tests.Server;

/// <summary>Model answers written from the passages of the request, as a scripted model would.</summary>
public static class Drafts
{
    // A well-behaved model quotes what the clinic lets be quoted: no calls to action or local promotion.
    private static readonly NotQuotedFilter Quotable = NotQuotedFilter.Load(Path.Combine(RepositoryPaths.Prompts, "answering", "not-quoted.yaml"));

    /// <summary>The first <paramref name="count"/> quotable sentences of the passages, in order, each with its passage's marker.</summary>
    public static List<string> Echo(ScriptedRequest request, int count) => request.Passages
        .OrderBy(p => p.Key)
        .SelectMany(p => SentenceSplitter.Split(p.Value).Where(Quotable.Allows).Select(s => Cite(s, p.Key)))
        .Take(count)
        .ToList();

    /// <summary>"Text. [2]" becomes "Text [2]." every other sentence, as models write both.</summary>
    public static string Cite(string sentence, int passage) =>
        passage % 2 == 0 ? $"{sentence} [{passage}]" : $"{sentence.TrimEnd('.', '!', '?')} [{passage}].";

    /// <summary>The sentence without its marker, as the patient sees it.</summary>
    public static string Shown(string draft) =>
        System.Text.RegularExpressions.Regex.Replace(draft, @"\s*\[\d+\]", "").Trim() is var text && !text.EndsWith('.') ? text + "." : text;
}
