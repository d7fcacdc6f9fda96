using Observability;
using Observability.Internal;

namespace Observability.Core.Tests.Collectors;

public sealed class SnapshotValueParserTests
{
    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData(" -1.5e-3 ", -0.0015)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    [InlineData("-INF", double.NegativeInfinity)]
    public void TryParseMetric_ValidText_ReturnsValue(string text, double expected)
    {
        Assert.True(SnapshotValueParser.TryParseMetric(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0,25")]
    [InlineData("1,000")]
    [InlineData("12%")]
    [InlineData("")]
    [InlineData("+-Inf")]
    public void TryParseMetric_InvalidText_ReturnsFalse(string text)
        => Assert.False(SnapshotValueParser.TryParseMetric(text, out _));

    [Theory]
    [InlineData("2025-11-15")]
    [InlineData("15/11/2025 00:00:00")]
    [InlineData("1763164800000")]
    public void TryParseTimestamp_AmbiguousOrOutOfRange_ExplainsWhy(string text)
    {
        Assert.False(SnapshotValueParser.TryParseTimestamp(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void TryParseTimestamp_Milliseconds_HintsAtSeconds()
    {
        SnapshotValueParser.TryParseTimestamp("1763164800000", out _, out var error);

        Assert.Contains("not milliseconds", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("complete,partial")]
    [InlineData("ok")]
    public void TryParseQuality_NotAQualityName_ReturnsFalse(string text)
        => Assert.False(SnapshotValueParser.TryParseQuality(text, out _));

    [Theory]
    [InlineData("a,b , c", new[] { "a", "b", "c" })]
    [InlineData("a,,", new[] { "a", "", "" })]
    [InlineData("\"x\"\"y\",\"\"", new[] { "x\"y", "" })]
    [InlineData("  \" padded \"  ,z", new[] { " padded ", "z" })]
    public void TrySplit_ValidLine_ReturnsFields(string line, string[] expected)
    {
        var fields = new List<string>();

        Assert.True(CsvFieldSplitter.TrySplit(line, fields, out _));
        Assert.Equal(expected, fields);
    }

    [Fact]
    public void TrySplit_TextAfterClosingQuote_ReportsPosition()
    {
        Assert.False(CsvFieldSplitter.TrySplit("a,\"b\"c", [], out var error));
        Assert.Contains("character 6", error, StringComparison.Ordinal);
    }
}
