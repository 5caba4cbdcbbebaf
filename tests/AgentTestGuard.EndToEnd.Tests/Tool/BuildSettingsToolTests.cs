using System.Text.Json;
using AgentTestGuard.EndToEnd.Tests.Build;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// status and approve build the test projects themselves: with the -c, -f and -p they are given,
/// and, when a build fails, saying in one line which project, its first error, and the log.
/// </summary>
public sealed class BuildSettingsToolTests
{
    private const string TotalTest = "Shop.Tests.CartTests.Total_includes_tax";

    [Fact]
    public async Task A_build_that_needs_a_property_fails_in_one_line_and_succeeds_with_p()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        AddTarget(project, """
              <Target Name="RequireShopKey" BeforeTargets="CoreCompile" Condition="'$(ShopKey)' != 'open'">
                <Error Code="SHOP001" Text="Build with -p:ShopKey=open." />
              </Target>
            """);
        project.InitGit();
        await ToolTests.InstallToolAsync(project);

        var failed = await ToolTests.AgtAsync(project, "status");

        var log = Path.Combine(project.Directory, "obj", "agenttestguard-build.log");
        Assert.Equal(
            "building Shop.Tests.csproj (it is not restored, so it has no agent test inventory yet)\n"
            + $"error: dotnet build failed for {project.ProjectFile}: {project.ProjectFile}({project.LineOf("Shop.Tests.csproj", "<Error Code")},5): error SHOP001: Build with -p:ShopKey=open.; log: {log}\n",
            failed.Output.ReplaceLineEndings("\n"));
        Assert.Equal(4, failed.ExitCode);
        Assert.Contains("error SHOP001", File.ReadAllText(log), StringComparison.Ordinal);

        var status = await ToolTests.AgtAsync(project, "status", "--json", "-p:ShopKey=open");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Equal("quarantined", State(status.Output, TotalTest));

        var approve = await ToolTests.AgtAsync(project, "approve", TotalTest, "--property:ShopKey=open", "--despite", "about build settings, not runs");
        Assert.True(approve.ExitCode == 0, approve.Output);
        status = await ToolTests.AgtAsync(project, "status", "--json", "-p", "ShopKey=open");
        Assert.Equal("approved", State(status.Output, TotalTest));
    }

    [Fact]
    public async Task A_multi_target_project_whose_net8_build_fails_is_read_and_approved_with_f()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile)
            .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", StringComparison.Ordinal));
        project.Write("FrameworkTests.cs", """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class FrameworkTests
            {
                [Fact, AgentGenerated("copilot", Criteria = ["CART-12"])]
                public void Differs()
                {
                    // One source for both frameworks, but each calls a different method: what the
                    // calls resolve to is part of the fingerprint, so the two differ.
            #if NET10_0_OR_GREATER
                    Assert.Equal(10, Net10Value());
            #else
                    Assert.Equal(8, Net8Value());
            #endif
                }

                private static int Net10Value() => 10;

                private static int Net8Value() => 8;
            }
            """);
        AddTarget(project, """
              <Target Name="Net8Unavailable" BeforeTargets="CoreCompile" Condition="'$(TargetFramework)' == 'net8.0' and '$(ShopNet8)' != 'works'">
                <Error Code="SHOP002" Text="net8.0 does not build on this machine." />
              </Target>
            """);
        project.InitGit();
        await ToolTests.InstallToolAsync(project);

        var failed = await ToolTests.AgtAsync(project, "approve", TotalTest);
        Assert.Equal(4, failed.ExitCode);
        Assert.EndsWith(
            $"error: dotnet build failed for {project.ProjectFile}: {project.ProjectFile}({project.LineOf("Shop.Tests.csproj", "<Error Code")},5): error SHOP002: net8.0 does not build on this machine.; "
            + $"log: {Path.Combine(project.Directory, "obj", "agenttestguard-build.log")}\n",
            failed.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);

        // With -f net10.0 only that framework is built, read and approved.
        var approve = await ToolTests.AgtAsync(project, "approve", TotalTest, "-f", "net10.0", "--despite", "about build settings, not runs");
        Assert.True(approve.ExitCode == 0, approve.Output);
        var net10 = Fingerprint(Inventory(project, "net10.0"), TotalTest);
        Assert.Contains($"\"fingerprint\":\"{net10}\"", File.ReadAllText(Path.Combine(project.Root, "agenttestguard.approvals.jsonl")), StringComparison.Ordinal);

        // Both frameworks built: approve takes the fingerprint they share; a test whose source differs
        // between them (#if calling another method) has two fingerprints, and approve refuses it, naming both.
        var shared = await ToolTests.AgtAsync(project, "approve", "Shop.Tests.AgentClassTests.First", "-p:ShopNet8=works", "--despite", "about build settings, not runs");
        Assert.True(shared.ExitCode == 0, shared.Output);
        var first = Fingerprint(Inventory(project, "net8.0"), "Shop.Tests.AgentClassTests.First");
        Assert.Equal(first, Fingerprint(Inventory(project, "net10.0"), "Shop.Tests.AgentClassTests.First"));
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        Assert.Contains($"\"fingerprint\":\"{first}\"", File.ReadAllText(ledger), StringComparison.Ordinal);

        var before = File.ReadAllText(ledger);
        var differing = await ToolTests.AgtAsync(project, "approve", "Shop.Tests.FrameworkTests.Differs", "-p:ShopNet8=works");
        var (differsOnNet8, differsOnNet10) = (Fingerprint(Inventory(project, "net8.0"), "Shop.Tests.FrameworkTests.Differs"), Fingerprint(Inventory(project, "net10.0"), "Shop.Tests.FrameworkTests.Differs"));
        Assert.Equal(3, differing.ExitCode);
        // After the progress line of the build the ledger's change called for, the refusal and nothing else.
        Assert.EndsWith(
            $"building Shop.Tests.csproj (its agent test inventory for net8.0 is older than {Path.Combine("..", "agenttestguard.approvals.jsonl")})\n"
            + $"error: refused: Shop.Tests.FrameworkTests.Differs has a different fingerprint per target framework (net8.0: {differsOnNet8[..12]}, net10.0: {differsOnNet10[..12]}); "
            + "an approval binds one fingerprint, so it would be stale on the others. Nothing was approved. To approve it for one framework only, run approve with -f.\n",
            differing.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ledger));
    }

    private static void AddTarget(TestProject project, string target) =>
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace("</Project>", target.ReplaceLineEndings("\n") + "</Project>", StringComparison.Ordinal));

    private static string Inventory(TestProject project, string framework) =>
        Path.Combine(project.Directory, "obj", "Debug", framework, "Shop.Tests.agenttests.json");

    private static string Fingerprint(string inventory, string test) =>
        JsonDocument.Parse(File.ReadAllText(inventory)).RootElement.GetProperty("tests").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == test).GetProperty("fingerprint").GetString()!;

    private static string State(string output, string test) =>
        JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("tests").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == test).GetProperty("state").GetString()!;
}
