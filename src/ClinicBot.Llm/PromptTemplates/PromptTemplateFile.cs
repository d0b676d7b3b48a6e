using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;

namespace ClinicBot.Llm.PromptTemplates;

/// <summary>
/// Reads a prompt file in Semantic Kernel's prompt-template YAML (name, description, template,
/// <c>template_format: semantic-kernel</c>, input_variables, execution_settings) into a <see cref="PromptTemplateConfig"/>
/// through <see cref="YamlJson"/> and <see cref="PromptTemplateConfig.FromJson(string)"/>. Anything wrong with the file
/// (YAML, shape, format, a <c>{{$variable}}</c> the file does not declare, a block other than a variable) is an
/// <see cref="InvalidDataException"/> that starts with the file's path: a broken file fails once, when the answerer is
/// built, never half-way through a render.
/// </summary>
internal static partial class PromptTemplateFile
{
    public static PromptTemplateConfig Load(string path)
    {
        PromptTemplateConfig config;
        try
        {
            var json = YamlJson.Convert(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"{path}: expected a prompt template (a YAML mapping with a template).");
            config = PromptTemplateConfig.FromJson(json.ToJsonString());
        }
        catch (Exception ex) when (ex is YamlException or JsonException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: not a Semantic Kernel prompt template: {ex.Message}", ex);
        }

        if (!string.Equals(config.TemplateFormat, PromptTemplateConfig.SemanticKernelTemplateFormat, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: template_format must be '{PromptTemplateConfig.SemanticKernelTemplateFormat}', not '{config.TemplateFormat}'.");
        }

        if (string.IsNullOrWhiteSpace(config.Template)) throw new InvalidDataException($"{path}: the template is empty.");

        // The kernel has no plugins: a function call ({{time.now}}) or a value block would fail every render.
        var blocks = BlockPattern().Matches(config.Template).Select(m => m.Value).ToList();
        var other = blocks.Where(b => !VariablePattern().IsMatch(b)).Distinct().ToList();
        if (other.Count > 0)
        {
            throw new InvalidDataException($"{path}: only {{{{$variable}}}} blocks are supported, not {string.Join(", ", other)}.");
        }

        var declared = config.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var undeclared = blocks.Select(b => VariablePattern().Match(b).Groups["name"].Value).Where(n => !declared.Contains(n)).Distinct().ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidDataException($"{path}: the template uses {string.Join(", ", undeclared.Select(n => "{{$" + n + "}}"))}, not declared in input_variables.");
        }

        return config;
    }

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^\{\{\s*\$(?<name>[A-Za-z0-9_]+)\s*\}\}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VariablePattern();
}
