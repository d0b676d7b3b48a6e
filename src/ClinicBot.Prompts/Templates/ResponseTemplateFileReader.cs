using YamlDotNet.RepresentationModel;

namespace ClinicBot.Prompts.Templates;

/// <summary>
/// Reads template files shaped as <c>key: { locale: text }</c> or <c>key: { locale: { web: text, sms: text } }</c>.
/// Anything else is an error that names the file and key, so a clinician's typo fails start-up instead of a reply.
/// </summary>
internal static class ResponseTemplateFileReader
{
    public static Dictionary<string, TemplateVariants> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Response templates directory not found: {directory}");
        }

        var templates = new Dictionary<string, TemplateVariants>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var (key, variants) in ReadFile(file))
            {
                if (!templates.TryAdd(key, variants))
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}: template '{key}' is defined twice.");
                }
            }
        }

        return templates;
    }

    private static IEnumerable<(string Key, TemplateVariants Variants)> ReadFile(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file)) stream.Load(reader);
        if (stream.Documents.Count == 0) yield break;

        var name = Path.GetFileName(file);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{name}: expected a mapping of template keys.");
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            yield return (key, new TemplateVariants(ReadVariants(name, key, valueNode)));
        }
    }

    private static Dictionary<(string, Channel), string> ReadVariants(string file, string key, YamlNode node)
    {
        if (node is not YamlMappingNode locales)
        {
            throw new InvalidDataException($"{file}: template '{key}' must map locales (en, es) to text.");
        }

        var texts = new Dictionary<(string, Channel), string>();
        foreach (var (localeNode, textNode) in locales.Children)
        {
            var locale = Locales.Normalize(((YamlScalarNode)localeNode).Value);
            switch (textNode)
            {
                case YamlScalarNode scalar:
                    texts[(locale, Channel.Web)] = scalar.Value ?? "";
                    break;
                case YamlMappingNode channels:
                    foreach (var (channelNode, channelText) in channels.Children)
                    {
                        var channelName = ((YamlScalarNode)channelNode).Value;
                        if (!Enum.TryParse<Channel>(channelName, ignoreCase: true, out var channel) || channelText is not YamlScalarNode value)
                        {
                            throw new InvalidDataException($"{file}: template '{key}' has an unknown channel '{channelName}' (use web or sms).");
                        }

                        texts[(locale, channel)] = value.Value ?? "";
                    }

                    break;
                default:
                    throw new InvalidDataException($"{file}: template '{key}' locale '{locale}' must be text or web/sms texts.");
            }
        }

        if (!texts.ContainsKey((Locales.English, Channel.Web)))
        {
            throw new InvalidDataException($"{file}: template '{key}' needs an English web text, the fallback for every other variant.");
        }

        return texts;
    }
}
