using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Workspace;

/// <summary>
/// A command's projects evaluated together and at once (one collection, one shared evaluation
/// context, in parallel) give what each evaluated alone in a fresh collection gives, in the files' order.
/// </summary>
public sealed class SharedEvaluationTests : TempFolder
{
    public SharedEvaluationTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void Several_projects_evaluated_at_once_give_what_each_gives_alone_in_the_files_order()
    {
        WriteRepository();
        var files = ProjectFiles.InFolder(Folder);
        var settings = new BuildSettings("Release", null, [new("Flavour", "blue")]);

        var atOnce = ProjectEvaluator.EvaluateAll(files, settings).Select(Describe).ToList();
        var alone = files.Select(file => Describe(ProjectEvaluator.Evaluate(file, settings))).ToList();

        Assert.Equal(alone, atOnce);
        Assert.Equal(
            [
                "(none)",
                $"blue | {Obj("Orders.Tests", "Release/net10.0/blue.agenttests.json")} | quarantines",
                $"Shop.Tests | {Obj("Shop.Tests", "Release/net8.0/Shop.Tests.agenttests.json")}, {Obj("Shop.Tests", "Release/net10.0/Shop.Tests.agenttests.json")} | quarantines",
                $"Stock.Tests | {Obj("Stock.Tests", "Release/net10.0/Stock.Tests.agenttests.json")} | gating",
            ],
            atOnce.Select(d => d.Split(" || ")[0]));
    }

    [Fact]
    public void A_repository_of_several_projects_gives_every_test_project_every_project_in_its_order_and_their_rows_in_id_order()
    {
        WriteRepository();
        var output = new StringWriter();
        var error = new StringWriter();

        var workspace = RepositoryWorkspace.Load(Folder, new Output(output, error, colour: false), WorkspaceNeeds.AgentTests);

        Assert.True(workspace is not null, error.ToString());
        Assert.Equal(["Orders.Tests", "Shop.Tests", "Stock.Tests"], workspace.Projects.Select(p => p.AssemblyName));
        Assert.Equal(
            ["Orders.Tests.A (Orders.Tests)", "Shop.Tests.A (Shop.Tests)", "Shop.Tests.Z (Shop.Tests)", "Stock.Tests.M (Stock.Tests)"],
            workspace.Rows.Select(r => $"{r.Test.Id} ({r.Project.AssemblyName})"));
        Assert.Equal("", error.ToString());
    }

    /// <summary>
    /// A library, a test project whose assembly name comes from a -p property, a multi-targeted one,
    /// and one on VSTest; each test project with current inventories (written last) in Debug and Release.
    /// </summary>
    private void WriteRepository()
    {
        Write("src/Shop/Shop.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        Write("src/Shop/Cart.cs", "class Cart;");
        Write("agenttestguard.policy.json", "{}");
        TestProject("Orders.Tests", "<TargetFramework>net10.0</TargetFramework><AssemblyName>$(Flavour)</AssemblyName><AssemblyName Condition=\"'$(Flavour)' == ''\">Orders.Tests</AssemblyName>", ["Orders.Tests.A"]);
        TestProject("Shop.Tests", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", ["Shop.Tests.Z", "Shop.Tests.A"]);
        TestProject("Stock.Tests", "<TargetFramework>net10.0</TargetFramework><_AgentTestGuardRunsOnPlatform>false</_AgentTestGuardRunsOnPlatform>", ["Stock.Tests.M"]);
    }

    private void TestProject(string name, string properties, string[] tests)
    {
        Write($"tests/{name}/{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {properties}
                <IsTestingPlatformApplication>true</IsTestingPlatformApplication>
                <_AgentTestGuardTasksAssembly>set-by-the-package</_AgentTestGuardTasksAssembly>
                <_AgentTestGuardRunsOnPlatform Condition="'$(_AgentTestGuardRunsOnPlatform)' == ''">true</_AgentTestGuardRunsOnPlatform>
                <AgentTestGuardPolicyFile>$(MSBuildThisFileDirectory)../../agenttestguard.policy.json</AgentTestGuardPolicyFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        Write($"tests/{name}/Tests.cs", "class Tests;");
        foreach (var folder in name == "Shop.Tests" ? new[] { "Debug/net8.0", "Debug/net10.0" } : ["Debug/net10.0"])
        {
            var inventory = Path.Combine(Folder, "tests", name, "obj", folder, $"{name}.agenttests.json");
            InventoryFile.Write(inventory, new InventoryDocument(
                InventoryDocument.CurrentSchemaVersion, "test", name, null, null, null,
                [.. tests.Select(id => new AgentTest(id, name, id[(id.LastIndexOf('.') + 1)..], "copilot", AgentEvidence.None, [], new string('a', 32), null))]));
            File.SetLastWriteTimeUtc(inventory, DateTime.UtcNow.AddMinutes(1));
        }
    }

    private string Obj(string project, string file) => Path.Combine(Folder, "tests", project, "obj", file);

    /// <summary>Everything an evaluation says, as text: the assembly, inventories and quarantine first, then the rest after " || ".</summary>
    private static string Describe(ProjectEvaluator.Evaluation? e) => e is null
        ? "(none)"
        : $"{e.AssemblyName} | {string.Join(", ", e.Inventories.Select(i => i.File))} | {(e.Quarantines ? "quarantines" : "gating")}"
            + $" || {e.UsesPackage} | {string.Join(", ", e.Inventories.Select(i => i.Framework))} | {e.PolicyFile} | {e.ApprovalsFile} | {string.Join(", ", e.Inputs)}";
}
