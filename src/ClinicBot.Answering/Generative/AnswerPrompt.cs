using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// A prompt file in Semantic Kernel's prompt-YAML shape (<c>template_format: handlebars</c>), rendered with
/// Handlebars.Net into chat messages. The template marks each message as <c>&lt;message role="..."&gt;</c>;
/// variables are HTML-encoded while rendering and decoded per message afterwards, so text in a variable (the
/// patient's question) can never open or close a message of its own.
/// </summary>
internal sealed partial class AnswerPrompt
{
    private readonly HandlebarsTemplate<object, object> _template;
    private readonly IReadOnlyList<string> _requiredVariables;

    private AnswerPrompt(string name, HandlebarsTemplate<object, object> template, IReadOnlyList<string> requiredVariables, double? temperature, int? maxTokens)
    {
        Name = name;
        _template = template;
        _requiredVariables = requiredVariables;
        Temperature = temperature;
        MaxTokens = maxTokens;
    }

    public string Name { get; }

    /// <summary>The <c>execution_settings.default.temperature</c> of the file, if any.</summary>
    public double? Temperature { get; }

    /// <summary>The <c>execution_settings.default.max_tokens</c> of the file, if any.</summary>
    public int? MaxTokens { get; }

    /// <summary>Reads and compiles a prompt file; a file that is not a Handlebars prompt fails start-up naming the file.</summary>
    public static AnswerPrompt Load(string path)
    {
        PromptFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<PromptFile>(File.ReadAllText(path)) ?? new PromptFile();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        if (!string.Equals(file.TemplateFormat, "handlebars", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: template_format must be 'handlebars', not '{file.TemplateFormat}'.");
        }

        if (string.IsNullOrWhiteSpace(file.Template)) throw new InvalidDataException($"{path}: the template is empty.");

        var settings = file.ExecutionSettings.GetValueOrDefault("default") ?? [];
        var template = Handlebars.Create().Compile(file.Template);
        return new AnswerPrompt(
            file.Name ?? Path.GetFileNameWithoutExtension(path),
            template,
            file.InputVariables.Where(v => v.IsRequired).Select(v => v.Name).ToList(),
            settings.TryGetValue("temperature", out var temperature) ? double.Parse(temperature, CultureInfo.InvariantCulture) : null,
            settings.TryGetValue("max_tokens", out var maxTokens) ? int.Parse(maxTokens, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The chat messages for these variables.</summary>
    public IReadOnlyList<ChatMessage> Render(IReadOnlyDictionary<string, object> variables)
    {
        var missing = _requiredVariables.Where(v => !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Prompt {Name} needs {string.Join(", ", missing)}.", nameof(variables));

        var rendered = _template(variables);
        var messages = MessagePattern().Matches(rendered)
            .Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value), WebUtility.HtmlDecode(m.Groups["content"].Value).Trim()))
            .ToList();
        return messages.Count > 0 ? messages : [new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered).Trim())];
    }

    [GeneratedRegex("<message role=\"(?<role>system|user|assistant)\">(?<content>.*?)</message>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MessagePattern();

    private sealed class PromptFile
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? TemplateFormat { get; set; }

        public string? Template { get; set; }

        public List<InputVariable> InputVariables { get; set; } = [];

        public Dictionary<string, Dictionary<string, string>> ExecutionSettings { get; set; } = [];
    }

    private sealed class InputVariable
    {
        public string Name { get; set; } = "";

        public string? Description { get; set; }

        public bool IsRequired { get; set; }
    }
}
