using System.Text;
using AgentTestGuard.FileSystem;
using Xunit;

namespace AgentTestGuard.Core.Tests.FileSystem;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Text_replaces_the_file_as_UTF8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_directory, "new", "f.json");

        AtomicFile.WriteAllText(path, "older");
        AtomicFile.WriteAllText(path, "ünïcode\n");

        Assert.Equal(Encoding.UTF8.GetBytes("ünïcode\n"), File.ReadAllBytes(path));
        Assert.Equal(["f.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Streamed_content_replaces_the_file()
    {
        var path = Path.Combine(_directory, "f.json");
        File.WriteAllText(path, "older and longer than the new content");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_writer_that_fails_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_directory, "f.json");
        File.WriteAllText(path, "older");

        var thrown = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of it"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("disk full", thrown.Message);
        Assert.Equal("older", File.ReadAllText(path));
        Assert.Equal(["f.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void TryCreate_creates_a_new_file_and_never_replaces_one()
    {
        var path = Path.Combine(_directory, "new", "f.json");

        Assert.True(AtomicFile.TryCreate(path, "first\n"));
        Assert.False(AtomicFile.TryCreate(path, "second\n"));

        Assert.Equal("first\n", File.ReadAllText(path));
        Assert.Equal(["f.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}
