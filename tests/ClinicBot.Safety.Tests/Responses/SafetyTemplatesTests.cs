using System.Text.RegularExpressions;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Safety.Responses;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;
using YamlDotNet.RepresentationModel;

namespace ClinicBot.Safety.Tests.Responses;

public sealed partial class SafetyTemplatesTests
{
    private static readonly string TemplateFile = Path.Combine(RepositoryPaths.Prompts, "responses", "safety.yaml");

    private static readonly Dictionary<string, string> Globals = new()
    {
        ["clinic_name"] = "Harbor Ketamine Clinic",
        ["clinic_phone"] = "(555) 010-0199",
    };

    // GSM 03.38 basic character set: what fits a 160-character SMS segment without switching to UCS-2 (70 characters).
    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    public static IEnumerable<object[]> KeysAndLocales =>
        SafetyResponseKeys.All.SelectMany(key => new[] { Locales.English, Locales.Spanish }.Select(locale => new object[] { key, locale }));

    [Theory]
    [MemberData(nameof(KeysAndLocales))]
    public void File_EveryKey_HasEnglishAndSpanishText(string key, string locale)
    {
        var root = (YamlMappingNode)LoadYaml().Documents[0].RootNode;

        Assert.True(root.Children.ContainsKey(key), $"missing template '{key}'");
        var locales = (YamlMappingNode)root[key];
        Assert.True(locales.Children.ContainsKey(locale), $"template '{key}' has no '{locale}' text");
    }

    [Theory]
    [MemberData(nameof(KeysAndLocales))]
    public void Render_EveryKeyLocaleAndChannel_FillsEveryPlaceholder(string key, string locale)
    {
        var templates = Load();
        foreach (var channel in Enum.GetValues<Channel>())
        {
            var text = templates.Render(key, locale, channel);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.NotEmpty(text);
        }
    }

    [Theory]
    [InlineData(SafetyResponseKeys.Crisis, "en")]
    [InlineData(SafetyResponseKeys.Crisis, "es")]
    [InlineData(SafetyResponseKeys.CrisisFollowup, "en")]
    [InlineData(SafetyResponseKeys.CrisisFollowup, "es")]
    public void Render_CrisisTemplate_Contains988And911OnEveryChannel(string key, string locale)
    {
        foreach (var channel in Enum.GetValues<Channel>())
        {
            var text = Load().Render(key, locale, channel);
            Assert.Contains("988", text, StringComparison.Ordinal);
            Assert.Contains("911", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SafetyResponseKeys.Crisis, "en")]
    [InlineData(SafetyResponseKeys.Crisis, "es")]
    [InlineData(SafetyResponseKeys.CrisisFollowup, "en")]
    [InlineData(SafetyResponseKeys.CrisisFollowup, "es")]
    public void Render_CrisisSms_FitsOneGsm7Segment(string key, string locale)
    {
        var text = Load().Render(key, locale, Channel.Sms);

        Assert.True(text.Length <= 160, $"{key}/{locale} SMS is {text.Length} characters");
        var outside = text.Where(c => !Gsm7.Contains(c, StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(outside.Length == 0, $"{key}/{locale} SMS has non-GSM-7 characters: {new string(outside)}");
    }

    [Fact]
    public void Render_SpanishCrisisWeb_GivesSpanishLifelineOptions()
    {
        var text = Load().Render(SafetyResponseKeys.Crisis, Locales.Spanish, Channel.Web);

        Assert.Contains("marque 2", text, StringComparison.Ordinal);
        Assert.Contains("AYUDA", text, StringComparison.Ordinal);
        Assert.Contains("741741", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryTemplate_GivesNoDoseAmount()
    {
        var templates = Load();
        foreach (var key in SafetyResponseKeys.All)
        {
            foreach (var locale in new[] { Locales.English, Locales.Spanish })
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    var text = templates.Render(key, locale, channel);
                    Assert.True(SafetyRuleFiles.Guard.Allows(text, out var reason) || reason == "output_guard.personal_recommendation", $"{key}/{locale}/{channel}: {reason}");
                    Assert.DoesNotMatch(DoseAmount(), text);
                }
            }
        }
    }

    [Fact]
    public void Render_DevSetCrisisCases_ReplyContains988And911InTheirLanguage()
    {
        var templates = Load();
        foreach (var devCase in DevSetLoader.Category("crisis"))
        {
            var result = SafetyRuleFiles.Classifier.Classify(devCase.Text, devCase.Locale);
            var reply = templates.Render(result.ResponseKey, devCase.Locale, devCase.Channel);

            Assert.Contains("988", reply, StringComparison.Ordinal);
            Assert.Contains("911", reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_EveryResponseKeyUsedByTriage_HasATemplate()
    {
        var templates = Load();
        foreach (var devCase in DevSetLoader.All)
        {
            var key = SafetyRuleFiles.Classifier.Classify(devCase.Text, devCase.Locale).ResponseKey;
            Assert.True(key.Length == 0 || templates.Contains(key), $"{devCase.Id}: no template '{key}'");
        }
    }

    /// <summary>Only this file, so a colleague's half-edited template file elsewhere cannot break these tests.</summary>
    private static ResponseTemplates Load()
    {
        var directory = Path.Combine(Path.GetTempPath(), "clinicbot-safety-templates-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        File.Copy(TemplateFile, Path.Combine(directory, "safety.yaml"), overwrite: true);
        return ResponseTemplates.Load(directory, Globals);
    }

    private static YamlStream LoadYaml()
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(TemplateFile);
        stream.Load(reader);
        return stream;
    }

    [GeneratedRegex(@"\d\s*(mg|ml|milligram)", RegexOptions.IgnoreCase)]
    private static partial Regex DoseAmount();
}
