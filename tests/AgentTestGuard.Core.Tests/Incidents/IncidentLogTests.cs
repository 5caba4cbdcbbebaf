using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Incidents;
using Xunit;

namespace AgentTestGuard.Core.Tests.Incidents;

public sealed class IncidentLogTests
{
    private const string Header =
        "// AgentTestGuard incidents: one line per rejected agent test or other agent mistake, oldest first. Reviewed like code; see docs/files.md.\n";

    private const string Reviewer = "Dana Lee <dana@example.com>";

    private const string Valid =
        """{"kind":"rejection","assembly":"A","test":"A.T.M","fingerprint":"00000000000000000000000000000000","agent":"copilot","by":"D <d@example.com>","at":"2026-01-31T09:30:00Z","reason":"r"}""";

    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Fingerprint = new('a', 32);

    [Fact]
    public void Writes_one_line_per_incident_in_time_order_and_reads_it_back()
    {
        using var file = new TempFile("agenttestguard.incidents.jsonl", "");
        Incident[] incidents =
        [
            new(IncidentKind.Mistake, null, null, null, "claude-code", Reviewer, Noon.AddHours(1), "deleted a \"flaky\" test instead of fixing it"),
            new(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.B.Second", Fingerprint, "copilot", Reviewer, Noon, "asserts nothing"),
            new(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.A.First", Fingerprint, "copilot", Reviewer, Noon, "tests the mock"),
            new(IncidentKind.Mistake, "Shop.Tests", "Shop.Tests.A.First", null, "copilot", Reviewer, new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.FromHours(2)), "pushed to main"),
        ];

        IncidentLog.Write(file.Path, incidents);

        Assert.Equal(
            Header +
            """{"kind":"mistake","assembly":"Shop.Tests","test":"Shop.Tests.A.First","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-11-24T11:00:00Z","reason":"pushed to main"}""" + "\n" +
            """{"kind":"rejection","assembly":"Shop.Tests","test":"Shop.Tests.A.First","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","reason":"tests the mock"}""" + "\n" +
            """{"kind":"rejection","assembly":"Shop.Tests","test":"Shop.Tests.B.Second","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","reason":"asserts nothing"}""" + "\n" +
            """{"kind":"mistake","agent":"claude-code","by":"Dana Lee <dana@example.com>","at":"2026-11-24T13:00:00Z","reason":"deleted a \"flaky\" test instead of fixing it"}""" + "\n",
            File.ReadAllText(file.Path));
        var read = IncidentLog.Load(file.Path, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal([2, 3, 4, 5], read!.Select(i => i.Line));
        Assert.Equal(
            [incidents[3] with { At = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero) }, incidents[2], incidents[1], incidents[0]],
            read!.Select(i => i with { Line = 0 }));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_given()
    {
        Incident[] incidents =
        [
            new(IncidentKind.Mistake, null, null, null, "copilot", Reviewer, Noon, "b"),
            new(IncidentKind.Mistake, null, null, null, "copilot", Reviewer, Noon, "a"),
            new(IncidentKind.Rejection, "A", "A.T.M", Fingerprint, "copilot", Reviewer, Noon, "c"),
            new(IncidentKind.Mistake, "A", "A.T.M", null, "copilot", Reviewer, Noon, "d"),
        ];

        Assert.Equal(IncidentLog.Serialize(incidents), IncidentLog.Serialize(incidents.Reverse()));
    }

    [Fact]
    public void Blank_lines_and_comments_are_ignored_and_a_mistake_needs_no_test()
    {
        using var file = new TempFile("i.jsonl", "\n// mine\r\n  \n{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}\r\n");

        var incident = Assert.Single(IncidentLog.Load(file.Path, out var diagnostics)!);

        Assert.Empty(diagnostics);
        Assert.Equal(
            new Incident(IncidentKind.Mistake, null, null, null, "copilot", "D <d@example.com>", new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero), "r", 4),
            incident);
    }

    [Theory]
    [InlineData("{\"kind\":\"rejection\",", 2, 20, "Not valid JSON")]
    [InlineData("[1]", 2, 1, "Expected each line to be a JSON object.")]
    [InlineData("{\"kind\":\"oops\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 9, "'kind' must be \"rejection\", \"mistake\" or \"false-alarm\", not 'oops'.")]
    [InlineData("{\"kind\":\"Rejection\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 9, "'kind' must be \"rejection\", \"mistake\" or \"false-alarm\", not 'Rejection'.")]
    [InlineData("{\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'kind' is missing: \"rejection\", \"mistake\" or \"false-alarm\".")]
    [InlineData("{\"kind\":\"mistake\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'agent' is missing: the agent the incident is about.")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'by' is missing: who recorded it, as \"Name <email>\".")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"reason\":\"r\"}", 2, 1, "'at' is missing: when, in UTC, as 2026-01-31T09:30:00Z.")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\"}", 2, 1, "'reason' is missing: why, in a few words.")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\" \"}", 2, 99, "Expected 'reason' to be a non-empty string.")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31 09:30\",\"reason\":\"r\"}", 2, 67, "'at' must be a UTC time such as 2026-01-31T09:30:00Z, not '2026-01-31 09:30'.")]
    [InlineData("{\"kind\":\"mistake\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00+01:00\",\"reason\":\"r\"}", 2, 67, "'at' must be a UTC time such as 2026-01-31T09:30:00Z, not '2026-01-31T09:30:00+01:00'.")]
    [InlineData("{\"kind\":\"mistake\",\"fingerprint\":\"ABC\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 33, "'fingerprint' must be v2: and 32 lowercase hex digits, as the inventory writes it (or the 32 digits alone, from before fingerprint version 2).")]
    [InlineData("{\"kind\":\"rejection\",\"test\":\"A.T.M\",\"fingerprint\":\"00000000000000000000000000000000\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'assembly' is missing: a rejection names the test assembly.")]
    [InlineData("{\"kind\":\"rejection\",\"assembly\":\"A\",\"fingerprint\":\"00000000000000000000000000000000\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'test' is missing: a rejection names the rejected test's id.")]
    [InlineData("{\"kind\":\"rejection\",\"assembly\":\"A\",\"test\":\"A.T.M\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'fingerprint' is missing: a rejection names the fingerprint of the test as rejected.")]
    [InlineData("{\"kind\":\"false-alarm\",\"assembly\":\"A\",\"test\":\"A.T.M\",\"agent\":\"copilot\",\"by\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'fingerprint' is missing: a false alarm names the fingerprint of the test as it failed.")]
    public void Problems_are_reported_at_their_line_and_column(string line, int expectedLine, int column, string message)
    {
        using var file = new TempFile("i.jsonl", "// header\n" + line + "\n" + Valid + "\n");

        Assert.Null(IncidentLog.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0017", file.Path, expectedLine, column), (error.Code, error.File, error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_at_its_position()
    {
        using var file = new TempFile("i.jsonl", Valid[..^1] + ",\"severity\":\"high\"}\n");

        var incidents = IncidentLog.Load(file.Path, out var diagnostics);

        Assert.Single(incidents!);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("AGT0008", 1, 184), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public void The_same_incident_twice_is_kept_twice()
    {
        using var file = new TempFile("i.jsonl", Valid + "\n" + Valid + "\n");

        Assert.Equal(2, IncidentLog.Load(file.Path, out var diagnostics)!.Count);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_test_is_rejected_only_as_it_was_when_rejected()
    {
        var changed = new string('b', 32);
        Incident[] incidents =
        [
            new(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.T.M", Fingerprint, "copilot", Reviewer, Noon, "first"),
            new(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.T.M", Fingerprint, "copilot", Reviewer, Noon.AddDays(1), "again"),
            new(IncidentKind.Mistake, "Shop.Tests", "Shop.Tests.T.Other", Fingerprint, "copilot", Reviewer, Noon, "not a rejection"),
            new(IncidentKind.Rejection, "Other.Tests", "Shop.Tests.T.M", changed, "copilot", Reviewer, Noon, "other assembly"),
        ];

        Assert.Equal("again", IncidentLog.CurrentRejection(incidents, "Shop.Tests", "Shop.Tests.T.M", Fingerprint)?.Reason);
        Assert.Null(IncidentLog.CurrentRejection(incidents, "Shop.Tests", "Shop.Tests.T.M", changed));
        Assert.Null(IncidentLog.CurrentRejection(incidents, "Shop.Tests", "Shop.Tests.T.Other", Fingerprint));
        Assert.Null(IncidentLog.CurrentRejection(incidents, "shop.tests", "Shop.Tests.T.M", Fingerprint));
        Assert.Null(IncidentLog.CurrentRejection([], "Shop.Tests", "Shop.Tests.T.M", Fingerprint));
    }

    [Fact]
    public void An_update_appends_and_creates_a_missing_log()
    {
        using var folder = new TempFile("unused", "");
        var path = Path.Combine(Path.GetDirectoryName(folder.Path)!, "agenttestguard.incidents.jsonl");
        var first = new Incident(IncidentKind.Mistake, null, null, null, "copilot", Reviewer, Noon, "one");
        var second = new Incident(IncidentKind.Rejection, "A", "A.T.M", Fingerprint, "copilot", Reviewer, Noon.AddMinutes(1), "two");

        Assert.True(IncidentLog.Update(path, current => [.. current, first], out var created));
        var before = File.ReadAllText(path);
        Assert.True(IncidentLog.Update(path, current => [.. current, second], out var appended));

        Assert.Empty(created);
        Assert.Empty(appended);
        Assert.StartsWith(before, File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal([first, second], IncidentLog.Load(path, out _)!.Select(i => i with { Line = 0 }));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void An_update_of_a_malformed_log_writes_nothing()
    {
        var content = Valid + "\n{\"kind\":\"oops\"}\n";
        using var file = new TempFile("agenttestguard.incidents.jsonl", content);

        var changeRan = false;

        var written = IncidentLog.Update(
            file.Path,
            current =>
            {
                changeRan = true;
                return [];
            },
            out var diagnostics);

        Assert.False(written);
        Assert.False(changeRan, "the change was run on a log that could not be read");
        Assert.All(diagnostics, d => Assert.Equal(("AGT0017", 2), (d.Code, d.Line)));
        Assert.NotEmpty(diagnostics);
        Assert.Equal(content, File.ReadAllText(file.Path));
    }

    [Fact]
    public async Task Two_commands_recording_at_once_keep_all_their_lines()
    {
        using var file = new TempFile("agenttestguard.incidents.jsonl", Header);
        var token = TestContext.Current.CancellationToken;

        void Record20(string agent)
        {
            for (var i = 0; i < 20; i++)
            {
                var incident = new Incident(IncidentKind.Mistake, null, null, null, agent, Reviewer, Noon.AddMinutes(i), $"{agent} {i}");
                Assert.True(IncidentLog.Update(file.Path, current => [.. current, incident], out _, TimeSpan.FromSeconds(60)));
            }
        }

        await Task.WhenAll(
            Task.Factory.StartNew(() => Record20("copilot"), token, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(() => Record20("claude-code"), token, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        var incidents = IncidentLog.Load(file.Path, out var diagnostics)!;
        Assert.Empty(diagnostics);
        Assert.Equal(40, incidents.Count);
        Assert.Equal(20, incidents.Count(i => i.Agent == "copilot"));
    }
}
