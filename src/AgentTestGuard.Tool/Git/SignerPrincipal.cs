namespace AgentTestGuard.Tool.Git;

/// <summary>
/// Ties a good signature to the commit's author. git vouches for a key (%G? is G), not for whom
/// it belongs to; the principal it names (%GS) must be the author's address: for SSH the allowed
/// signers file's principal ("dana@example.com"), for GPG the key's user id ("Dana Lee
/// &lt;dana@example.com&gt;"). A merge bot's key, or any other trusted approver's, does not make an
/// agent's commit under a human's name count.
/// </summary>
internal static class SignerPrincipal
{
    /// <returns>null when the signer is the author, else why not.</returns>
    public static string? WhyNotAuthor(string signer, string author)
    {
        var email = EmailOf(author);
        var signerEmail = EmailOf(signer);
        if (email.Length > 0 && signerEmail.Equals(email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return signer.Length == 0
            ? $"git names no principal for the signing key, so it cannot be tied to the author <{Cli.Output.Inert(email)}> (list the key in gpg.ssh.allowedSignersFile under the author's address)"
            : $"signed by '{Cli.Output.Inert(signer)}', not by the author <{Cli.Output.Inert(email)}>";
    }

    /// <summary>The address between the last &lt; and the &gt; after it; the whole text, trimmed, without brackets.</summary>
    internal static string EmailOf(string identity)
    {
        var open = identity.LastIndexOf('<');
        var close = open < 0 ? -1 : identity.IndexOf('>', open);
        return (close > open ? identity[(open + 1)..close] : identity).Trim();
    }
}
