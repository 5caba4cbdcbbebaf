using System.Text;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Records;

public sealed class RunRecordReaderTests
{
    [Fact]
    public void A_record_gives_its_run_and_only_its_agent_tests()
    {
        var json = Runs.Json(
            "0123456789abcdef0123456789abcdef", Runs.Start, "rev1", "ci", "Shop.Tests",
            new T("Shop.Tests.A.Gating", "passed", Agent: ""),
            new T("Shop.Tests.A.Theory", "failed", "f9", Attempts: 2, DisplayName: "Theory(x: 2)", Criteria: ["CART-2", "CART-1"]),
            new T("Shop.Tests.Derived.Inherited", "passed", DeclaredAs: "Shop.Tests.Base.Inherited"));

        var run = RunRecordReader.Read("r.agentrun.json", Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Null(problem);
        Assert.Equal(
            ("0123456789abcdef0123456789abcdef", "Shop.Tests", "ci", "rev1", "build-01", Runs.Start, Runs.Start.AddSeconds(2)),
            (run!.RunId, run.Assembly, run.Environment, run.Revision, run.Machine, run.StartedAt, run.FinishedAt));
        Assert.Equal(
            [
                "Shop.Tests.A.Theory|Theory(x: 2)|copilot|f9|CART-1,CART-2|Failed|2",
                "Shop.Tests.Base.Inherited|Shop.Tests.Derived.Inherited|copilot|f1|CART-1|Passed|1",
            ],
            run.Results.Select(r => $"{r.Test}|{r.Case}|{r.Agent}|{r.Fingerprint}|{string.Join(',', r.Criteria)}|{r.Outcome}|{r.Attempts}"));
    }

    [Fact]
    public void Reruns_and_flaky_say_what_the_attempts_included_and_a_record_without_them_lists_nothing()
    {
        var json = Runs.Json(
            "0123456789abcdef0123456789abcdef", Runs.Start, "rev1",
            new T("Shop.Tests.A.All_passed", "passed", Reruns: ["passed", "passed", "passed", "passed", "passed"]),
            new T("Shop.Tests.A.Rerun_failed", "passed", Reruns: ["passed", "failed"]),
            new T("Shop.Tests.A.First_failed", "error", Reruns: ["passed", "skipped"]),
            new T("Shop.Tests.A.Every_attempt_failed", "failed", Reruns: ["timedOut", "failed"]),
            new T("Shop.Tests.A.Retried", "passed", Attempts: 3),
            new T("Shop.Tests.A.Said_flaky", "failed"));
        json = json.Replace("\"id\": \"Shop.Tests.A.Said_flaky\",", "\"id\": \"Shop.Tests.A.Said_flaky\", \"flaky\": true,", StringComparison.Ordinal);

        var run = RunRecordReader.Read("r.agentrun.json", Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Null(problem);
        Assert.Equal(
            [
                "Passed|6|Listed, Passed|passed in run True, failed in run False",
                "Passed|3|Listed, Passed, Failed|passed in run True, failed in run True",
                "Error|3|Listed, Passed, Failed|passed in run True, failed in run True",
                "Failed|3|Listed, Failed|passed in run False, failed in run True",
                // Without reruns, a pass after retries passed after failing, as the retry extension meant.
                "Passed|3|None|passed in run True, failed in run True",
                "Failed|1|Listed, Passed, Failed|passed in run True, failed in run True",
            ],
            run!.Results.Select(r => $"{r.Outcome}|{r.Attempts}|{r.Listed}|passed in run {Attempts.PassedInRun(r.Outcome, r.Listed)}, failed in run {Attempts.FailedInRun(r.Outcome, r.Attempts, r.Listed)}"));
    }

    [Fact]
    public void A_rerun_of_an_unknown_outcome_is_reported_with_its_path()
    {
        var json = Runs.Json("0123456789abcdef0123456789abcdef", Runs.Start, "rev1", new T("Shop.Tests.A.B", "passed", Reruns: ["passed", "exploded"]));

        RunRecordReader.Read("x.agentrun.json", Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Equal("$.tests[0].reruns[1].outcome", problem!.Position);
    }

    [Fact]
    public void A_record_without_a_run_id_gets_one_from_its_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Runs.Json(null, Runs.Start, null, "ci", "Shop.Tests", new T("Shop.Tests.A.B", "passed")));
        var other = Encoding.UTF8.GetBytes(Runs.Json(null, Runs.Start.AddMinutes(1), null, "ci", "Shop.Tests", new T("Shop.Tests.A.B", "passed")));

        var first = RunRecordReader.Read("a", bytes, out _)!.RunId;
        var again = RunRecordReader.Read("b", [.. bytes], out _)!.RunId;
        var different = RunRecordReader.Read("c", other, out _)!.RunId;

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, different);
        Assert.Null(RunRecordReader.Read("a", bytes, out _)!.Revision);
    }

    [Fact]
    public void A_truncated_record_is_reported_with_its_line_and_column()
    {
        var json = Runs.Json("0123456789abcdef0123456789abcdef", Runs.Start, "rev1", new T("Shop.Tests.A.B", "passed"));
        var cut = json[..json.IndexOf("\"outcome\"", StringComparison.Ordinal)];
        var line = cut.Split('\n').Length;

        var run = RunRecordReader.Read("/results/cut.agentrun.json", Encoding.UTF8.GetBytes(cut), out var problem);

        Assert.Null(run);
        Assert.Equal("/results/cut.agentrun.json", problem!.Path);
        Assert.StartsWith($"{line},", problem.Position, StringComparison.Ordinal);
        Assert.StartsWith("is not a complete run record: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_lacking_a_field_is_reported_with_its_path()
    {
        var json = Runs.Json("0123456789abcdef0123456789abcdef", Runs.Start, "rev1", new T("Shop.Tests.A.B", "passed"), new T("Shop.Tests.A.C", "exploded"));

        RunRecordReader.Read("x.agentrun.json", Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Equal(new RecordProblem("x.agentrun.json", "$.tests[1].outcome", "lacks what the history needs here, or holds a value of the wrong kind"), problem);
        Assert.Equal("x.agentrun.json($.tests[1].outcome): lacks what the history needs here, or holds a value of the wrong kind", problem!.ToString());
    }

    [Fact]
    public void A_record_without_a_start_is_reported()
    {
        var json = Runs.Json("0123456789abcdef0123456789abcdef", Runs.Start, "rev1").Replace("\"startedAt\"", "\"begun\"", StringComparison.Ordinal);

        RunRecordReader.Read("x", Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Equal("$.startedAt", problem!.Position);
    }
}
