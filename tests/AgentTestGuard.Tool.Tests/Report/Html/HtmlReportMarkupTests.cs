using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTestGuard.Tool.Report.Html;
using AgentTestGuard.Tool.Report.Model;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html;

/// <summary>The page's markup, read as text: self-contained, its policy matching its inline code, agent text inert.</summary>
public sealed partial class HtmlReportMarkupTests
{
    private static readonly string Page = HtmlReportRenderer.Render(SampleReports.Typical());

    [Fact]
    public void The_policy_forbids_every_request_and_allows_exactly_the_inline_script_and_style()
    {
        var policy = WebUtilityDecode(PolicyPattern().Match(Page).Groups[1].Value);
        var script = InlineScriptPattern().Match(Page).Groups[1].Value;
        var style = InlineStylePattern().Match(Page).Groups[1].Value;

        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{Sha256(script)}'; style-src 'sha256-{Sha256(style)}'; "
            + "base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
            policy);
        // A policy given by a meta element covers only what comes after it.
        Assert.True(Page.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < Page.IndexOf("<style>", StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_loads_nothing_from_anywhere()
    {
        // The data block is text for the script (agent text such as " src=" may be in it, escaped).
        var markup = DataBlockPattern().Replace(Page, "");
        foreach (var reference in new[] { " src=", "<link", "<iframe", "<object", "<embed", "<img", "<base" })
        {
            Assert.DoesNotContain(reference, markup, StringComparison.OrdinalIgnoreCase);
        }

        var style = InlineStylePattern().Match(Page).Groups[1].Value;
        Assert.DoesNotContain("url(", style, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", style, StringComparison.OrdinalIgnoreCase);

        // The only addresses are the criteria's own http(s) links.
        Assert.Equal(
            ["https://tracker.example.com/browse/CART-12", "https://tracker.example.com/browse/SHOP-7"],
            AddressPattern().Matches(Page).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Agent_text_never_appears_as_markup()
    {
        Assert.DoesNotContain("<script>alert", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>applies", Page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(Page, "</script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(Page, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<!--", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_block_gives_the_script_every_value_exactly_as_the_agent_wrote_it()
    {
        var json = DataBlockPattern().Match(Page).Groups[1].Value;
        using var data = JsonDocument.Parse(json);
        var root = data.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var shared = root.GetProperty("shared").EnumerateArray().Select(c => c.GetString()).ToList();

        // As report.js reads a row: a value by its column's position, a shared one through "strings".
        string? Value(JsonElement row, string column)
        {
            var value = row[columns.IndexOf(column)];
            return shared.Contains(column) ? root.GetProperty("strings")[value.GetInt32()].GetString() : value.GetString();
        }

        var hostile = root.GetProperty("tests").EnumerateArray().Single(t => Value(t, "id") == SampleReports.HostileId);
        Assert.Equal(SampleReports.HostileMessage, Value(hostile, "fail"));
        Assert.Equal("<img src=x onerror=alert(1)>", Value(hostile, "mo"));
        Assert.Equal("f", Value(hostile, "runs"));
        Assert.Equal(
            "Tax <b>applies</b> per region | `rate`",
            data.RootElement.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TAX-3").GetProperty("text").GetString());
    }

    [Fact]
    public void A_criterion_link_that_is_not_http_is_shown_as_text()
    {
        var report = SampleReports.Typical() with
        {
            Criteria = [new ReportCriterion("CART-12", "text", "javascript:alert(document.domain)", true), new ReportCriterion("SHOP-7", null, "data:text/html,<script>x</script>", true)],
        };

        var page = HtmlReportRenderer.Render(report);

        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://tracker.example.com/browse/CART-12", "https://tracker.example.com/browse/CART-12")]
    [InlineData("  http://example.com/a b", "http://example.com/a%20b")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JavaScript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("vbscript:msgbox", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("//evil.example.com/x", null)]
    [InlineData("/relative/path", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_absolute_http_and_https_addresses_become_links(string? address, string? expected) =>
        Assert.Equal(expected, HtmlText.SafeLink(address));

    [Fact]
    public void An_address_that_tries_to_leave_its_attribute_stays_inside_it() =>
        Assert.Equal(
            "<a href=\"https://example.com/%22onmouseover=%22alert(1)\" rel=\"noopener noreferrer\" target=\"_blank\">&lt;x&gt;</a>",
            HtmlText.Link("https://example.com/\"onmouseover=\"alert(1)", "<x>"));

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string WebUtilityDecode(string text) => System.Net.WebUtility.HtmlDecode(text);

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex PolicyPattern();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStylePattern();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlockPattern();

    [GeneratedRegex("https?://[^\"\\\\ <]+")]
    private static partial Regex AddressPattern();
}
