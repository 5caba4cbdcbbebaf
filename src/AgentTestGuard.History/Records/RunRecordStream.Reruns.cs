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

            string? outcome = null;
            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isOutcome = reader.ValueTextEquals("outcome"u8);
                reader.Read();
                if (isOutcome && found)
                {
                    return null;
                }

                found |= isOutcome;
                if (isOutcome)
                {
                    outcome = StringOrNull(ref reader);
                }
                else
                {
                    reader.Skip();
                }
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
