namespace Observability.Core.Tests.Stability;

public sealed class StabilityBaselineTests
{
    [Fact]
    public void Parse_ObjectOfNumbers_KeepsEveryMetric()
    {
        var baseline = StabilityBaseline.Parse("""{ "availability": 0.9995, "latency_p99_ms": 280 }""", "b.json");
        Assert.Equal(0.9995, baseline["availability"]);
        Assert.Equal(280, baseline["latency_p99_ms"]);
    }

    [Theory]
    [InlineData("[1, 2]", "The baseline file 'b.json' holds a JSON array; expected an object")]
    [InlineData("{}", "The baseline file 'b.json' holds no metric")]
    [InlineData("""{ "availability": "high" }""", "The baseline file 'b.json' is malformed: 'availability' must be a number above 0 (drift is relative to it), got \"high\".")]
    [InlineData("""{ "latency_p99_ms": 0 }""", "'latency_p99_ms' must be a number above 0 (drift is relative to it), got 0.")]
    [InlineData("{ \"a\": 1", "The baseline file 'b.json' is not valid JSON (line 1, position")]
    public void Parse_Malformed_NamesTheFileAndTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => StabilityBaseline.Parse(json, "b.json"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
