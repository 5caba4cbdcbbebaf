using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: Debian's <c>postgresql</c> package's
/// <c>initdb</c> into a temporary folder and <c>pg_ctl</c> on a free port of 127.0.0.1, run as the
/// unprivileged user <c>nobody</c> when the tests run as root (PostgreSQL refuses root). Stopped,
/// and its folder removed, when the tests end. Each test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "agt";
    private readonly string _folder;
    private readonly string _data;
    private readonly string _binaries;
    private readonly bool _asNobody;

    public PostgresServer()
    {
        _binaries = FindBinaries();
        _asNobody = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "agt-postgres-" + Guid.NewGuid().ToString("N")[..8]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (_asNobody)
        {
            Run("chown", [.. Args("nobody:nogroup", _folder)], asNobody: false);
        }

        Port = FreePort();
        Run(Path.Combine(_binaries, "initdb"), ["-D", _data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        Run(Path.Combine(_binaries, "pg_ctl"),
        [
            "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60",
            "start",
        ]);
    }

    public int Port { get; }

    /// <summary>A connection string for a new, empty database.</summary>
    public string NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=false";

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_binaries, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).ToList()
            : [];
        if (versions.Count == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql (.ci/run does so).");
        }

        return Path.Combine(versions.OrderBy(v => int.TryParse(Path.GetFileName(v), out var n) ? n : 0).Last(), "bin");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string[] Args(params string[] args) => args;

    private void Run(string program, string[] args) => Run(program, args, _asNobody);

    private static void Run(string program, string[] args, bool asNobody)
    {
        var start = new ProcessStartInfo(asNobody ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asNobody)
        {
            foreach (var arg in (string[])["-u", "nobody", "--", program])
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {output.Result}{error.Result}");
        }
    }
}
