using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Ci;
using AgentTestGuard.Tool.Report.Model;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>
/// The CI annotations, line by line: what each CI is told, and that nothing an agent wrote (a test
/// name or message with a newline, "::" or an encoded newline) can start a command of its own.
/// </summary>
public sealed class AnnotationTests
{
    private static readonly string HostileFile = "tests/Shop.Tests/Evil.cs";

    [Fact]
    public void GitHub_gets_an_error_per_unreviewed_test_of_a_failed_enforced_run_and_warnings_for_failures_and_stale_approvals()
    {
        var lines = GitHubLines(SampleReports.Typical());

        Assert.Equal(
            [
                "::error file=tests/Shop.Tests/CartTests.cs,line=12,title=Unreviewed agent test::Shop.Tests.CartTests.Empty_cart_is_zero (agent copilot) is unapproved, and enforce mode failed the run while agent tests are unreviewed. After review: dotnet agt approve Shop.Tests.CartTests.Empty_cart_is_zero",
                "::error file=" + HostileFile + ",line=12,title=Unreviewed agent test::Shop.Tests.Evil.<script>alert(1)</script>|*x*_%250A::error::pwn (agent claude-code) is unapproved, and enforce mode failed the run while agent tests are unreviewed. After review: dotnet agt approve 'Shop.Tests.Evil.<script>alert(1)</script>|*x*_%250A::error::pwn'",
                "::warning file=tests/Shop.Tests/CartTests.cs,line=12,title=Quarantined agent test failed::Shop.Tests.CartTests.Empty_cart_is_zero (agent copilot, unapproved) failed: Assert.Equal() Failure: Values differ. It is quarantined: its failure does not fail the run.",
                "::warning file=" + HostileFile + ",line=12,title=Quarantined agent test failed::Shop.Tests.Evil.<script>alert(1)</script>|*x*_%250A::error::pwn (agent claude-code, unapproved) failed: Expected 1. It is quarantined: its failure does not fail the run.",
                "::warning file=tests/Shop.Tests/TaxTests.cs,line=12,title=Stale approval::Shop.Tests.TaxTests.Region_tax_applies changed since Dana Lee <dana.lee@example.com> approved it on 2026-11-11: it is quarantined until approved again. After review: dotnet agt approve Shop.Tests.TaxTests.Region_tax_applies",
            ],
            lines);
    }

