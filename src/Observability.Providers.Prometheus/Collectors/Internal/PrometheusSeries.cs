namespace Observability.Internal;

/// <summary>One sample of a query result: its time and value (NaN and infinities included).</summary>
internal readonly record struct PrometheusSample(DateTimeOffset Timestamp, double Value);

/// <summary>One series of a query result: its labels and samples, oldest first.</summary>
internal sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PrometheusSample> Samples);

/// <summary>A parsed successful answer: the result type, its series (a scalar or string is one unlabelled series) and the warnings.</summary>
internal sealed record PrometheusQueryResult(string ResultType, IReadOnlyList<PrometheusSeries> Series, IReadOnlyList<string> Warnings);
