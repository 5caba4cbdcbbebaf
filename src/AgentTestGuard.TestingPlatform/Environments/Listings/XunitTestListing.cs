namespace AgentTestGuard.TestingPlatform.Environments.Listings;

/// <summary>
/// xunit v3's own listing, <c>-automated -list full/json</c>: <c>[ { "ID", "Class", "Method" } ]</c>,
/// the class by its full name. Its generated entry point starts the platform only under
/// <c>dotnet test</c> (<c>--server</c>) or with UseMicrosoftTestingPlatformRunner, and otherwise
/// xunit's console runner, which refuses the platform's options; this listing works either way
/// ("-automated" sends even a platform-runner app to xunit's runner) and its test case ids are the
/// platform's node uids.
/// </summary>
internal sealed class XunitTestListing : ITestListing
{
    public static XunitTestListing Instance { get; } = new();

    public IReadOnlyList<string> Arguments { get; } = ["-automated", "-list", "full/json"];

    public (IReadOnlyList<ListedTest>? Tests, string? Problem) Parse(string output) =>
        ListingJson.Read(output, '[', root => root, test => new ListedTest(
            ListingJson.Text(test, "ID"), ListingJson.Text(test, "Class") + "." + ListingJson.Text(test, "Method")));
}
