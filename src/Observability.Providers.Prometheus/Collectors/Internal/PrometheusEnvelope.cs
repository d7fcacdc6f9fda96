using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>The envelope of every Prometheus HTTP API answer (success and error alike).</summary>
internal sealed class PrometheusEnvelope
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("data")]
    public PrometheusEnvelopeData? Data { get; set; }

    [JsonPropertyName("errorType")]
    public string? ErrorType { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("warnings")]
    public List<string>? Warnings { get; set; }
}

/// <summary>The <c>data</c> of a query answer; the result's shape depends on its type.</summary>
internal sealed class PrometheusEnvelopeData
{
    [JsonPropertyName("resultType")]
    public string? ResultType { get; set; }

    [JsonPropertyName("result")]
    public JsonElement Result { get; set; }
}

/// <summary>Source-generated (AOT-safe) serialization of <see cref="PrometheusEnvelope"/>.</summary>
[JsonSerializable(typeof(PrometheusEnvelope))]
internal sealed partial class PrometheusJsonContext : JsonSerializerContext;
