using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Incidents;
using Xunit;

namespace AgentTestGuard.Core.Tests.Incidents;

public sealed class IncidentLogFalseAlarmTests
{
    [Fact]
    public void A_false_alarm_is_written_and_read_back()
    {
        using var file = new TempFile("agenttestguard.incidents.jsonl", "");
        var alarm = new Incident(
            IncidentKind.FalseAlarm, "Shop.Tests", "Shop.Tests.A.B", new string('b', 32), "copilot", "dotnet agt history import",
            new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), "failed at 0a1b2c3; passed at 4d5e6f7 after the test was edited");

        IncidentLog.Write(file.Path, [alarm]);

        Assert.EndsWith(
            """{"kind":"false-alarm","assembly":"Shop.Tests","test":"Shop.Tests.A.B","fingerprint":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","agent":"copilot","by":"dotnet agt history import","at":"2026-11-24T12:00:00Z","reason":"failed at 0a1b2c3; passed at 4d5e6f7 after the test was edited"}""" + "\n",
            File.ReadAllText(file.Path),
            StringComparison.Ordinal);
        Assert.Equal([alarm with { Line = 2 }], IncidentLog.Load(file.Path, out var diagnostics));
        Assert.Empty(diagnostics);
    }
}
