namespace AgentTestGuard.Tool.Git;

/// <summary>
/// What git's verdict on a commit's signature (the %G? letter) means for an approval. Only G
/// counts as signed: a good signature by a key the checking machine trusts (for SSH, one listed
/// in gpg.ssh.allowedSignersFile; for GPG, a trusted key in the keyring).
/// </summary>
/// <remarks>
/// U (a valid signature by a key nobody vouches for) does not count: for SSH git says U for any
/// key at all, so an agent could sign with a key it made itself; for GPG it is a key that was
/// imported, or fetched from a key server, without being trusted.
/// </remarks>
internal static class SignatureStatus
{
    private const string CannotCheck =
        "signed, but the signature cannot be checked on this machine (the signer's public key is missing; for SSH signatures set gpg.ssh.allowedSignersFile)";

    /// <param name="letter">git's %G? letter.</param>
    /// <param name="carriesSignature">Whether the commit has a signature, which git reports as N when it cannot check an SSH one.</param>
    /// <returns>null when the commit counts as signed, else why not.</returns>
    public static string? WhyNotSigned(char? letter, bool carriesSignature) => letter switch
    {
        'G' => null,
        'U' => "signed by a key this machine does not trust (SSH: not listed in gpg.ssh.allowedSignersFile; GPG: not trusted in the keyring)",
        'E' => CannotCheck,
        'N' when carriesSignature => CannotCheck,
        'N' => "not signed",
        'B' => "its signature is bad: the commit is not what was signed",
        'X' => "its signature has expired",
        'Y' => "signed by a key that has expired",
        'R' => "signed by a revoked key",
        null => "its signature status is unknown",
        _ => $"git reports signature status '{letter}'",
    };
}
