using AgentTestGuard.TestingPlatform.Record;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

public sealed class PendingRecordsTests
{
    [Fact]
    public async Task Waiting_ends_only_when_every_record_is_written()
    {
        var records = new PendingRecords();
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        records.Add("/results/a.agentrun.json", first.Task);
        records.Add("/results/b.agentrun.json", second.Task);

        var waiting = records.WaitAsync();
        first.SetResult();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        second.SetResult();
        Assert.Empty(await waiting);
    }

    [Fact]
    public async Task A_record_that_could_not_be_written_is_named_with_the_reason()
    {
        var records = new PendingRecords();
        records.Add("/results/a.agentrun.json", Task.FromException(new IOException("No space left on device")));
        records.Add("/results/b.agentrun.json", Task.CompletedTask);
        records.Add("/results/c.agentrun.json", Task.FromException(new UnauthorizedAccessException("Access to the path is denied.")));

        Assert.Equal(
            [
                "AgentTestGuard: the run record could not be written to /results/a.agentrun.json: No space left on device",
                "AgentTestGuard: the run record could not be written to /results/c.agentrun.json: Access to the path is denied.",
            ],
            await records.WaitAsync());
    }

    [Fact]
    public async Task The_reason_cannot_send_terminal_escapes()
    {
        var records = new PendingRecords();
        records.Add("/results/\u001b]8;;x\u0007a.agentrun.json", Task.FromException(new IOException("bad \u001b[2J name")));

        var failure = Assert.Single(await records.WaitAsync());

        Assert.DoesNotContain('\u001b', failure);
        Assert.DoesNotContain('\u0007', failure);
        Assert.Contains(@"\u001B[2J", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_record_is_waited_for_once()
    {
        var records = new PendingRecords();
        records.Add("/results/a.agentrun.json", Task.FromException(new IOException("full")));

        Assert.Single(await records.WaitAsync());
        Assert.Empty(await records.WaitAsync());
    }

    [Fact]
    public async Task A_defect_in_writing_is_not_hidden()
    {
        var records = new PendingRecords();
        records.Add("/results/a.agentrun.json", Task.FromException(new InvalidOperationException("a bug")));

        await Assert.ThrowsAsync<InvalidOperationException>(records.WaitAsync);
    }
}
