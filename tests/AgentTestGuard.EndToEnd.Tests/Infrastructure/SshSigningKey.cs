using System.Diagnostics;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh passphrase-less SSH key for signing commits (gpg.format=ssh), with an allowed signers
/// file that vouches for it, in a temp folder outside the repository. Needs ssh-keygen.
/// </summary>
internal sealed class SshSigningKey : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-e2e-ssh-").FullName;

    private SshSigningKey() { }

    public string PrivateKey => Path.Combine(_directory, "key");

    /// <summary>For gpg.ssh.allowedSignersFile: the key, for any principal.</summary>
    public string AllowedSigners => Path.Combine(_directory, "allowed_signers");

    /// <returns>The key, or null with why ssh-keygen cannot make one here.</returns>
    public static (SshSigningKey? Key, string? Problem) TryCreate()
    {
        var key = new SshSigningKey();
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-q", "-t", "ed25519", "-N", "", "-C", "dana@example.com", "-f", key.PrivateKey })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var keygen = Process.Start(start)!;
            var error = keygen.StandardError.ReadToEndAsync();
            keygen.StandardOutput.ReadToEnd();
            keygen.WaitForExit();
            if (keygen.ExitCode != 0)
            {
                key.Dispose();
                return (null, $"ssh-keygen failed: {error.Result.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            key.Dispose();
            return (null, $"ssh-keygen is not installed ({e.Message})");
        }

        File.WriteAllText(key.AllowedSigners, $"dana@example.com {File.ReadAllText(key.PrivateKey + ".pub").Trim()}\n");
        return (key, null);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