    [Theory]
    [InlineData("Bad\n::error::injected")]
    [InlineData("Bad\r\n::error file=x,line=1::injected")]
    [InlineData("Bad%0A::error::injected")]
    [InlineData("Bad%0D%0A::set-output name=x::y")]
    [InlineData("Bad\u2028::error::injected")]
    public void A_test_name_or_message_cannot_start_a_GitHub_command(string hostile)
    {
        var report = SampleReports.Typical();
        report = report with
        {
            Tests = [.. report.Tests.Select(t => t with
            {
                Id = t.Id + hostile,
                Agent = hostile,
                Source = t.Source! with { File = "src/" + hostile + ".cs" },
                LastFailure = t.LastFailure is null ? null : t.LastFailure with { Message = hostile + "\n" + hostile },
            })],
        };

        var lines = GitHubLines(report);

        Assert.Equal(5, lines.Count);
        Assert.All(lines, line => Assert.Matches("^::(error|warning) file=[^:,]*,line=12,title=[^:,]*::[^\r\n]*$", line));
        // No decodable newline followed by a command: a literal "%0A" arrives as "%250A", a newline as "%0A" with its "::" encoded or inert.
        Assert.DoesNotContain(lines, line => line.Contains("%0A::", StringComparison.Ordinal) || line.Contains("%0D::", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_property_values_encode_colons_and_commas()
    {
        var annotation = new Annotation(AnnotationLevel.Warning, "a,b:c%d\ne.cs", 3, "t,i:t", "m: 100%, done\n::error::x");

        Assert.Equal("::warning file=a%2Cb%3Ac%25d%0Ae.cs,line=3,title=t%2Ci%3At::m: 100%25, done%0A::error::x", GitHubActions.Command(annotation));
    }

    [Fact]
    public void Azure_issues_carry_the_file_and_line_and_encode_what_ends_a_command()
    {
        var lines = AzureLines(SampleReports.Typical());

        Assert.Equal(6, lines.Count);
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=tests/Shop.Tests/CartTests.cs;linenumber=12;]Unreviewed agent test: Shop.Tests.CartTests.Empty_cart_is_zero (agent copilot) is unapproved, and enforce mode failed the run while agent tests are unreviewed. After review: dotnet agt approve Shop.Tests.CartTests.Empty_cart_is_zero",
            lines[0]);
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=" + HostileFile + ";linenumber=12;]Unreviewed agent test: Shop.Tests.Evil.<script>alert(1)</script>|*x*_%AZP250A::error::pwn (agent claude-code) is unapproved, and enforce mode failed the run while agent tests are unreviewed. After review: dotnet agt approve 'Shop.Tests.Evil.<script>alert(1)</script>|*x*_%AZP250A::error::pwn'",
            lines[1]);
        Assert.StartsWith("##vso[task.uploadsummary]", lines[5], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x]##vso[task.complete result=Succeeded]")]
    [InlineData("x;type=error]\n##vso[task.complete result=Succeeded]")]
    [InlineData("x%3B%5D")]
    public void A_test_name_or_message_cannot_end_an_Azure_command_early(string hostile)
    {
        var annotation = new Annotation(AnnotationLevel.Warning, "src/" + hostile + ".cs", 7, "Title", hostile + "\r\n" + hostile);

        var line = AzurePipelines.Command(annotation);

        // One ']' only: the one that ends our properties; no ';' or newline from the values.
        Assert.Single(line, c => c == ']');
        Assert.Equal(3, line.Count(c => c == ';'));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
    }

    [Theory]
    [InlineData(null, null, false, false, false, false)]
    [InlineData("true", null, false, false, true, false)]
    [InlineData("false", "True", false, false, false, true)]
    [InlineData(null, null, true, true, true, true)]
    [InlineData("1", "1", false, false, false, false)]
    public void The_CI_is_recognised_by_its_variable_or_named_by_option(string? githubActions, string? tfBuild, bool github, bool azure, bool expectGitHub, bool expectAzure)
    {
        var targets = CiTargets.Detect(github, azure, name => name switch
        {
            "GITHUB_ACTIONS" => githubActions,
            "TF_BUILD" => tfBuild,
            _ => null,
        });

        Assert.Equal(new CiTargets(expectGitHub, expectAzure), targets);
    }

    [Fact]
    public void GitHub_job_summary_gets_the_Markdown_appended()
    {
        var summary = Path.GetTempFileName();
        try
        {
            File.WriteAllText(summary, "earlier step\n");
            var output = new Output(new StringWriter(), new StringWriter(), colour: false);

            CiPublisher.Publish(SampleReports.Typical(), new CiTargets(true, false), null, name => name == "GITHUB_STEP_SUMMARY" ? summary : null, output);

            var text = File.ReadAllText(summary);
            Assert.StartsWith("earlier step\n## AgentTestGuard: agent tests\n", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    private static List<string> GitHubLines(QuarantineReport report) => Publish(report, new CiTargets(true, false));

    private static List<string> AzureLines(QuarantineReport report) => Publish(report, new CiTargets(false, true));

    private static List<string> Publish(QuarantineReport report, CiTargets targets)
    {
        var temp = Directory.CreateTempSubdirectory();
        try
        {
            using var standard = new StringWriter();
            CiPublisher.Publish(report, targets, null, name => name == "AGENT_TEMPDIRECTORY" ? temp.FullName : null, new Output(standard, new StringWriter(), colour: false));
            // Split as a CI runner reads a process's output: at \n (and \r\n) only.
            return [.. standard.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
