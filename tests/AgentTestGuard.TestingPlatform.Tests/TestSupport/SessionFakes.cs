using System.Diagnostics.CodeAnalysis;
using AgentTestGuard.TestingPlatform.Session;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace AgentTestGuard.TestingPlatform.Tests.TestSupport;

/// <summary>A process environment of its own, so that a test neither reads nor changes the test run's.</summary>
internal sealed class FakeEnvironment : IProcessEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string MachineName => "build-7";

    public string CurrentDirectory { get; init; } = Path.GetTempPath();

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public void SetVariable(string name, string? value)
    {
        if (value is null)
        {
            Variables.Remove(name);
        }
        else
        {
            Variables[name] = value;
        }
    }
}

/// <summary>The files the gate wrote, by path.</summary>
internal sealed class FakeFiles : ISessionFiles
{
    public Dictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public List<string> Directories { get; } = [];

    public void CreateDirectory(string path) => Directories.Add(path);

    public Task WriteAllTextAsync(string path, string content)
    {
        Written[path] = content;
        return Task.CompletedTask;
    }
}

/// <summary>A clock that says what it is told.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The platform's services as the gate asks for them: the command line (the options given), the
/// results directory, and a message bus and an output device that keep what they are handed.
/// </summary>
internal sealed class FakePlatform(string? resultsDirectory = null, params string[] options)
    : IServiceProvider, ICommandLineOptions, IConfiguration, IMessageBus, IOutputDevice
{
    public List<IData> Published { get; } = [];

    public List<IOutputDeviceData> Displayed { get; } = [];

    public object? GetService(Type serviceType) =>
        serviceType == typeof(ICommandLineOptions) || serviceType == typeof(IConfiguration) || serviceType == typeof(IMessageBus) ? this : null;

    public string? this[string key] => key == "platformOptions:resultDirectory" ? resultsDirectory : null;

    public bool IsOptionSet(string optionName) => options.Contains(optionName);

    public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments)
    {
        arguments = options.Contains(optionName) ? [] : null;
        return arguments is not null;
    }

    public Task PublishAsync(IDataProducer dataProducer, IData data)
    {
        lock (Published)
        {
            Published.Add(data);
        }

        return Task.CompletedTask;
    }

    public Task DisplayAsync(IOutputDeviceDataProducer producer, IOutputDeviceData data, CancellationToken cancellationToken)
    {
        Displayed.Add(data);
        return Task.CompletedTask;
    }
}

/// <summary>A test session with the given uid.</summary>
internal sealed class FakeSession(string uid) : ITestSessionContext
{
    public SessionUid SessionUid { get; } = new(uid);

    public CancellationToken CancellationToken => CancellationToken.None;
}

/// <summary>The test framework, as the producer of test node updates.</summary>
internal sealed class FakeFramework : IDataProducer
{
    public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage)];

    public string Uid => "framework";

    public string Version => "1";

    public string DisplayName => "framework";

    public string Description => "framework";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);
}
