using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.ReportBenchmark;

/// <summary>
/// Writes a repository whose agent tests are those of HistoryBenchmark's run records (same ids,
/// agents, criteria and fingerprints): a test project that evaluates as one using AgentTestGuard (the
/// properties the package's props would set, so no restore or build is needed) with a current
/// inventory, and the review files. A third of the tests are approved, one in fifty of those stale
/// (approved at an older fingerprint), one in a hundred of the rest rejected.
/// </summary>
internal static class RepositoryGenerator
{
    private static readonly string[] Agents = ["copilot", "claude-code", "cursor", "devin"];

    public static void Write(string root, int tests)
    {
        var project = Path.Combine(root, "tests", "Bench.Tests");
        var obj = Path.Combine(project, "obj", "Debug", "net10.0");
        Directory.CreateDirectory(obj);
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var at = DateTimeOffset.UtcNow.AddDays(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(root, "agenttestguard.policy.json"),
            """{ "owner": "Dana Lee <dana.lee@example.com>", "agents": ["copilot", "claude-code", "cursor", "devin"] }""");
        File.WriteAllText(Path.Combine(root, "agenttestguard.criteria.json"),
            "{ \"criteria\": [\n" + string.Join(",\n", Enumerable.Range(0, 50).Select(c => $"  {{ \"id\": \"CART-{c}\", \"text\": \"Criterion {c} of the cart\", \"link\": \"https://tracker.example.com/browse/CART-{c}\" }}")) + "\n] }\n");
        var approvals = new StringBuilder("// AgentTestGuard approvals\n");
        var incidents = new StringBuilder("// AgentTestGuard incidents\n");
        var inventory = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"generator\": \"AgentTestGuard 0.1.0\",\n  \"assembly\": \"Bench.Tests\",\n  \"tests\": [");
        for (var test = 0; test < tests; test++)
        {
            var id = $"Bench.Tests.Class{test / 100}.Test_{test}";
            var fingerprint = Hex($"test {test} v{(test % 200 == 6 ? 1 : 0)}");
            var agent = Agents[test % Agents.Length];
            var (state, approved) = (test % 3, test % 150) switch
            {
                (0, 0) => ("stale", Hex($"test {test} older")),
                (0, _) => ("approved", fingerprint),
                (_, 1) => ("rejected", null),
                _ => ("unapproved", null),
            };
            if (approved is not null)
            {
                approvals.Append(CultureInfo.InvariantCulture, $"{{\"assembly\":\"Bench.Tests\",\"test\":\"{id}\",\"fingerprint\":\"{approved}\",\"approver\":\"Dana Lee <dana.lee@example.com>\",\"at\":\"{at}\",\"note\":\"reviewed\"}}\n");
            }

            if (state == "rejected")
            {
                incidents.Append(CultureInfo.InvariantCulture, $"{{\"kind\":\"rejection\",\"assembly\":\"Bench.Tests\",\"test\":\"{id}\",\"fingerprint\":\"{fingerprint}\",\"agent\":\"{agent}\",\"by\":\"Dana Lee <dana.lee@example.com>\",\"at\":\"{at}\",\"reason\":\"asserts the mock\"}}\n");
            }

            var approval = state == "unapproved" ? "" : state == "rejected"
                ? $",\"approval\":{{\"state\":\"rejected\",\"rejectedBy\":\"Dana Lee <dana.lee@example.com>\",\"rejectedAt\":\"{at}\",\"rejectionReason\":\"asserts the mock\"}}"
                : $",\"approval\":{{\"state\":\"{state}\",\"approver\":\"Dana Lee <dana.lee@example.com>\",\"at\":\"{at}\",\"approvedFingerprint\":\"{approved}\"}}";
            inventory.Append(test == 0 ? "\n    " : ",\n    ")
                .Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{id}\",\"typeName\":\"Bench.Tests.Class{test / 100}\",\"methodName\":\"Test_{test}\",\"agent\":\"{agent}\",\"evidence\":{{\"model\":\"model-{test % 3}\"}},")
                .Append(CultureInfo.InvariantCulture, $"\"criteria\":[\"CART-{test % 50}\"],\"fingerprint\":\"{fingerprint}\",\"source\":{{\"file\":\"{Path.Combine(project, $"Class{test / 100}.cs").Replace("\\", "\\\\")}\",\"line\":{10 + (test % 100) * 6}}}{approval}}}");
        }

        inventory.Append("\n  ],\n  \"owner\": \"Dana Lee <dana.lee@example.com>\"\n}\n");
        File.WriteAllText(Path.Combine(root, "agenttestguard.approvals.jsonl"), approvals.ToString());
        File.WriteAllText(Path.Combine(root, "agenttestguard.incidents.jsonl"), incidents.ToString());
        // What the package's props give a project; with them set here, evaluation needs no restore.
        File.WriteAllText(Path.Combine(project, "Bench.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestingPlatformApplication>true</IsTestingPlatformApplication>
                <_AgentTestGuardTasksAssembly>unused-by-the-report</_AgentTestGuardTasksAssembly>
                <_AgentTestGuardRunsOnPlatform>true</_AgentTestGuardRunsOnPlatform>
                <AgentTestGuardPolicyFile>{root}/agenttestguard.policy.json</AgentTestGuardPolicyFile>
                <AgentTestGuardCriteriaFile>{root}/agenttestguard.criteria.json</AgentTestGuardCriteriaFile>
                <AgentTestGuardApprovalsFile>{root}/agenttestguard.approvals.jsonl</AgentTestGuardApprovalsFile>
                <AgentTestGuardIncidentsFile>{root}/agenttestguard.incidents.jsonl</AgentTestGuardIncidentsFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        // Written last: the tool takes an inventory older than its inputs for out of date, and would build.
        File.WriteAllText(Path.Combine(obj, "Bench.Tests.agenttests.json"), inventory.ToString());
        Console.WriteLine($"a repository of {tests} agent tests in {root}");
    }

    // As HistoryBenchmark's RecordGenerator, so the inventory's fingerprints are the records'.
    private static string Hex(string seed) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16).ToLowerInvariant();
}
