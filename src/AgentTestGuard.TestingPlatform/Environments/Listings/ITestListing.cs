namespace AgentTestGuard.TestingPlatform.Environments.Listings;

/// <summary>
/// How one framework's test app lists its tests when started again: the only part of the
/// discovery child that differs per framework (see docs/run-time.md, "Environments").
/// </summary>
internal interface ITestListing
{
    /// <summary>What the test app is started with to print its tests instead of running them.</summary>
    IReadOnlyList<string> Arguments { get; }

    /// <summary>Every test the app printed, or null with the reason it could not be read.</summary>
    (IReadOnlyList<ListedTest>? Tests, string? Problem) Parse(string output);
}

/// <summary>A test as listed: the framework's node uid, which the platform's filter takes, and the test's id.</summary>
/// <param name="TestId">The class's full name (nested classes joined by <c>+</c>) and the method: what the inventory classifies.</param>
internal sealed record ListedTest(string Uid, string TestId);
