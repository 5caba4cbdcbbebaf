using AgentTestGuard.TestingPlatform.Classification;

namespace AgentTestGuard.TestingPlatform.Environments.Listings;

/// <summary>
/// The platform's own listing, <c>--list-tests json</c>, as MSTest, NUnit (its adapter's platform
/// runner) and TUnit print it: <c>{ "tests": [ { "uid", "displayName", "type": { "namespace",
/// "typeName", "methodName" } } ] }</c>. The test id comes from "type" (the framework's
/// method identity); a test without one is known by its display name.
/// </summary>
internal sealed class PlatformTestListing : ITestListing
{
    public static PlatformTestListing Instance { get; } = new();

    public IReadOnlyList<string> Arguments { get; } = ["--list-tests", "json"];

    public (IReadOnlyList<ListedTest>? Tests, string? Problem) Parse(string output) =>
        ListingJson.Read(output, '{', root => root.GetProperty("tests"), test => new ListedTest(
            ListingJson.Text(test, "uid"),
            test.TryGetProperty("type", out var type)
                ? TestClassifier.TestId(type.GetProperty("namespace").GetString(), ListingJson.Text(type, "typeName"), ListingJson.Text(type, "methodName"))
                : ListingJson.Text(test, "displayName")));
}
