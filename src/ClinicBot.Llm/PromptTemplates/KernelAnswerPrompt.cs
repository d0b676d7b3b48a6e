using System.Globalization;
using System.Text.Json;
using ClinicBot.Answering.Generative;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ClinicBot.Llm.PromptTemplates;

/// <summary>
/// <see cref="IAnswerPrompt"/> over Semantic Kernel: the prompt file as a <see cref="PromptTemplateConfig"/>, rendered
/// by <see cref="KernelPromptTemplateFactory"/> (variable values HTML-encoded, never evaluated as template code) and
/// split into chat messages by <see cref="ChatPromptMessages"/>. The file's default execution settings give
/// <see cref="Temperature"/> and <see cref="MaxTokens"/>.
/// </summary>
internal sealed class KernelAnswerPrompt : IAnswerPrompt
{
    private readonly Kernel _kernel;
    private readonly IPromptTemplate _template;
    private readonly IReadOnlyList<string> _required;

    private KernelAnswerPrompt(Kernel kernel, IPromptTemplate template, string name, IReadOnlyList<string> required, double? temperature, int? maxTokens)
    {
        _kernel = kernel;
        _template = template;
        _required = required;
        Name = name;
        Temperature = temperature;
        MaxTokens = maxTokens;
    }

    public string Name { get; }

    public double? Temperature { get; }

    public int? MaxTokens { get; }

    /// <summary>Reads the prompt file (<see cref="PromptTemplateFile"/>) and compiles its template; any fault names the file.</summary>
    public static KernelAnswerPrompt Load(string path, Kernel kernel)
    {
        var config = PromptTemplateFile.Load(path);
        IPromptTemplate template;
        try
        {
            template = new KernelPromptTemplateFactory().Create(config);
        }
        catch (KernelException ex)
        {
            throw new InvalidDataException($"{path}: the template does not compile: {ex.Message}", ex);
        }

        var settings = config.DefaultExecutionSettings?.ExtensionData;
        return new KernelAnswerPrompt(
            kernel,
            template,
            config.Name ?? Path.GetFileNameWithoutExtension(path),
            config.InputVariables.Where(v => v.IsRequired).Select(v => v.Name).ToList(),
            Number(path, settings, "temperature"),
            Number(path, settings, "max_tokens") is { } tokens ? (int)tokens : null);
    }

    public async Task<IReadOnlyList<ChatMessage>> RenderAsync(IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken)
    {
        var missing = _required.Where(v => !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Prompt {Name} needs {string.Join(", ", missing)}.", nameof(variables));

        // Every value as invariant text, so each is encoded alike and no number is written in the server's culture.
        var arguments = new KernelArguments();
        foreach (var (name, value) in variables) arguments[name] = Convert.ToString(value, CultureInfo.InvariantCulture);
        return ChatPromptMessages.Parse(await _template.RenderAsync(_kernel, arguments, cancellationToken));
    }

    // Execution settings arrive as JSON values (FromJson keeps unknown settings as extension data).
    private static double? Number(string path, IDictionary<string, object>? settings, string key)
    {
        if (settings is null || !settings.TryGetValue(key, out var value) || value is null) return null;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            double or float or int or long or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw new InvalidDataException($"{path}: execution_settings.default.{key} must be a number, not '{value}'."),
        };
    }
}
