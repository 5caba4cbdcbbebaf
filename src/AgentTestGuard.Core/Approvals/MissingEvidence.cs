using AgentTestGuard.Configuration;
using AgentTestGuard.Json;

namespace AgentTestGuard.Approvals;

/// <summary>
/// What an approval may be given despite (`dotnet agt approve --despite`), as the ledger's
/// <c>overrode</c> names it: the evidence a test lacked when a human approved it anyway.
/// </summary>
internal static class MissingEvidence
{
    /// <summary>No run at the test's current fingerprint passed.</summary>
    public const string NoPassingRun = "noPassingRun";

    /// <summary>At its current fingerprint the test both passed and failed (in one run's attempts, or across runs).</summary>
    public const string Flaky = "flaky";

    /// <summary>The build found that the test cannot fail (AGT0020).</summary>
    public const string CannotFail = "cannotFail";

    /// <summary>Every name, in the order a ledger line lists them.</summary>
    public static readonly IReadOnlyList<string> All = [NoPassingRun, Flaky, CannotFail];

    /// <summary>The names in their fixed order, each once.</summary>
    public static IReadOnlyList<string> InOrder(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(set.Contains)];
    }

    /// <summary>
    /// Reads <c>despite</c> and <c>overrode</c> of a ledger line: both or neither, a reason that is
    /// not empty, and a list of known names, each once. Errors go to <paramref name="reader"/> with their position.
    /// </summary>
    /// <returns>false when either is malformed.</returns>
    public static bool TryRead(ConfigurationFileReader reader, JsonObjectNode entry, out string? despite, out IReadOnlyList<string>? overrode)
    {
        overrode = null;
        var despiteProperty = ConfigurationFileReader.Find(entry, "despite");
        var overrodeProperty = ConfigurationFileReader.Find(entry, "overrode");
        despite = despiteProperty is null ? null : reader.AsNonEmptyString(despiteProperty.Value, "'despite'");
        if (despiteProperty is not null && despite is null)
        {
            return false;
        }

        if (overrodeProperty is null)
        {
            if (despiteProperty is null)
            {
                return true;
            }

            reader.Error(despiteProperty.Line, despiteProperty.Column, $"'despite' needs 'overrode': the evidence the approval was given without ({string.Join(", ", All)}).");
            return false;
        }

        if (reader.AsArray(overrodeProperty.Value, "'overrode'") is not { } array)
        {
            return false;
        }

        var names = new List<string>();
        foreach (var item in array.Items)
        {
            if (item is not JsonStringNode { Value: var name } || !All.Contains(name, StringComparer.Ordinal))
            {
                reader.Error(item, $"'overrode' lists {Describe(item)}; expected some of: {string.Join(", ", All)}.");
                return false;
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                reader.Error(item, $"'overrode' lists '{name}' twice.");
                return false;
            }

            names.Add(name);
        }

        if (names.Count == 0)
        {
            reader.Error(overrodeProperty.Value, "'overrode' is empty: leave 'despite' and 'overrode' out of an approval that overrode nothing.");
            return false;
        }

        if (despiteProperty is null)
        {
            reader.Error(overrodeProperty.Line, overrodeProperty.Column, "'overrode' needs 'despite': the reason the approval was given without that evidence.");
            return false;
        }

        overrode = names;
        return true;
    }

    private static string Describe(JsonNode item) => item switch
    {
        JsonStringNode text => $"'{Inert.Quote(text.Value)}'",
        JsonLiteralNode literal => literal.Text,
        _ => "a value that is not a string",
    };
}
