using Observability.Internal;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusQueryTemplatesTests
{
    [Fact]
    public void Step_is_kept_while_the_points_stay_within_the_limit()
    {
        // 1 day at 60 s = 1,440 points.
        Assert.Equal(TimeSpan.FromMinutes(1), PrometheusQueryTemplates.ChooseStep(TimeSpan.FromDays(1), TimeSpan.FromMinutes(1)));
        // Exactly 11,000 steps of 10 s = 110,000 s: 11,000 points, allowed.
        Assert.Equal(TimeSpan.FromSeconds(10), PrometheusQueryTemplates.ChooseStep(TimeSpan.FromSeconds(110_000), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Step_grows_to_keep_the_points_at_or_under_11000()
    {
        // 110,010 s at 10 s would be 11,001 points: the step becomes ceil(110,010 / 11,000) = 11 s -> 10,000 points.
        Assert.Equal(TimeSpan.FromSeconds(11), PrometheusQueryTemplates.ChooseStep(TimeSpan.FromSeconds(110_010), TimeSpan.FromSeconds(10)));
        // 7 days = 604,800 s at 15 s would be 40,320 points: ceil(604,800 / 11,000) = ceil(54.98) = 55 s -> 10,996 points.
        var week = PrometheusQueryTemplates.ChooseStep(TimeSpan.FromDays(7), TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(55), week);
        Assert.True(TimeSpan.FromDays(7).Ticks / week.Ticks <= PrometheusQueryTemplates.MaxPoints);
    }

    [Fact]
    public void A_window_shorter_than_the_step_is_one_step()
        => Assert.Equal(TimeSpan.FromSeconds(30), PrometheusQueryTemplates.ChooseStep(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)));

    [Theory]
    [InlineData(300_000, "300s")]
    [InlineData(1_500, "1500ms")]
    [InlineData(3_600_000, "3600s")]
    public void Durations_are_written_in_promql(int milliseconds, string expected)
        => Assert.Equal(expected, PrometheusQueryTemplates.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void OpenTelemetry_preset_reads_the_semantic_convention_names()
    {
        var queries = PrometheusQueryTemplates.Preset(PrometheusPreset.OpenTelemetry).ToDictionary(q => q.Name, q => Render(q.Expression, "job"));

        Assert.Equal(
            [WellKnownMetrics.RequestCount, WellKnownMetrics.ErrorRate, WellKnownMetrics.Availability, PrometheusCollectorOptions.LatencyP50, WellKnownMetrics.LatencyP95, WellKnownMetrics.LatencyP99],
            queries.Keys);
        Assert.Equal("sum(increase(http_server_request_duration_seconds_count{job=\"checkout\"}[60s]))", queries[WellKnownMetrics.RequestCount]);
        Assert.Equal(
            "((sum(rate(http_server_request_duration_seconds_count{job=\"checkout\",http_response_status_code=~\"5..\"}[300s])) or vector(0)) / sum(rate(http_server_request_duration_seconds_count{job=\"checkout\"}[300s])))",
            queries[WellKnownMetrics.ErrorRate]);
        Assert.Equal("1 - " + queries[WellKnownMetrics.ErrorRate], queries[WellKnownMetrics.Availability]);
        Assert.Equal(
            "histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{job=\"checkout\"}[300s]))) * 1000",
            queries[WellKnownMetrics.LatencyP95]);
    }

    [Fact]
    public void PrometheusNet_preset_reads_code_and_service_name_label_can_be_chosen()
    {
        var queries = PrometheusQueryTemplates.Preset(PrometheusPreset.PrometheusNet).ToDictionary(q => q.Name, q => Render(q.Expression, "service_name"));

        Assert.Contains("http_request_duration_seconds_count{service_name=\"checkout\",code=~\"5..\"}", queries[WellKnownMetrics.ErrorRate], StringComparison.Ordinal);
        Assert.Contains("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service_name=\"checkout\"}", queries[WellKnownMetrics.LatencyP99], StringComparison.Ordinal);
        Assert.Empty(PrometheusQueryTemplates.Preset(PrometheusPreset.None));
    }

    [Fact]
    public void Service_is_escaped_for_a_promql_string()
        => Assert.Equal("x{job=\"a\\\"b\\\\c\"}", PrometheusQueryTemplates.Render("x{job=\"{service}\"}", "a\"b\\c", "job", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

    private static string Render(string expression, string label)
        => PrometheusQueryTemplates.Render(expression, "checkout", label, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
}
