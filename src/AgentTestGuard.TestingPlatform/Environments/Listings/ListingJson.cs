using System.Text.Json;

namespace AgentTestGuard.TestingPlatform.Environments.Listings;

/// <summary>Reads a JSON listing out of everything a test app printed.</summary>
internal static class ListingJson
{
    /// <param name="opening">The listing's first character: what the app printed before it (a banner) is skipped.</param>
    /// <param name="tests">The array of tests in the listing.</param>
    /// <param name="test">One entry of that array.</param>
    public static (IReadOnlyList<ListedTest>? Tests, string? Problem) Read(
        string output, char opening, Func<JsonElement, JsonElement> tests, Func<JsonElement, ListedTest> test)
    {
        var start = output.IndexOf(opening, StringComparison.Ordinal);
        if (start < 0)
        {
            return (null, "the test listing was empty");
        }

        try
        {
            using var document = JsonDocument.Parse(output.AsMemory(start));
            return ([.. tests(document.RootElement).EnumerateArray().Select(test)], null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the test listing could not be read: {e.Message}");
        }
    }

    /// <summary>A string property the listing must have.</summary>
    public static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"\"{name}\" is null");
}
