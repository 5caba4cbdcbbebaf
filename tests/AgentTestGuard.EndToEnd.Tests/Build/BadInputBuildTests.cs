using System.Text;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Tool;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>
/// Review files an agent or a bad merge left unreadable stop the build and the tool with the file,
/// line and column, never a stack trace (issue 30).
/// </summary>
public sealed class BadInputBuildTests
{
    [Fact]
    public async Task A_ledger_not_in_UTF8_or_with_a_key_twice_fails_the_build_and_the_tool_at_its_position()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        var line = """{"assembly":"Shop.Tests","test":"Shop.Tests.CartTests.Empty_cart_is_zero","fingerprint":"00000000000000000000000000000000","approver":"Zoë Lee <zoe@example.com>","at":"2026-11-24T09:30:00Z"}""";
        File.WriteAllBytes(ledger, Encoding.Latin1.GetBytes("// approvals\n" + line + "\n"));
        var column = line.IndexOf('ë', StringComparison.Ordinal) + 1;

        var latin1 = await project.BuildAsync();

        Assert.Equal(1, latin1.ExitCode);
        Assert.Equal([("AGT0013", ledger, 2)], latin1.Errors.Select(d => (d.Code, d.File, d.Line)));
        Assert.Contains($"{ledger}(2,{column}): error AGT0013: Not valid UTF-8: byte 0xEB does not start or continue a character. Save the file as UTF-8.", latin1.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", latin1.Output, StringComparison.Ordinal);

        // The same line, readable, but naming a second test after the first: which one would count?
        var twice = line.Replace("Zoë", "Zoe", StringComparison.Ordinal).Replace("}", ",\"test\":\"Shop.Tests.CartTests.Total_includes_tax\"}", StringComparison.Ordinal);
        File.WriteAllText(ledger, "// approvals\n" + twice + "\n");

        var duplicate = await project.BuildAsync();

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains(
            $"{ledger}(2,{twice.LastIndexOf("\"test\"", StringComparison.Ordinal) + 1}): error AGT0013: The key 'test' appears twice in one object (first at column 26); keep one.",
            duplicate.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_file_MSBuild_cannot_read_gives_the_tools_malformed_exit_code_and_its_position()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        await ToolTests.InstallToolAsync(project);
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace("</PropertyGroup>", "<PropertyGroup>", StringComparison.Ordinal));

        var status = await ToolTests.AgtAsync(project, "status");

        Assert.True(status.ExitCode == 4, status.Output);
        Assert.Contains($"error: {project.ProjectFile}(", status.Output, StringComparison.Ordinal);
        Assert.Contains("): error MSB4025: The project file could not be loaded.", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", status.Output, StringComparison.Ordinal);
    }
}
