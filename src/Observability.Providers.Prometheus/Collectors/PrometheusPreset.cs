namespace Observability;

/// <summary>The metric naming convention whose standard queries a <see cref="PrometheusCollector"/> runs.</summary>
public enum PrometheusPreset
{
    /// <summary>
    /// OpenTelemetry HTTP server metrics as exported to Prometheus: <c>http_server_request_duration_seconds_bucket</c>,
    /// <c>_count</c> and <c>_sum</c> with the status in <c>http_response_status_code</c>.
    /// </summary>
    OpenTelemetry = 0,

    /// <summary>prometheus-net's defaults: <c>http_request_duration_seconds_bucket</c> and <c>_count</c> with the status in <c>code</c>.</summary>
    PrometheusNet = 1,

    /// <summary>No standard queries: only <see cref="PrometheusCollectorOptions.Queries"/> run.</summary>
    None = 2,
}
