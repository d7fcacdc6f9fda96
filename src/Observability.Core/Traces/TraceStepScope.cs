using System.Diagnostics;
using Observability.Internal;

namespace Observability;

/// <summary>A running step of a <see cref="TraceRecording"/>: dispose it to end it, succeeded unless <see cref="Fail(string)"/> was called.</summary>
public sealed class TraceStepScope : IDisposable
{
    private readonly TraceRecording _recording;
    private readonly TraceRecording.StepEntry _entry;
    private readonly long _startTimestamp;
    private readonly TimeProvider _time;
    private Activity? _activity;
    private string? _detail;
    private string? _error;
    private int _ended;

    internal TraceStepScope(TraceRecording recording, TraceRecording.StepEntry entry, Activity? activity, long startTimestamp)
    {
        _recording = recording;
        _entry = entry;
        _activity = activity;
        _startTimestamp = startTimestamp;
        _time = recording.Time;
    }

    /// <summary>Gets the step's activity (<see langword="null"/> when nobody listens).</summary>
    internal Activity? Activity => _activity;

    /// <summary>Sets a short detail shown beside the step (redacted), for example a count.</summary>
    /// <param name="detail">The detail.</param>
    public void SetDetail(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        _detail = _recording.Redact(detail);
    }

    /// <summary>Marks the step failed, with what went wrong (redacted) as its detail.</summary>
    /// <param name="error">What went wrong.</param>
    public void Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        _error = _recording.Redact(error);
        ObservabilityTelemetry.Fail(_activity, _error!);
    }

    /// <summary>Marks the step failed by an exception: its type and redacted message.</summary>
    /// <param name="exception">The exception.</param>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _error = $"{exception.GetType().Name}: {_recording.Redact(exception.Message)}";
        ObservabilityTelemetry.Fail(_activity, exception, _recording.Redactor);
    }

    /// <summary>Ends the step (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var failed = _error is not null;
        _recording.End(_entry, failed ? TraceStepStatus.Failed : TraceStepStatus.Succeeded, _time.GetElapsedTime(_startTimestamp), _error ?? _detail);
        var activity = _activity;
        _activity = null;
        if (activity is not null)
        {
            if (!failed)
            {
                activity.SetStatus(ActivityStatusCode.Ok);
            }

            activity.Dispose();
        }
    }
}
