using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// The alert pipeline's life in a host: built when the host starts (so alerts kept on disk by a previous run go out
/// then), and flushed when it stops, within the host's shutdown timeout (the token the host gives
/// <see cref="StopAsync"/>); what could not be delivered by then is logged and, with an outbox folder, kept for the
/// next start.
/// </summary>
internal sealed partial class AlertPipelineHostedService(IAlertPublisher publisher, ILogger<AlertPipelineHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!await publisher.FlushAsync(cancellationToken).ConfigureAwait(false))
        {
            LogFlushIncomplete(logger);
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The host's shutdown timeout ended the alert flush; undelivered alerts stay in their outboxes (kept on disk when an outbox folder is set)")]
    private static partial void LogFlushIncomplete(ILogger logger);
}
