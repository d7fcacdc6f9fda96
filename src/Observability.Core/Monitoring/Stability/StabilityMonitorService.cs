using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Observability;

/// <summary>
/// Runs the registered <see cref="StabilityMonitor"/> as a hosted service, from the host's start until the
/// run's duration is over or the host stops (then what was collected is aggregated and written).
/// </summary>
public sealed partial class StabilityMonitorService : BackgroundService
{
    private readonly StabilityMonitor _monitor;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="StabilityMonitorService"/> class.</summary>
    /// <param name="monitor">The monitor to run.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    public StabilityMonitorService(StabilityMonitor monitor, ILogger<StabilityMonitorService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Gets the result of the run once it has finished; <see langword="null"/> before.</summary>
    public StabilityRunResult? Result { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Result = await _monitor.RunAsync(null, stoppingToken).ConfigureAwait(false);
        LogFinished(_logger, Result.Interrupted ? "interrupted" : "finished", Result.TicksRun, Result.TicksPlanned, Result.Days.Count);
    }

    [LoggerMessage(EventId = 57, Level = LogLevel.Information, Message = "Stability monitor {State}: {Ticks} of {Planned} ticks, {Days} day(s) written")]
    private static partial void LogFinished(ILogger logger, string state, int ticks, int planned, int days);
}
