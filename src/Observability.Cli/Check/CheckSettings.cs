namespace Observability.Cli.Check;

/// <summary>A check's command line, checked: one source, the window, where reports go.</summary>
internal sealed record CheckSettings
{
    /// <summary>Gets the Prometheus base address, when the source is Prometheus.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>Gets the services to judge: Prometheus jobs, or the one name of a file source (empty: from the configuration).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Gets the snapshot file (CSV or JSON lines), when the source is a file.</summary>
    public string? DataFile { get; init; }

    /// <summary>Gets the appsettings.json whose <c>Observability</c> section configures the pass.</summary>
    public string? ConfigFile { get; init; }

    public string? BaselineFile { get; init; }

    /// <summary>Gets the commit that receives each verdict as a GitHub commit status (<c>--commit-status</c>).</summary>
    public string? CommitStatusSha { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    public TimeSpan? Lookback { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public string? OutputDirectory { get; init; }

    /// <summary>Gets the folder that keeps the alert state between runs (<c>--state</c>).</summary>
    public string? StateDirectory { get; init; }
}
