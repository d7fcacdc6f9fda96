namespace Observability;

/// <summary>The trace store's bounds and the debug-last view's switch (section <c>Observability:Traces</c>).</summary>
public sealed class TraceOptions
{
    /// <summary>Gets or sets how many traces are kept per user (and for the service's own work); older ones go first. Default: 100.</summary>
    public int PerUserCapacity { get; set; } = 100;

    /// <summary>Gets or sets how many traces are kept in all; the oldest go first, whoever they belong to. Default: 1,000.</summary>
    public int Capacity { get; set; } = 1000;

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="DebugLastCommand"/> shows traces. Default: <see langword="false"/>
    /// (the command answers that it is disabled): traces hold what users ran, so showing them is opt-in.
    /// </summary>
    public bool EnableDebugCommand { get; set; }
}
