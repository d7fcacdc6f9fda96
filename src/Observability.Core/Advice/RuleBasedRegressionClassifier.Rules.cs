using System.Globalization;

namespace Observability;

/// <content>The rules of the four feature groups; tolerances are documented on the class.</content>
public sealed partial class RuleBasedRegressionClassifier
{
    private const RegressionKind Performance = RegressionKind.PerformanceRegression;
    private const RegressionKind Environment = RegressionKind.EnvironmentRegression;
    private static readonly TimeSpan YoungDeployment = TimeSpan.FromHours(6);
    private static readonly TimeSpan SettledDeployment = TimeSpan.FromHours(72);

    private enum Unit
    {
        Percent,
        Ratio,
        Milliseconds,
    }

    private static void AddSymptoms(List<RegressionFactor> factors, RegressionFeatures f)
    {
        Above(factors, "latency_delta_percent", f.LatencyDeltaPercent, 20, Unit.Percent, null, 1);
        Above(factors, "error_rate_delta", f.ErrorRateDelta, 0.01, Unit.Ratio, null, 1);
        Below(factors, "throughput_delta_percent", f.ThroughputDeltaPercent, -20, Unit.Percent, null, 1);
        Above(factors, "queue_depth_delta_percent", f.QueueDepthDeltaPercent, 50, Unit.Percent, null, 1);
        Above(factors, "queue_wait_delta_ms", f.QueueWaitDeltaMs, 500, Unit.Milliseconds, null, 1);
        Flag(factors, "error_spike", f.ErrorSpike, null, "an error spike was detected");
    }

    private static void AddReleaseSignals(List<RegressionFactor> factors, RegressionFeatures f)
    {
        Above(factors, "cpu_delta_percent", f.CpuDeltaPercent, 20, Unit.Percent, Performance, 2);
        Above(factors, "memory_delta_percent", f.MemoryDeltaPercent, 20, Unit.Percent, Performance, 2);
        Above(factors, "disk_io_delta_percent", f.DiskIoDeltaPercent, 30, Unit.Percent, Performance, 1);
        Above(factors, "gc_pause_delta_percent", f.GcPauseDeltaPercent, 30, Unit.Percent, Performance, 1);
    }

    private static void AddEnvironmentSignals(List<RegressionFactor> factors, RegressionFeatures f)
    {
        Above(factors, "external_api_latency_delta_percent", f.ExternalApiLatencyDeltaPercent, 30, Unit.Percent, Environment, 2);
        Above(factors, "database_latency_delta_percent", f.DatabaseLatencyDeltaPercent, 30, Unit.Percent, Environment, 2);
        Above(factors, "timeout_rate_delta", f.TimeoutRateDelta, 0.01, Unit.Ratio, Environment, 1);
        Above(factors, "retry_rate_delta", f.RetryRateDelta, 0.02, Unit.Ratio, Environment, 1);
        Above(factors, "network_error_rate_delta", f.NetworkErrorRateDelta, 0.005, Unit.Ratio, Environment, 1);
        Below(factors, "cache_hit_rate_delta", f.CacheHitRateDelta, -0.10, Unit.Ratio, Environment, 1);
    }

    private static void AddContext(List<RegressionFactor> factors, RegressionFeatures f)
    {
        if (f.DeploymentAge is { } age && age < YoungDeployment)
        {
            factors.Add(new RegressionFactor("deployment_age_hours", age.TotalHours, 1, $"deployed {Hours(age)} ago, younger than {Hours(YoungDeployment)}: the release is the likely change") { Supports = Performance });
        }
        else if (f.DeploymentAge is { } settled && settled > SettledDeployment)
        {
            factors.Add(new RegressionFactor("deployment_age_hours", settled.TotalHours, 1, $"deployed {Hours(settled)} ago, older than {Hours(SettledDeployment)}: the release ran fine before, something else changed") { Supports = Environment });
        }

        Flag(factors, "config_changed", f.ConfigChanged, Environment, "configuration changed outside the release");
        Flag(factors, "dependency_changed", f.DependencyChanged, Environment, "a dependency changed");
        Flag(factors, "infrastructure_changed", f.InfrastructureChanged, Environment, "the infrastructure changed");

        var externalSlow = f.ExternalApiLatencyDeltaPercent > 30;
        var databaseSlow = f.DatabaseLatencyDeltaPercent > 30;
        if (f.CpuDeltaPercent is { } cpu && cpu <= 20 && (externalSlow || databaseSlow))
        {
            factors.Add(new RegressionFactor("cpu_normal_while_dependencies_slow", cpu, 1, $"own CPU {Text(cpu, Unit.Percent)} is within +20 % while the {(externalSlow ? "external API" : "database")} is slow: the time is spent waiting") { Supports = Environment });
        }

        var dependencyMeasured = f.ExternalApiLatencyDeltaPercent is not null || f.DatabaseLatencyDeltaPercent is not null;
        if (f.LatencyDeltaPercent is { } latency && latency > 20 && dependencyMeasured && !externalSlow && !databaseSlow)
        {
            factors.Add(new RegressionFactor("dependencies_normal_while_latency_up", latency, 1, $"latency {Text(latency, Unit.Percent)} while the measured dependencies are within +30 %: the time is spent in the service") { Supports = Performance });
        }
    }

    private static void Above(List<RegressionFactor> factors, string name, double? value, double tolerance, Unit unit, RegressionKind? supports, double weight)
    {
        if (value is { } v && v > tolerance)
        {
            factors.Add(new RegressionFactor(name, v, weight, $"{Text(v, unit)}, above the tolerance of {Text(tolerance, unit)}") { Supports = supports });
        }
    }

    private static void Below(List<RegressionFactor> factors, string name, double? value, double tolerance, Unit unit, RegressionKind? supports, double weight)
    {
        if (value is { } v && v < tolerance)
        {
            factors.Add(new RegressionFactor(name, v, weight, $"{Text(v, unit)}, below the tolerance of {Text(tolerance, unit)}") { Supports = supports });
        }
    }

    private static void Flag(List<RegressionFactor> factors, string name, bool? value, RegressionKind? supports, string evidence)
    {
        if (value == true)
        {
            factors.Add(new RegressionFactor(name, 1, 1, evidence) { Supports = supports });
        }
    }

    private static string Text(double value, Unit unit) => unit switch
    {
        Unit.Percent => Signed(value) + " %",
        Unit.Ratio => Signed(value * 100) + " percentage points",
        _ => Signed(value) + " ms",
    };

    private static string Signed(double value) => value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
