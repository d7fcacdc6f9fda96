namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>
/// A sink that sends a group as messages of <c>perMessage</c> alerts, one after another, reporting each message delivered
/// (when <c>reportsEachMessage</c>) as a chat or issue sink does; before each message, the subclass sends it (and says
/// nothing) or says how the send ends there (a failed result for the alerts not yet delivered).
/// </summary>
internal abstract class MessageByMessageSink(int perMessage, bool reportsEachMessage = true) : IAlertSink
{
    public string Name => "messages";

    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("the pipeline calls the overload with progress");

    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, IProgress<int> delivered, CancellationToken cancellationToken = default)
    {
        var done = 0;
        for (var message = 1; done < alerts.Count; message++)
        {
            var part = alerts.Skip(done).Take(perMessage).ToArray();
            if (Send(message, part, alerts.Count - done) is { } end)
            {
                return Task.FromResult(end);
            }

            done += part.Length;
            if (reportsEachMessage)
            {
                delivered.Report(done);
            }
        }

        return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
    }

    /// <summary>Sends message <paramref name="message"/> (1-based); returns <see langword="null"/> when it went, or how the send ends.</summary>
    /// <param name="message">The message's number in this send.</param>
    /// <param name="part">Its alerts.</param>
    /// <param name="remaining">How many alerts of the send are not delivered yet, this message's included.</param>
    protected abstract DeliveryResult? Send(int message, Alert[] part, int remaining);
}
