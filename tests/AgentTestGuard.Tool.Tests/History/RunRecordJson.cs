namespace AgentTestGuard.Tool.Tests.History;

/// <summary>A run record of Shop.Tests in CI with agent tests of copilot linked to CART-1, as the extension writes one.</summary>
internal static class RunRecordJson
{
    public static string Write(string runId, DateTimeOffset at, string revision, params (string Name, string Outcome, char Fingerprint, int Attempts)[] tests)
    {
        var lines = tests.Select(t =>
            $$"""{"id":"Shop.Tests.CartTests.{{t.Name}}","outcome":"{{t.Outcome}}","attempts":{{t.Attempts}},"classification":"quarantined","approval":"unapproved","agent":"copilot","fingerprint":"{{new string(t.Fingerprint, 32)}}","criteria":["CART-1"]}""");
        return $$"""
            {
              "schemaVersion": 1,
              "generator": "AgentTestGuard 0.1.0",
              "runId": "{{runId.PadLeft(32, '0')}}",
              "assembly": "Shop.Tests",
              "environment": "ci",
              "environmentAllowsUnreviewedTests": true,
              "enforce": false,
              "machine": "build-01",
              "codeRevision": { "id": "{{revision}}", "source": "GITHUB_SHA" },
              "startedAt": "{{at:yyyy-MM-dd'T'HH:mm:ss}}+00:00",
              "finishedAt": "{{at:yyyy-MM-dd'T'HH:mm:ss}}+00:00",
              "verdict": { "gatingFailures": 0, "quarantinedFailures": 0, "quarantinedFailuresIgnored": false, "enforceFailed": false, "cancelled": false },
              "tests": [
                {{string.Join(",\n    ", lines)}}
              ]
            }
            """;
    }
}
