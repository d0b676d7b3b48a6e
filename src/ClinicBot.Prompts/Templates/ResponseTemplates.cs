using System.Text.RegularExpressions;

namespace ClinicBot.Prompts.Templates;

/// <summary>
/// The fixed sentences ClinicBot may say besides article text, loaded from <c>prompts/responses/*.yaml</c>
/// so a clinician can read and edit them. A template is chosen by key, locale and channel, falling back
/// from SMS to web and from any locale to English.
/// </summary>
public sealed partial class ResponseTemplates
{
    private readonly IReadOnlyDictionary<string, TemplateVariants> _templates;
    private readonly IReadOnlyDictionary<string, string> _globals;

    internal ResponseTemplates(IReadOnlyDictionary<string, TemplateVariants> templates, IReadOnlyDictionary<string, string> globals)
    {
        _templates = templates;
        _globals = globals;
    }

    /// <summary>Loads every <c>*.yaml</c> file of a directory; a key defined twice or a malformed entry fails the load.</summary>
    /// <param name="directory">The <c>prompts/responses</c> directory.</param>
    /// <param name="globals">Values every template may use, such as <c>clinic_name</c> and <c>clinic_phone</c>.</param>
    public static ResponseTemplates Load(string directory, IReadOnlyDictionary<string, string> globals) =>
        new(ResponseTemplateFileReader.ReadDirectory(directory), globals);

    /// <summary>The template keys that were loaded.</summary>
    public IEnumerable<string> Keys => _templates.Keys;

    /// <summary>Whether a template with this key exists.</summary>
    public bool Contains(string key) => _templates.ContainsKey(key);

    /// <summary>Renders a template, replacing <c>{{name}}</c> placeholders from <paramref name="values"/> and the globals.</summary>
    /// <exception cref="KeyNotFoundException">No template has this key.</exception>
    /// <exception cref="InvalidOperationException">A placeholder has no value.</exception>
    public string Render(string key, string locale, Channel channel, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!_templates.TryGetValue(key, out var variants))
        {
            throw new KeyNotFoundException($"No response template '{key}' in prompts/responses.");
        }

        var text = variants.Select(Locales.Normalize(locale), channel);
        text = Conditional().Replace(text, match => HasValue(match.Groups["name"].Value, values) ? match.Groups["body"].Value : "");
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (values is not null && values.TryGetValue(name, out var value)) return value;
            if (_globals.TryGetValue(name, out var global)) return global;
            throw new InvalidOperationException($"Template '{key}' uses '{{{{{name}}}}}', which has no value.");
        }).Trim();
    }

    private bool HasValue(string name, IReadOnlyDictionary<string, string>? values) =>
        !string.IsNullOrWhiteSpace(values is not null && values.TryGetValue(name, out var value) ? value : _globals.GetValueOrDefault(name));

    // {{#if name}}...{{/if}}: Handlebars' conditional, so a template can leave out a sentence whose value is not configured.
    [GeneratedRegex(@"\{\{#if\s+(?<name>[a-z_]+)\s*\}\}(?<body>.*?)\{\{/if\}\}", RegexOptions.Singleline)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
