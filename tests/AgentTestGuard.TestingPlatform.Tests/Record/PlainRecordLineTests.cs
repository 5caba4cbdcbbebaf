using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentTestGuard.TestingPlatform.Record;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

public sealed class PlainRecordLineTests
{
    private static readonly RunRecordTest Full = new(
        "Shop.Tests.CartTests.Adds_item",
        "Adds an item (2, 3)",
        "failed",
        1234.567,
        "Expected: 2; Actual: 3 [at line 12]",
        2,
        "quarantined",
        "stale",
        "copilot",
        "Shop.Tests.CartBase.Adds_item",
        "sha256:0a1b2c",
        ["CART-11", "CART-12"]);

    private static readonly RunRecordTest Bare = new(
        "Shop.Tests.OtherTests.Works", null, "passed", null, null, 1, "gating", null, null, null, null, null);

    public static TheoryData<double> Durations => [0, 0.001, 0.5, 1.5, 3, 16.384, 1234.567, 123456789.123, 1e-7, 1e16, 12345678901234.567];

    [Fact]
    public void Every_plain_character_is_one_the_json_writer_leaves_as_it_is() =>
        Assert.StartsWith(
            "{\"id\":\"" + PlainRecordLine.PlainCharacters + "\",",
            ByWriter(Bare with { Id = PlainRecordLine.PlainCharacters }),
            StringComparison.Ordinal);

    [Fact]
    public void A_test_with_every_field_is_written_as_the_json_writer_writes_it() =>
        Assert.Equal(ByWriter(Full), Plain(Full));

    [Fact]
    public void A_test_with_only_the_required_fields_is_written_as_the_json_writer_writes_it() =>
        Assert.Equal(ByWriter(Bare), Plain(Bare));

    [Fact]
    public void An_empty_criteria_list_is_written_as_an_empty_array() =>
        Assert.Equal(ByWriter(Full with { Criteria = [] }), Plain(Full with { Criteria = [] }));

    [Theory]
    [MemberData(nameof(Durations))]
    public void Numbers_are_formatted_as_the_json_writer_formats_them(double duration) =>
        Assert.Equal(ByWriter(Full with { DurationMs = duration, Attempts = int.MaxValue }), Plain(Full with { DurationMs = duration, Attempts = int.MaxValue }));

    [Theory]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("\n")]
    [InlineData("\u001b[1m")]
    [InlineData("<script>")]
    [InlineData("a & b")]
    [InlineData("it's")]
    [InlineData("1+1")]
    [InlineData("`id`")]
    [InlineData("café")]
    [InlineData("\u2028")]
    public void A_string_that_needs_escaping_is_left_to_the_json_writer(string text)
    {
        Assert.Null(Plain(Full with { FailureMessage = text }));
        Assert.Null(Plain(Full with { Id = text }));
        Assert.Null(Plain(Full with { Criteria = ["CART-1", text] }));
    }

    private static string? Plain(RunRecordTest test)
    {
        var buffer = new ArrayBufferWriter<byte>();
        if (!PlainRecordLine.TryWrite(buffer, test))
        {
            Assert.Equal(0, buffer.WrittenCount);
            return null;
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ByWriter(RunRecordTest test)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            RunRecordWriter.WriteTest(json, test);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
