using System.Text.Json;
using Observability.Internal;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusResultParserTests
{
    [Fact]
    public void Matrix_with_fractional_and_integer_timestamps_keeps_every_sample()
    {
        // The shape of REAL-PARTS.md: values are strings, timestamps are integer or fractional seconds.
        var result = Parse("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"checkout"},"values":[[1794754800,"6.27"],[1794754860.5,"7"]]}]}}""");

        Assert.Equal("matrix", result.ResultType);
        var series = Assert.Single(result.Series);
        Assert.Equal("checkout", series.Labels["job"]);
        Assert.Equal(2, series.Samples.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1794754800), series.Samples[0].Timestamp);
        Assert.Equal(6.27, series.Samples[0].Value);
        // 1794754860.5 s = 1794754860500 ms.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794754860500), series.Samples[1].Timestamp);
        Assert.Equal(7.0, series.Samples[1].Value);
    }

    [Fact]
    public void Vector_gives_one_sample_per_series()
    {
        var result = Parse("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"200"},"value":[1794754800,"0.98"]},{"metric":{"code":"500"},"value":[1794754800,"0.02"]}]}}""");

        Assert.Equal(2, result.Series.Count);
        Assert.Equal(0.02, result.Series[1].Samples.Single().Value);
        Assert.Equal("500", result.Series[1].Labels["code"]);
    }

    [Fact]
    public void Scalar_and_string_are_one_unlabelled_series()
    {
        var scalar = Parse("""{"status":"success","data":{"resultType":"scalar","result":[1794754800,"40"]}}""");
        var text = Parse("""{"status":"success","data":{"resultType":"string","result":[1794754800,"12.5"]}}""");

        Assert.Equal(40.0, Assert.Single(scalar.Series).Samples.Single().Value);
        Assert.Empty(scalar.Series[0].Labels);
        Assert.Equal("string", text.ResultType);
        Assert.Equal(12.5, Assert.Single(text.Series).Samples.Single().Value);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e-3", 0.001)]
    [InlineData("-0.5", -0.5)]
    public void Special_values_are_read_as_doubles(string text, double expected)
    {
        Assert.True(PrometheusResultParser.TryParseValue(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("Infinity")] // .NET's spelling, not Prometheus'
    [InlineData("1,5")]
    public void Non_numbers_are_refused(string text)
        => Assert.False(PrometheusResultParser.TryParseValue(text, out _));

    [Fact]
    public void Warnings_are_kept()
    {
        var result = Parse("""{"status":"success","warnings":["PromQL warning: encountered a mix of histograms and floats"],"data":{"resultType":"vector","result":[]}}""");

        Assert.Equal("PromQL warning: encountered a mix of histograms and floats", Assert.Single(result.Warnings));
        Assert.Empty(result.Series);
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1794754800,6.27]]}]}}""", "result[0].values[0] has a value that is not a string")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["x","1"]]}]}}""", "result[0].values[0] has a timestamp that is not a number")]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1794754800]}}""", "is not a [timestamp, \"value\"] pair")]
    [InlineData("""{"status":"success","data":{"resultType":"histogram","result":[]}}""", "unknown resultType 'histogram'")]
    [InlineData("""{"status":"success","data":{"resultType":"string","result":[1794754800,"hello"]}}""", "the value 'hello', which is not a number")]
    public void Malformed_results_name_the_place(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Parse(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static PrometheusQueryResult Parse(string json)
        => PrometheusResultParser.Parse(JsonSerializer.Deserialize(json, PrometheusJsonContext.Default.PrometheusEnvelope)!);
}
