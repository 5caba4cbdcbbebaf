using System.Globalization;
using AgentTestGuard.FileSystem;
using Xunit;

namespace AgentTestGuard.Core.Tests.FileSystem;

public sealed class FileLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-lock-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_lock_is_a_sibling_file_removed_on_release()
    {
        var path = Path.Combine(_directory, "ledger.jsonl");

        using (var held = FileLock.Acquire(path, TimeSpan.Zero))
        {
            Assert.Equal(path + ".lock", held.LockPath);
            Assert.True(File.Exists(held.LockPath));
        }

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_second_acquire_times_out_while_the_first_is_held_and_succeeds_after_release()
    {
        var path = Path.Combine(_directory, "ledger.jsonl");
        var first = FileLock.Acquire(path, TimeSpan.Zero);

        var error = Assert.Throws<FileLockTimeoutException>(() => FileLock.Acquire(path, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(path + ".lock", error.LockPath);
        Assert.Equal(
            $"Could not lock '{path}.lock' within 0.2 s: another agt command may be writing the file. Try again; if none is running, delete the lock file.",
            error.Message);
        Assert.IsAssignableFrom<IOException>(error);
        Assert.True(File.Exists(path + ".lock"), "a failed attempt must not remove the holder's lock file");

        first.Dispose();
        using var second = FileLock.Acquire(path, TimeSpan.Zero);
        Assert.True(File.Exists(second.LockPath));
    }

    [Fact]
    public void A_waiting_acquire_gets_the_lock_when_the_holder_releases_it()
    {
        var path = Path.Combine(_directory, "ledger.jsonl");
        var first = FileLock.Acquire(path, TimeSpan.Zero);
        var releasing = false;
        using var release = new Timer(
            _ =>
            {
                // Set before the release, so a second lock taken without waiting for it finds it unset.
                Volatile.Write(ref releasing, true);
                first.Dispose();
            },
            null,
            TimeSpan.FromMilliseconds(150),
            Timeout.InfiniteTimeSpan);

        using var second = FileLock.Acquire(path, TimeSpan.FromSeconds(30));

        Assert.True(Volatile.Read(ref releasing), "the second lock was taken while the first was held");
        Assert.True(File.Exists(second.LockPath));
    }

    [Fact]
    public void Locks_on_different_files_do_not_exclude_each_other()
    {
        using var a = FileLock.Acquire(Path.Combine(_directory, "a.jsonl"), TimeSpan.Zero);
        using var b = FileLock.Acquire(Path.Combine(_directory, "b.jsonl"), TimeSpan.Zero);

        Assert.NotEqual(a.LockPath, b.LockPath);
    }

    [Fact]
    public void The_folder_is_created_when_missing()
    {
        var path = Path.Combine(_directory, "new", "ledger.jsonl");

        using var held = FileLock.Acquire(path, TimeSpan.Zero);

        Assert.True(File.Exists(path + ".lock"));
    }

    [Fact]
    public async Task Two_threads_incrementing_a_counter_under_the_lock_lose_no_increment()
    {
        var path = Path.Combine(_directory, "counter.txt");
        File.WriteAllText(path, "0");

        void Increment50Times()
        {
            for (var i = 0; i < 50; i++)
            {
                using var held = FileLock.Acquire(path, TimeSpan.FromSeconds(60));
                var value = int.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);
                Thread.Yield();
                AtomicFile.WriteAllText(path, (value + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        var token = TestContext.Current.CancellationToken;
        await Task.WhenAll(
            Task.Factory.StartNew(Increment50Times, token, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(Increment50Times, token, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        Assert.Equal("100", File.ReadAllText(path));
        Assert.Equal(["counter.txt"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }
}
