namespace Observability;

/// <summary>What happened when a sink delivered a group of alerts.</summary>
public sealed class DeliveryResult
{
    private DeliveryResult(string sinkName, DeliveryStatus status, int alertCount, string? error, int? statusCode, TimeSpan? retryAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkName);
        SinkName = sinkName;
        Status = status;
        AlertCount = alertCount;
        Error = error;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the name of the sink.</summary>
    public string SinkName { get; }

    /// <summary>Gets the outcome.</summary>
    public DeliveryStatus Status { get; }

    /// <summary>Gets the number of alerts the delivery concerned.</summary>
    public int AlertCount { get; }

    /// <summary>Gets a short, redacted description of the failure; <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>Gets the protocol status code (for example HTTP 429), when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>Gets how long the destination asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether the destination accepted the alerts.</summary>
    public bool Succeeded => Status == DeliveryStatus.Delivered;

    /// <summary>Gets a value indicating whether trying again later may succeed (<see cref="DeliveryStatus.Failed"/> or <see cref="DeliveryStatus.Throttled"/>).</summary>
    public bool IsRetryable => Status is DeliveryStatus.Failed or DeliveryStatus.Throttled;

    /// <summary>Creates the result of an accepted delivery.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were delivered.</param>
    /// <param name="statusCode">The protocol status code, if any.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Delivered(string sinkName, int alertCount, int? statusCode = null)
        => new(sinkName, DeliveryStatus.Delivered, alertCount, null, statusCode, null);

    /// <summary>Creates the result of a failed delivery.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were not delivered.</param>
    /// <param name="error">A short description with no secret in it.</param>
    /// <param name="statusCode">The protocol status code, if any.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Failed(string sinkName, int alertCount, string error, int? statusCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(sinkName, DeliveryStatus.Failed, alertCount, error, statusCode, null);
    }

    /// <summary>Creates the result of a delivery the destination throttled.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were not delivered.</param>
    /// <param name="retryAfter">How long the destination asked to wait, if it said.</param>
    /// <param name="statusCode">The protocol status code, if any.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Throttled(string sinkName, int alertCount, TimeSpan? retryAfter, int? statusCode = null)
        => new(sinkName, DeliveryStatus.Throttled, alertCount, "the destination is rate limiting", statusCode, retryAfter);

    /// <summary>Creates the result of a delivery the destination refused for its content; it is not retried.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were refused.</param>
    /// <param name="error">A short description with no secret in it.</param>
    /// <param name="statusCode">The protocol status code, if any.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Rejected(string sinkName, int alertCount, string error, int? statusCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(sinkName, DeliveryStatus.Rejected, alertCount, error, statusCode, null);
    }

    /// <summary>Creates the result of a delivery to a destination that no longer exists; the pipeline disables the sink.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were not delivered.</param>
    /// <param name="error">A short description with no secret in it.</param>
    /// <param name="statusCode">The protocol status code, if any.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Gone(string sinkName, int alertCount, string error, int? statusCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(sinkName, DeliveryStatus.Gone, alertCount, error, statusCode, null);
    }

    /// <summary>Creates the result of a delivery skipped on purpose.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were skipped.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Skipped(string sinkName, int alertCount, string reason)
        => new(sinkName, DeliveryStatus.Skipped, alertCount, reason, null, null);

    /// <summary>Creates the result of alerts queued for a sink, to be delivered in the background.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="alertCount">How many alerts were queued.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Queued(string sinkName, int alertCount)
        => new(sinkName, DeliveryStatus.Queued, alertCount, null, null, null);

    /// <inheritdoc />
    public override string ToString()
        => Error is null ? $"{SinkName}: {Status} ({AlertCount} alerts)" : $"{SinkName}: {Status} ({AlertCount} alerts): {Error}";
}
