using System.Text.Json;

namespace AgentTestGuard.History.Records;

/// <summary>A test's <c>reruns</c> on the fast path: only each attempt's outcome matters to the history.</summary>
internal static partial class RunRecordStream
{
    /// <returns>What the reruns' outcomes included; null for anything the document path must judge.</returns>
    private static AttemptOutcomes? Reruns(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var listed = AttemptOutcomes.Listed;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            if (!OneString(ref reader, "outcome"u8, out var outcome))
            {
                return null;
            }

            if (Outcomes.Parse(outcome) is not { } parsed)
            {
                return null;
            }

            listed = listed.With(parsed);
        }

        return listed;
    }
}
