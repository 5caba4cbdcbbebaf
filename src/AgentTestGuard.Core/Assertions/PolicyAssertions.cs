using AgentTestGuard.Configuration;
using AgentTestGuard.Json;

namespace AgentTestGuard.Assertions;

/// <summary>
/// The policy's <c>assertions</c>: the repository's own assertion methods, which AGT0020 then counts as
/// assertions like the frameworks' (<c>"assertions": ["Shop.Testing.Expect", "Shop.Testing.Http::Ensure*"]</c>).
/// </summary>
internal static class PolicyAssertions
{
    public static List<AssertionPattern> Read(ConfigurationFileReader reader, JsonObjectNode root)
    {
        var patterns = new List<AssertionPattern>();
        if (ConfigurationFileReader.Find(root, "assertions") is not { } property)
        {
            return patterns;
        }

        foreach (var item in reader.AsArray(property.Value, "'assertions'")?.Items ?? [])
        {
            if (reader.AsNonEmptyString(item, "each assertion pattern") is not { } text)
            {
                continue;
            }

            if (AssertionPattern.TryParse(text, out var error) is { } pattern)
            {
                patterns.Add(pattern);
            }
            else
            {
                reader.Error(item, error!);
            }
        }

        return patterns;
    }
}
