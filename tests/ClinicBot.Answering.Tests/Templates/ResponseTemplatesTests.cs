using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Testing;

namespace ClinicBot.Answering.Tests.Templates;

public sealed class ResponseTemplatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-templates-").FullName;

    [Fact]
    public void Render_SpanishSmsMissing_FallsBackToSpanishWebThenEnglish()
    {
        File.WriteAllText(Path.Combine(_folder, "t.yaml"), "greet:\n  en:\n    web: Hello\n    sms: Hi\n  es: Hola\nonly_en:\n  en: English\n");
        var templates = ResponseTemplates.Load(_folder, new Dictionary<string, string>());

        Assert.Equal("Hi", templates.Render("greet", "en", Channel.Sms));
        Assert.Equal("Hola", templates.Render("greet", "es", Channel.Sms));
        Assert.Equal("English", templates.Render("only_en", "es", Channel.Sms));
    }

    [Theory]
    [InlineData("the clinic")]
    [InlineData("Sacramento Ketamine Clinic")]
    public void Render_TheClinicsTemplates_NeverDoubleAnArticleAroundTheName(string clinicName)
    {
        var clinic = new ClinicOptions { Name = clinicName };
        var folder = Path.Combine(RepositoryPaths.Prompts, "responses");
        var templates = ResponseTemplates.Load(folder, clinic.TemplateValues());
        // Every other placeholder the templates use gets a neutral value.
        var values = Directory.GetFiles(folder, "*.yaml")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\{\{([a-z_]+)\}\}").Select(m => m.Groups[1].Value))
            .Where(name => !clinic.TemplateValues().ContainsKey(name))
            .Distinct()
            .ToDictionary(name => name, _ => "X");

        foreach (var key in templates.Keys)
        {
            foreach (var (locale, channel) in new[] { ("en", Channel.Web), ("en", Channel.Sms), ("es", Channel.Web), ("es", Channel.Sms) })
            {
                var text = templates.Render(key, locale, channel, values);
                Assert.DoesNotMatch(@"(?i)\b(the the|el el|la la|the el|el the)\b", text);
            }
        }
    }

    [Fact]
    public void Render_Conditional_LeavesOutUnconfiguredValue()
    {
        File.WriteAllText(Path.Combine(_folder, "t.yaml"), "call:\n  en: \"Ask us{{#if clinic_phone}} at {{clinic_phone}}{{/if}}.\"\n");

        var without = ResponseTemplates.Load(_folder, new Dictionary<string, string> { ["clinic_phone"] = "" });
        var with = ResponseTemplates.Load(_folder, new Dictionary<string, string> { ["clinic_phone"] = "555-0100" });

        Assert.Equal("Ask us.", without.Render("call", "en", Channel.Web));
        Assert.Equal("Ask us at 555-0100.", with.Render("call", "en", Channel.Web));
    }

    [Fact]
    public void Load_KeyDefinedTwice_FailsNamingIt()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), "dup:\n  en: One\n");
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), "dup:\n  en: Two\n");

        var error = Assert.Throws<InvalidDataException>(() => ResponseTemplates.Load(_folder, new Dictionary<string, string>()));
        Assert.Contains("dup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepositoryTemplates_EveryAnswerTemplateRendersInBothLanguagesAndChannels()
    {
        var templates = ResponseTemplates.Load(Path.Combine(RepositoryPaths.Prompts, "responses"), new ClinicOptions().TemplateValues());

        foreach (var key in new[] { "answer_intro", "answer_sources_heading", "answer_notice", "abstain" })
        {
            foreach (var locale in new[] { "en", "es" })
            {
                foreach (var channel in new[] { Channel.Web, Channel.Sms })
                {
                    Assert.DoesNotContain("{{", templates.Render(key, locale, channel), StringComparison.Ordinal);
                }
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
