using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.Init;
using NuGet.Versioning;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

/// <summary>init on a folder with real (unrestored) projects, asking stand-in package sources.</summary>
public sealed class InitCommandTests : TempFolder
{
    private const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="xunit.v3" Version="4.0.2" />
          </ItemGroup>
        </Project>

        """;

    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>

        """;

    private readonly StringWriter _standard = new();
    private readonly StringWriter _error = new();

    public InitCommandTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void Creates_the_files_and_adds_the_newest_stable_version_to_test_projects_only()
    {
        var testProject = Write("tests/Shop.Tests/Shop.Tests.csproj", TestProject);
        var library = Write("src/Shop/Shop.csproj", Library);
        var sources = new StandInSources(new SourceAnswer("local", [NuGetVersion.Parse("0.9.0"), NuGetVersion.Parse("1.0.0"), NuGetVersion.Parse("1.1.0-beta.1")]));

        var exitCode = Run(version: null, sources);

        Assert.True(exitCode == 0, Errors);
        Assert.Equal(StarterFiles.Policy, Read(ConfigurationFileNames.Policy));
        Assert.Equal(StarterFiles.Catalog, Read(ConfigurationFileNames.Catalog));
        Assert.Equal(StarterFiles.All[2].Content, Read(ConfigurationFileNames.Approvals));
        Assert.Equal(
            "# AgentTestGuard: keep both branches' lines when they approve or record incidents side by side.\n"
            + "agenttestguard.approvals.jsonl merge=union\nagenttestguard.incidents.jsonl merge=union\n",
            Read(".gitattributes"));
        Assert.Equal(
            "# AgentTestGuard: the local run history (dotnet agt history import).\n/.agenttestguard/\n"
            + "# AgentTestGuard: what a dotnet agt command killed mid-write leaves; the next one removes it.\n"
            + "agenttestguard.*.lock\n.agenttestguard.*.tmp\n",
            Read(".gitignore"));
        Assert.Equal(TestProject.Replace(
            "    <PackageReference Include=\"xunit.v3\"",
            "    <PackageReference Include=\"AgentTestGuard\" Version=\"1.0.0\" />\n    <PackageReference Include=\"xunit.v3\"",
            StringComparison.Ordinal), File.ReadAllText(testProject));
        Assert.Equal(Library, File.ReadAllText(library));
        Assert.Equal(Path.GetFullPath(Folder), sources.AskedIn);
        Assert.Equal("""
            FILE                                CHANGE
            agenttestguard.policy.json          created: the rules: the workflow's owner, the agents allowed, where unreviewed tests run
            agenttestguard.criteria.json        created: the acceptance criteria agent tests link to
            agenttestguard.approvals.jsonl      created: the approvals ledger, one line per approved agent test
            .gitattributes                      merge=union for agenttestguard.approvals.jsonl, agenttestguard.incidents.jsonl
            .gitignore                          ignores /.agenttestguard/, the local run history
            .gitignore                          ignores agenttestguard.*.lock, .agenttestguard.*.tmp
            tests/Shop.Tests/Shop.Tests.csproj  PackageReference AgentTestGuard 1.0.0

            AgentTestGuard 1.0.0: the newest stable version on 'local'.
            Next:
              1. Name the workflow's owner and the agents allowed to write tests in agenttestguard.policy.json.
              2. List the acceptance criteria agent tests check in agenttestguard.criteria.json.
              3. Tag each test an agent writes: [AgentFact("copilot", "CART-12")] (xunit v3; [AgentTheory] for a theory).
              4. `dotnet build`, then `dotnet agt status`. Commit the new files: they are reviewed like code.

            """, Printed);
    }

