using System.Diagnostics;

namespace AgentTestGuard.Tests.Shared;

/// <summary>
/// A fresh passphrase-less SSH key for signing commits (git's gpg.format=ssh), with an allowed
/// signers file that vouches for it, in a temp folder outside any repository. Needs ssh-keygen;
/// <see cref="Unavailable"/> says why not. Shared by the test projects (linked, not copied).
/// </summary>
internal sealed class SshSigningKey : IDisposable
{
    private readonly string _directory;

    private SshSigningKey(string directory)
    {
        _directory = directory;
        PrivateKey = Path.Combine(directory, "key");
        AllowedSigners = Path.Combine(directory, "allowed_signers");
    }

    /// <summary>Why no key can be made on this machine; null when ssh-keygen works.</summary>
    public static string? Unavailable { get; } = Probe();

    public string PrivateKey { get; }

    /// <summary>An allowed signers file listing this key, for gpg.ssh.allowedSignersFile.</summary>
    public string AllowedSigners { get; }

    public static SshSigningKey Create(string principal = "dana@example.com")
    {
        var key = new SshSigningKey(Directory.CreateTempSubdirectory("agt-ssh-").FullName);
        if (KeyGen("-q", "-t", "ed25519", "-N", "", "-C", principal, "-f", key.PrivateKey) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        File.WriteAllText(key.AllowedSigners, $"{principal} {File.ReadAllText(key.PrivateKey + ".pub").Trim()}\n");
        return key;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string? Probe()
    {
        var directory = Directory.CreateTempSubdirectory("agt-ssh-probe-").FullName;
        try
        {
            return KeyGen("-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(directory, "key")) is { } problem
                ? $"ssh-keygen cannot make a key here: {problem}"
                : null;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <returns>null when ssh-keygen succeeded, else why not.</returns>
    private static string? KeyGen(params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var keygen = Process.Start(start)!;
            keygen.StandardInput.Close();
            var error = keygen.StandardError.ReadToEndAsync();
            keygen.StandardOutput.ReadToEnd();
            keygen.WaitForExit();
            return keygen.ExitCode == 0 ? null : error.Result.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"ssh-keygen is not installed ({e.Message})";
        }
    }
}
