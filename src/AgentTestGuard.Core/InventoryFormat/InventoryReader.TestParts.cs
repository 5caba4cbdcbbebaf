using System.Globalization;
using System.Text.Json;
using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.InventoryFormat;

/// <summary>The objects inside a test: its evidence, source location and approval.</summary>
internal sealed partial class InventoryReader
{
    private AgentEvidence Evidence(ref Utf8JsonReader reader)
    {
        StartObject(ref reader, "evidence");
        string? model = null, session = null, prompt = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = OptionalString(ref reader, "model");
            }
            else if (reader.ValueTextEquals("session"u8))
            {
                session = OptionalString(ref reader, "session");
            }
            else if (reader.ValueTextEquals("prompt"u8))
            {
                prompt = OptionalString(ref reader, "prompt");
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return model is null && session is null && prompt is null ? AgentEvidence.None : new AgentEvidence(model, session, prompt);
    }

    private SourceLocation Source(ref Utf8JsonReader reader)
    {
        var start = StartObject(ref reader, "source");
        string? file = null;
        int? line = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("file"u8))
            {
                file = RequiredString(ref reader, "file", ref _file);
            }
            else if (reader.ValueTextEquals("line"u8))
            {
                reader.Read();
                line = WholeNumber(reader) ?? throw Invalid(reader, "line must be a whole number");
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new SourceLocation(file ?? throw Missing(start, "file"), line ?? throw Missing(start, "line"));
    }

    private TestApproval Approval(ref Utf8JsonReader reader, string? fingerprint)
    {
        var start = StartObject(ref reader, "approval");
        ApprovalState? state = null;
        string? approver = null, approvedFingerprint = null, rejectedBy = null, rejectionReason = null;
        DateTimeOffset? at = null, rejectedAt = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                state = ReadState(ref reader);
            }
            else if (reader.ValueTextEquals("approver"u8))
            {
                approver = OptionalString(ref reader, "approver", ref _approver);
            }
            else if (reader.ValueTextEquals("at"u8))
            {
                at = OptionalTime(ref reader, "at");
            }
            else if (reader.ValueTextEquals("rejectedBy"u8))
            {
                rejectedBy = OptionalString(ref reader, "rejectedBy");
            }
            else if (reader.ValueTextEquals("rejectedAt"u8))
            {
                rejectedAt = OptionalTime(ref reader, "rejectedAt");
            }
            else if (reader.ValueTextEquals("rejectionReason"u8))
            {
                rejectionReason = OptionalString(ref reader, "rejectionReason");
            }
            else if (reader.ValueTextEquals("approvedFingerprint"u8))
            {
                // Mostly the test's own fingerprint: an approval that is not stale.
                var current = fingerprint;
                approvedFingerprint = OptionalString(ref reader, "approvedFingerprint", ref current);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new TestApproval(state ?? throw Missing(start, "state"), approver, at, approvedFingerprint)
        {
            Rejection = state == ApprovalState.Rejected
                ? new TestRejection(rejectedBy ?? throw Missing(start, "rejectedBy"), rejectedAt ?? throw Missing(start, "rejectedAt"), rejectionReason ?? throw Missing(start, "rejectionReason"))
                : null,
        };
    }

    /// <summary>Why the test cannot fail (AGT0020); inventories written before it have no such object.</summary>
    private CannotFail ReadCannotFail(ref Utf8JsonReader reader)
    {
        var start = StartObject(ref reader, "cannotFail");
        CannotFailReason? reason = null;
        string? detail = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("reason"u8))
            {
                reader.Read();
                reason = CannotFail.Parse(String(ref reader, "reason")) ?? throw Invalid(reader, "reason must be no-assertion or trivial-assertion");
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                detail = RequiredString(ref reader, "detail");
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new CannotFail(reason ?? throw Missing(start, "reason"), detail ?? throw Missing(start, "detail"));
    }

    private DateTimeOffset? OptionalTime(ref Utf8JsonReader reader, string what)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(String(ref reader, what), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw Invalid(reader, $"{what} must be a date and time");
    }

    private ApprovalState ReadState(ref Utf8JsonReader reader) =>
        ApprovalStates.TryParse(String(ref reader, "state"), out var state)
            ? state
            : throw Invalid(reader, "state must be approved, stale, rejected or unapproved");
}