    [Fact]
    public void Under_central_package_management_the_version_goes_to_Directory_Packages_props()
    {
        var props = Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """);
        var testProject = Write("tests/Shop.Tests/Shop.Tests.csproj", TestProject.Replace(" Version=\"4.0.2\"", "", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Success, Run(version: null, new StandInSources(new SourceAnswer("local", [NuGetVersion.Parse("1.0.0")]))));

        Assert.Equal("""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="AgentTestGuard" Version="1.0.0" />
                <PackageVersion Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(props));
        Assert.Equal(
            TestProject.Replace(" Version=\"4.0.2\"", "", StringComparison.Ordinal).Replace(
                "    <PackageReference Include=\"xunit.v3\"",
                "    <PackageReference Include=\"AgentTestGuard\" />\n    <PackageReference Include=\"xunit.v3\"",
                StringComparison.Ordinal),
            File.ReadAllText(testProject));
        Assert.Contains("""
            Directory.Packages.props            PackageVersion AgentTestGuard 1.0.0
            tests/Shop.Tests/Shop.Tests.csproj  PackageReference AgentTestGuard (version in Directory.Packages.props)

            """, Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_project_that_references_the_package_already_is_left_as_it_is_and_no_source_is_asked()
    {
        var text = TestProject.Replace("</ItemGroup>", "  <PackageReference Include=\"AgentTestGuard\" Version=\"0.9.0\" />\n  </ItemGroup>", StringComparison.Ordinal);
        var testProject = Write("Shop.Tests/Shop.Tests.csproj", text);
        var sources = new StandInSources();

        Assert.Equal(ExitCodes.Success, Run(version: null, sources));

        Assert.Equal(text, File.ReadAllText(testProject));
        Assert.Null(sources.AskedIn);
        Assert.Contains("\nShop.Tests/Shop.Tests.csproj    unchanged: already references AgentTestGuard\n", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_pins_the_version_without_asking_any_source()
    {
        var testProject = Write("Shop.Tests/Shop.Tests.csproj", TestProject);
        var sources = new StandInSources();

        Assert.Equal(ExitCodes.Success, Run("2.0.0-rc.1", sources));

        Assert.Equal(
            TestProject.Replace(
                "    <PackageReference Include=\"xunit.v3\"",
                "    <PackageReference Include=\"AgentTestGuard\" Version=\"2.0.0-rc.1\" />\n    <PackageReference Include=\"xunit.v3\"",
                StringComparison.Ordinal),
            File.ReadAllText(testProject));
        Assert.Null(sources.AskedIn);
        Assert.Contains("AgentTestGuard 2.0.0-rc.1: pinned with --version.\n", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_files_are_refused_and_nothing_is_written()
    {
        var testProject = Write("Shop.Tests/Shop.Tests.csproj", TestProject);
        Write(ConfigurationFileNames.Catalog, "{ \"criteria\": [] }");
        var sources = new StandInSources();

        Assert.Equal(ExitCodes.Refused, Run(version: null, sources));

        Assert.Equal(
            $"error: refused: agenttestguard.criteria.json already exists in {Path.GetFullPath(Folder)}. init only sets up a repository without AgentTestGuard files, and wrote nothing.\n",
            Errors);
        Assert.Equal([ConfigurationFileNames.Catalog], Directory.GetFiles(Folder).Select(Path.GetFileName));
        Assert.Equal(TestProject, File.ReadAllText(testProject));
        Assert.Null(sources.AskedIn);
    }

    [Fact]
    public void When_no_version_is_found_nothing_is_written()
    {
        var testProject = Write("Shop.Tests/Shop.Tests.csproj", TestProject);

        Assert.Equal(ExitCodes.Error, Run(version: null, new StandInSources(new SourceAnswer("local", []))));

        Assert.Equal(
            "error: cannot find the newest AgentTestGuard: AgentTestGuard is not on the package sources (local). Pin one with --version; nothing was written.\n",
            Errors);
        Assert.Empty(Directory.GetFiles(Folder));
        Assert.Equal(TestProject, File.ReadAllText(testProject));
    }

    [Fact]
    public void A_version_that_is_not_one_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Run("1.*", new StandInSources()));

        Assert.Equal("error: --version '1.*' is not a package version (for example 1.2.0 or 1.3.0-beta.1).\n", Errors);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public void A_project_on_an_older_platform_is_left_as_it_is_and_named_with_the_fix_and_a_VSTest_one_is_told_it_gets_no_quarantine()
    {
        var tooOld = Write("tests/Old.Tests/Old.Tests.csproj", TestProject.Replace("4.0.2", "3.2.2", StringComparison.Ordinal));
        var pinned = Write("tests/Pinned.Tests/Pinned.Tests.csproj", TestProject);
        var vsTest = Write("tests/VSTest.Tests/VSTest.Tests.csproj", TestProject.Replace("\"xunit.v3\" Version=\"4.0.2\"", "\"NUnit\" Version=\"4.3.2\"", StringComparison.Ordinal));
        var probe = new StandInProbe(
            ("Old.Tests.csproj", new PlatformFinding(PlatformState.TooOld, "1.9.1", "xunit.v3 3.2.2")),
            ("Pinned.Tests.csproj", new PlatformFinding(PlatformState.TooOld, "2.3.0", "Microsoft.Testing.Platform 2.3.0")),
            ("VSTest.Tests.csproj", new PlatformFinding(PlatformState.NotOnPlatform)));
        var before = (File.ReadAllText(tooOld), File.ReadAllText(pinned));

        Assert.Equal(ExitCodes.Success, Run(version: null, new StandInSources(new SourceAnswer("local", [NuGetVersion.Parse("1.0.0")])), probe));

        var required = RestoringPlatformProbe.RequiredVersion;
        Assert.Equal(before, (File.ReadAllText(tooOld), File.ReadAllText(pinned)));
        Assert.Contains("<PackageReference Include=\"AgentTestGuard\" Version=\"1.0.0\" />", File.ReadAllText(vsTest), StringComparison.Ordinal);
        Assert.Equal($"""
            FILE                                    CHANGE
            agenttestguard.policy.json              created: the rules: the workflow's owner, the agents allowed, where unreviewed tests run
            agenttestguard.criteria.json            created: the acceptance criteria agent tests link to
            agenttestguard.approvals.jsonl          created: the approvals ledger, one line per approved agent test
            .gitattributes                          merge=union for agenttestguard.approvals.jsonl, agenttestguard.incidents.jsonl
            .gitignore                              ignores /.agenttestguard/, the local run history
            .gitignore                              ignores agenttestguard.*.lock, .agenttestguard.*.tmp
            tests/Old.Tests/Old.Tests.csproj        not changed: runs on Microsoft.Testing.Platform 1.9.1 (from xunit.v3 3.2.2); AgentTestGuard needs {required} or later (NuGet would refuse the downgrade, NU1605)
            tests/Pinned.Tests/Pinned.Tests.csproj  not changed: runs on Microsoft.Testing.Platform 2.3.0 (from Microsoft.Testing.Platform 2.3.0); AgentTestGuard needs {required} or later (NuGet would refuse the downgrade, NU1605)
            tests/VSTest.Tests/VSTest.Tests.csproj  PackageReference AgentTestGuard 1.0.0; no quarantine: runs on VSTest, its agent tests gate (AGT0016)

            AgentTestGuard 1.0.0: the newest stable version on 'local'.
            Next:
              1. Upgrade xunit.v3 in Old.Tests.csproj to a version built on Microsoft.Testing.Platform {required} or later, then `dotnet add Old.Tests.csproj package AgentTestGuard`: init left it as it was.
              2. Raise Microsoft.Testing.Platform in Pinned.Tests.csproj to {required} or later, then `dotnet add Pinned.Tests.csproj package AgentTestGuard`: init left it as it was.
              3. VSTest.Tests.csproj runs on VSTest: the build checks its agent tests, but they gate like any other test (no quarantine). Move to Microsoft.Testing.Platform for quarantine (docs/run-time.md).
              4. Name the workflow's owner and the agents allowed to write tests in agenttestguard.policy.json.
              5. List the acceptance criteria agent tests check in agenttestguard.criteria.json.
              6. Tag each test an agent writes: [Test, AgentGenerated("copilot", Criteria = ["CART-12"])] (NUnit), [AgentFact("copilot", "CART-12")] (xunit v3; [AgentTheory] for a theory).
              7. `dotnet build`, then `dotnet agt status`. Commit the new files: they are reviewed like code.

            """, Printed);
    }

    private int Run(string? version, IPackageSources sources, ITestPlatformProbe? probe = null) =>
        InitCommand.Run(Folder, version, new Output(_standard, _error, colour: false), sources, probe ?? new StandInProbe());

    private string Printed => _standard.ToString().ReplaceLineEndings("\n");

    private string Errors => _error.ToString().ReplaceLineEndings("\n");

    private string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>A platform probe that answers per project file name what the test says; Supported for any other.</summary>
    private sealed class StandInProbe(params (string FileName, PlatformFinding Finding)[] findings) : ITestPlatformProbe
    {
        public PlatformFinding Probe(string projectFile, string assetsFile) =>
            findings.FirstOrDefault(f => f.FileName == Path.GetFileName(projectFile)).Finding ?? PlatformFinding.Supported;
    }

    /// <summary>Package sources that answer what the test says, and remember the folder they were asked for.</summary>
    private sealed class StandInSources(params SourceAnswer[] answers) : IPackageSources
    {
        public string? AskedIn { get; private set; }

        public Task<IReadOnlyList<SourceAnswer>> FindVersionsAsync(string folder, string packageId, CancellationToken cancellationToken)
        {
            AskedIn = folder;
            return Task.FromResult<IReadOnlyList<SourceAnswer>>(answers);
        }
    }
}
