namespace AgentTestGuard.Assertions;

/// <summary>Why a test cannot fail, as the inventory names it (docs/files.md).</summary>
internal enum CannotFailReason
{
    /// <summary>Its code calls no assertion and it expects no exception.</summary>
    NoAssertion,

    /// <summary>An assertion it makes is given the same value on both sides, or a constant that passes.</summary>
    TrivialAssertion,
}

/// <summary>The AGT0020 finding about one agent test, kept in its inventory entry.</summary>
/// <param name="Detail">What was found, in words (an assertion's name, never the test's code).</param>
internal sealed record CannotFail(CannotFailReason Reason, string Detail)
{
    public string ReasonName => Name(Reason);

    public static string Name(CannotFailReason reason) => reason == CannotFailReason.NoAssertion ? "no-assertion" : "trivial-assertion";

    public static CannotFailReason? Parse(string name) => name switch
    {
        "no-assertion" => CannotFailReason.NoAssertion,
        "trivial-assertion" => CannotFailReason.TrivialAssertion,
        _ => null,
    };
}
