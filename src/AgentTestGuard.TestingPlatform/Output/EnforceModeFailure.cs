namespace AgentTestGuard.TestingPlatform.Output;

/// <summary>
/// The failure of enforce mode's own result, carrying its listing. Never thrown: it has no stack
/// trace, so reporters show the message alone.
/// </summary>
internal sealed class EnforceModeFailure : Exception
{
    public EnforceModeFailure()
    {
    }

    public EnforceModeFailure(string message)
        : base(message)
    {
    }

    public EnforceModeFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
