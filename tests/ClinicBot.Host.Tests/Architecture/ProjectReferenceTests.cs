using System.Xml.Linq;
using ClinicBot.Testing;

namespace ClinicBot.Host.Tests.Architecture;

/// <summary>
/// The arrows point inward (Host → Channels/Staff → Conversations → Safety/Answering → Knowledge), and storage references
/// only the projects whose ports it implements: the project files say so, so the compiler holds them to it.
/// </summary>
public sealed class ProjectReferenceTests
{
    [Theory]
    [InlineData("ClinicBot.Channels", "ClinicBot.Conversations ClinicBot.Http")]
    [InlineData("ClinicBot.Staff", "ClinicBot.Conversations ClinicBot.Http")]
    [InlineData("ClinicBot.Storage", "ClinicBot.Knowledge ClinicBot.Conversations ClinicBot.Staff ClinicBot.Channels")]
    [InlineData("ClinicBot.Engine", "ClinicBot.Prompts ClinicBot.Knowledge ClinicBot.Safety ClinicBot.Answering ClinicBot.Llm ClinicBot.Conversations ClinicBot.Staff")]
    public void Project_References_OnlyTheAllowedProjects(string project, string allowed)
    {
        var file = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension((string)reference.Attribute("Include")!));

        Assert.Empty(references.Except(allowed.Split(' ')));
    }
}
