using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Report.Sources;
using Xunit;
using static AgentTestGuard.Tool.Tests.Evidence.Runs;

namespace AgentTestGuard.Tool.Tests.Evidence;

/// <summary>The evidence rules approve applies: what counts as a passing run, and as flaky, at the current fingerprint.</summary>
public sealed class RunTallyTests
{
    [Fact]
    public void A_test_that_never_ran_has_no_passing_run()
    {
        var evidence = Of([Run(1, "r1", new RunRecordTest("Shop.Tests.CartTests.Other", "passed", 1, null, "gating"))]);

        Assert.Equal((0, 0, 0, 0, false), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun], evidence.Missing);
    }

    [Fact]
    public void A_test_that_only_failed_has_no_passing_run_and_is_not_flaky()
    {
        var evidence = Of([Run(1, "r1", Result("failed")), Run(2, "r1", Result("error"))]);

        Assert.Equal((2, 2, 0, 2, false), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun], evidence.Missing);
    }

    [Fact]
    public void A_pass_at_an_older_fingerprint_only_is_no_passing_run()
    {
        var evidence = Of([Run(1, "r1", Result("passed", Older)), Run(2, "r2", Result("failed"))]);

        Assert.Equal((1, 1, 0, 1, false), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun], evidence.Missing);
    }

    [Fact]
    public void A_test_that_ran_but_was_not_run_there_does_not_count()
    {
        var evidence = Of([Run(1, "r1", Result("notRun") with { Attempts = 0 })]);

        Assert.Equal((0, 0, 0, 0, false), Figures(evidence));
    }

    [Fact]
    public void Passing_runs_are_evidence_and_a_run_offered_twice_counts_once()
    {
        var run = Run(1, "r1", Result("passed", reruns: ["passed", "passed"]));

        var evidence = Of([run, run with { File = "/elsewhere/copy.agentrun.json" }, Run(2, "r2", Result("passed"))]);

        Assert.Equal((2, 4, 2, 0, false), Figures(evidence));
        Assert.Empty(evidence.Missing);
    }

    [Fact]
    public void A_failure_then_a_pass_among_one_runs_attempts_is_flaky_and_a_failing_run()
    {
        var evidence = Of([Run(1, "r1", Result("failed", reruns: ["passed", "passed"]))]);

        Assert.Equal((1, 3, 0, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun, MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void The_records_flaky_field_counts_even_without_the_reruns()
    {
        var evidence = Of([Run(1, "r1", Result("passed") with { Flaky = true })]);

        // As the history reads it: an attempt passed and one failed, so the run is a failing one.
        Assert.Equal((1, 1, 0, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun, MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_pass_after_retries_without_listed_reruns_failed_first_and_is_flaky_as_the_history_counts_it()
    {
        var evidence = Of([Run(1, "r1", Result("passed") with { Attempts = 3 }), Run(2, "r2", Result("passed"))]);

        Assert.Equal((2, 4, 1, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_pass_and_a_failure_across_runs_at_the_same_revision_is_flaky()
    {
        var evidence = Of([Run(1, "r1", Result("passed")), Run(2, "r1", Result("failed"))]);

        Assert.Equal((2, 2, 1, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_failure_fixed_at_a_later_revision_is_not_flaky()
    {
        var evidence = Of([Run(1, "r1", Result("failed")), Run(2, "r2", Result("passed"))]);

        Assert.Equal((2, 2, 1, 1, false), Figures(evidence));
        Assert.Empty(evidence.Missing);
    }

    [Fact]
    public void Runs_without_a_revision_are_not_compared_with_each_other()
    {
        var evidence = Of([Run(1, null, Result("failed")), Run(2, null, Result("passed"))]);

        Assert.False(evidence.Flaky);
    }

    [Fact]
    public void A_theory_whose_rows_differ_fails_its_run_without_being_flaky()
    {
        RunRecordTest[] rows = [Result("passed", displayName: "Total(1)"), Result("failed", displayName: "Total(2)")];

        var evidence = Of([Run(1, "r1", rows), Run(2, "r1", rows)]);

        // Two runs, and an attempt of each row in each: counted as the history counts them.
        Assert.Equal((2, 4, 0, 2, false), Figures(evidence));
    }

    [Fact]
    public void A_test_that_cannot_fail_lacks_that_evidence_whatever_its_runs()
    {
        var evidence = Of([Run(1, "r1", Result("passed"))], new CannotFail(CannotFailReason.NoAssertion, "calls no assertion"));

        Assert.Equal([MissingEvidence.CannotFail], evidence.Missing);
    }

    private static TestEvidence Of(IReadOnlyList<RunRecordDetails> runs, CannotFail? cannotFail = null) =>
        new EvidenceSources(runs, catalog: null).Of("Shop.Tests", Agent(cannotFail));
}
