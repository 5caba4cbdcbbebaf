using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh test project in its own temp folder, isolated from this repository and the machine:
/// its own global.json (the SDK's platform mode of dotnet test), NuGet.Config (the run's feed
/// added to the machine's default source), and neutral Directory.Build.props/targets.
/// Policy and catalog files go to the folder's root, above the project, as in a repository.
/// </summary>
internal sealed class TestProject
{
    private static int s_counter;

    private TestProject(string root, string name, TestFramework framework)
    {
        Root = root;
        Name = name;
        Framework = framework;
    }

    public string Root { get; }

    public string Name { get; }

    public TestFramework Framework { get; }

    public string Directory => Path.Combine(Root, Name);

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string InventoryInObj => Path.Combine(Directory, "obj", "Debug", "net10.0", Name + InventoryDocument.FileSuffix);

    public string InventoryInOutput => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + InventoryDocument.FileSuffix);

    public static TestProject Create(TestFramework framework, string name)
    {
        var root = Path.Combine(PackageFixture.RunRoot, "projects", $"{name}-{Interlocked.Increment(ref s_counter)}");
        var project = new TestProject(root, name, framework);
        project.WriteRootFile("global.json", """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        project.WriteRootFile("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="agenttestguard-e2e" value="{PackageFixture.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{PackageFixture.MachinePackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        project.WriteRootFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        project.WriteRootFile("Directory.Build.targets", "<Project />\n");
        project.Write(name + ".csproj", TestFrameworkProjects.ProjectFile(framework));
        return project;
    }

    /// <summary>A copy of the whole folder (sources and repository files, no build output) under another name.</summary>
    public TestProject CopyTo(string folder)
    {
        var root = Path.Combine(PackageFixture.RunRoot, "projects", $"{folder}-{Interlocked.Increment(ref s_counter)}");
        foreach (var file in System.IO.Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") || relative.EndsWith(".binlog", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(root, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new TestProject(root, Name, Framework);
    }

    /// <summary>Writes a file in the project folder.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Writes a file at the repository-like root above the project.</summary>
    public string WriteRootFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>The 1-based line of the first line of a project file containing <paramref name="marker"/>.</summary>
    public int LineOf(string relativePath, string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, relativePath));
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{marker}' not found in {relativePath}");
        return index + 1;
    }

    /// <summary>Adds the package the way a user does, with the CLI.</summary>
    public async Task AddPackageAsync()
    {
        var result = await DotNet.RunAsync(Directory, ["add", ProjectFile, "package", "AgentTestGuard", "--version", PackageFixture.Version]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>Adds the package reference by editing the project file, which is faster than the CLI.</summary>
    public void ReferencePackage()
    {
        var text = File.ReadAllText(ProjectFile).Replace(
            "</ItemGroup>",
            $"  <PackageReference Include=\"AgentTestGuard\" Version=\"{PackageFixture.Version}\" />\n  </ItemGroup>",
            StringComparison.Ordinal);
        File.WriteAllText(ProjectFile, text);
    }

    public async Task<BuildResult> BuildAsync(params string[] extraArguments)
    {
        var binlog = Path.Combine(Root, $"build-{Interlocked.Increment(ref s_counter)}.binlog");
        string[] arguments = ["build", ProjectFile, "-tl:off", "-nodeReuse:false", "-maxCpuCount:1", $"-bl:{binlog}", .. extraArguments];
        var result = await DotNet.RunAsync(Directory, arguments);
        return new BuildResult(result.ExitCode, result.Output, BuildDiagnostic.Parse(result.Output));
    }

    public InventoryDocument ReadInventory() => InventoryFile.Read(InventoryInObj);

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    /// <summary>Runs the built tests with `dotnet test` (the SDK's platform mode, from global.json).</summary>
    public Task<ProcessResult> TestAsync(string resultsDirectory, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        DotNet.RunAsync(Directory, ["test", "--project", ProjectFile, "--no-build", "--results-directory", resultsDirectory, .. arguments], environment);

    /// <summary>Runs the built test app itself, on the platform, as `dotnet Name.dll`.</summary>
    public Task<ProcessResult> RunTestAppAsync(string resultsDirectory, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        DotNet.RunAsync(Directory, [OutputAssembly, "--results-directory", resultsDirectory, .. arguments], environment);
}

internal sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public IEnumerable<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error");

    public IEnumerable<BuildDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning");
}
