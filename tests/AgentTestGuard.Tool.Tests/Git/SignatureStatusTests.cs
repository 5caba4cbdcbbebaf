using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Git;

public sealed class SignatureStatusTests
{
    private const string CannotCheck =
        "signed, but the signature cannot be checked on this machine (the signer's public key is missing; for SSH signatures set gpg.ssh.allowedSignersFile)";

    [Fact]
    public void Only_a_good_signature_by_a_trusted_key_counts()
    {
        Assert.Null(SignatureStatus.WhyNotSigned('G', carriesSignature: true));
    }

    [Theory]
    [InlineData('U', true, "signed by a key this machine does not trust (SSH: not listed in gpg.ssh.allowedSignersFile; GPG: not trusted in the keyring)")]
    [InlineData('E', true, CannotCheck)]
    [InlineData('N', true, CannotCheck)]
    [InlineData('N', false, "not signed")]
    [InlineData('B', true, "its signature is bad: the commit is not what was signed")]
    [InlineData('X', true, "its signature has expired")]
    [InlineData('Y', true, "signed by a key that has expired")]
    [InlineData('R', true, "signed by a revoked key")]
    [InlineData('Q', true, "git reports signature status 'Q'")]
    public void Every_other_verdict_is_offending_with_its_reason(char letter, bool carriesSignature, string why)
    {
        Assert.Equal(why, SignatureStatus.WhyNotSigned(letter, carriesSignature));
    }

    [Fact]
    public void No_verdict_at_all_is_offending()
    {
        Assert.Equal("its signature status is unknown", SignatureStatus.WhyNotSigned(null, carriesSignature: false));
    }
}
