using System.Diagnostics;
using AgentTestGuard.ContinuousIntegration;
using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands.Bypasses;

/// <summary>
/// MSBuild reads the nearest Directory.Build.rsp as if its switches were on the command line, so it
/// can set AgentTestGuard's properties without a project file showing them: verify's evaluation of
/// the test projects applies it, and files it includes with @file.
/// </summary>
public sealed class ResponseFileBypassTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agt-rsp-").FullName;

    public ResponseFileBypassTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_real_build_takes_properties_from_Directory_Build_rsp_and_the_files_it_includes()
    {
        WriteResponseFiles();
        File.WriteAllText(Path.Combine(_folder, "gate.proj"),
            "<Project>\n  <Target Name=\"Show\">\n    <Message Importance=\"high\" Text=\"gate: Enforce=$(AgentTestGuardEnforce) Reruns=$(AgentTestGuardReruns)\" />\n  </Target>\n</Project>\n");

        var (exitCode, output) = DotNet("msbuild", "gate.proj", "-t:Show", "-nologo", "-nodeReuse:false");

        Assert.True(exitCode == 0, output);
        Assert.Contains("gate: Enforce=false Reruns=0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_names_the_response_file_lines_that_switch_the_gate_off()
    {
        WriteResponseFiles();
        var project = WriteTestProject("tests/Shop.Tests", "");

        var offences = EvaluatedSettings.Check(project);

        var rsp = Path.Combine(_folder, "Directory.Build.rsp");
        Assert.Equal(
            [new ProjectSettingsCheck.Offence(project, string.Join("; ",
                $"AgentTestGuardEnforce is false: a run in CI passes while its agent tests are unreviewed (set at {rsp}(2))",
                $"AgentTestGuardReruns is 0: a failed test is not rerun, so a flaky test passes for a plain failure and its flakiness goes unseen (set at {Path.Combine(_folder, "ci", "reruns.txt")}(1))",
                $"its build reads '{Path.Combine(_folder, "tests", "Shop.Tests", "obj", "incidents.jsonl")}' instead of the review file the package finds above the project (set at {rsp}(3))"))],
            offences);
    }

    [Fact]
    public void Response_files_that_include_each_other_are_read_once_each()
    {
        var first = Path.Combine(_folder, "Directory.Build.rsp");
        File.WriteAllText(first, "-p:AgentTestGuardEnforce=false @more.rsp\n");
        File.WriteAllText(Path.Combine(_folder, "more.rsp"), "--property:AgentTestGuardReruns=0;AgentTestGuardRerunBudget=0 @Directory.Build.rsp\n");

        var settings = ResponseFileProperties.Read(first);

        var more = Path.Combine(_folder, "more.rsp");
        Assert.Equal(
            [new("AgentTestGuardEnforce", "false", $"{first}(1)"), new("AgentTestGuardReruns", "0", $"{more}(1)"), new("AgentTestGuardRerunBudget", "0", $"{more}(1)")],
            settings);
    }

    [Fact]
    public void An_incident_log_set_elsewhere_in_the_project_is_named_with_its_line_one_beside_the_ledger_is_not()
    {
        File.WriteAllText(Path.Combine(_folder, "agenttestguard.approvals.jsonl"), "");
        var beside = WriteTestProject("tests/Beside.Tests", "<AgentTestGuardIncidentsFile>../../agenttestguard.incidents.jsonl</AgentTestGuardIncidentsFile>");
        var elsewhere = WriteTestProject("tests/Shop.Tests", "<AgentTestGuardIncidentsFile>$(MSBuildProjectDirectory)/obj/incidents.jsonl</AgentTestGuardIncidentsFile>");

        var offences = EvaluatedSettings.Check(beside, elsewhere);

        Assert.Equal(
            [new ProjectSettingsCheck.Offence(elsewhere,
                $"its build reads '{Path.Combine(Path.GetDirectoryName(elsewhere)!, "obj", "incidents.jsonl")}' instead of the review file the package finds above the project (set at {elsewhere}(5))")],
            offences);
    }

    [Fact]
    public void Reruns_or_their_budget_set_to_0_in_a_project_are_named_with_their_line()
    {
        var project = WriteTestProject("tests/Shop.Tests", "<AgentTestGuardReruns>0</AgentTestGuardReruns>\n    <AgentTestGuardRerunBudget>0</AgentTestGuardRerunBudget>");
        var fine = WriteTestProject("tests/Other.Tests", "<AgentTestGuardReruns>3</AgentTestGuardReruns>");

        var offences = EvaluatedSettings.Check(project, fine);

        const string Why = "is 0: a failed test is not rerun, so a flaky test passes for a plain failure and its flakiness goes unseen";
        Assert.Equal(
            [new ProjectSettingsCheck.Offence(project, $"AgentTestGuardReruns {Why} (set at {project}(5)); AgentTestGuardRerunBudget {Why} (set at {project}(6))")],
            offences);
    }

    private void WriteResponseFiles()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "ci"));
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.rsp"),
            "# build settings\n-p:AgentTestGuardEnforce=f%61lse\n/property:\"AgentTestGuardIncidentsFile=obj/incidents.jsonl\" @ci/reruns.txt\n");
        File.WriteAllText(Path.Combine(_folder, "ci", "reruns.txt"), "-p:AgentTestGuardReruns=0\n");
    }

    private string WriteTestProject(string folder, string properties) =>
        EvaluatedSettings.WriteTestProject(Path.Combine(_folder, folder), properties);

    private (int ExitCode, string Output) DotNet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Neither CI nor the MSBuild this test process registered may leak into the child.
        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || CiServices.Variables.Contains(n)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
