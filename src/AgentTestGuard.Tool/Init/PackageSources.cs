using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace AgentTestGuard.Tool.Init;

/// <summary>Asks package sources which versions of a package they have; a seam, so the choice is testable offline.</summary>
internal interface IPackageSources
{
    Task<IReadOnlyList<SourceAnswer>> FindVersionsAsync(string folder, string packageId, CancellationToken cancellationToken);
}

/// <summary>
/// The package sources the repository's nuget.config files configure (with the user's and the
/// machine's, as restore reads them), asked with NuGet's own client, as `dotnet add package` asks
/// them. Sources that need a credential provider plugin are not supported: pin with --version.
/// </summary>
internal sealed class NuGetPackageSources : IPackageSources
{
    public async Task<IReadOnlyList<SourceAnswer>> FindVersionsAsync(string folder, string packageId, CancellationToken cancellationToken)
    {
        var settings = Settings.LoadDefaultSettings(folder);
        var sources = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();

        // Fresh answers: a version published a minute ago counts, as it does for restore with --no-cache.
        using var cache = new SourceCacheContext { NoCache = true };
        return await Task.WhenAll(sources.Select(source => AskAsync(source, packageId, cache, cancellationToken)));
    }

    private static async Task<SourceAnswer> AskAsync(PackageSource source, string packageId, SourceCacheContext cache, CancellationToken cancellationToken)
    {
        try
        {
            var repository = Repository.Factory.GetCoreV3(source);
            var resource = await repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken);
            var versions = await resource.GetAllVersionsAsync(packageId, cache, NullLogger.Instance, cancellationToken);
            return new SourceAnswer(source.Name, [.. versions]);
        }
        catch (Exception e)
        {
            // One unreachable, slow or misconfigured source must not stop the others from answering.
            var problem = cancellationToken.IsCancellationRequested ? "no answer in time"
                : e.Message.TrimEnd('.') + (e.InnerException is { } inner ? $" ({inner.Message.TrimEnd('.')})" : "");
            return new SourceAnswer(source.Name, null, problem);
        }
    }
}
