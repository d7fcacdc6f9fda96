using System.Diagnostics;
using Observability.Internal;

namespace Observability;

/// <summary>
/// A command being recorded by <see cref="ExecutionTracer"/>: add steps, set the error and the run link, then dispose it
/// (or call <see cref="Complete"/>) to store the trace. Thread-safe. At most <see cref="MaxSteps"/> steps are kept; later
/// ones are counted in <see cref="ExecutionTrace.OmittedSteps"/>.
/// </summary>
public sealed class TraceRecording : IDisposable
{
    /// <summary>The most steps one trace keeps.</summary>
    public const int MaxSteps = 1000;

    private readonly Lock _gate = new();
    private readonly List<StepEntry> _steps = [];
    private readonly TraceStore _store;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly string? _userId;
    private Activity? _activity;
    private string? _error;
    private Uri? _runLink;
    private int _omitted;
    private ExecutionTrace? _completed;

    internal TraceRecording(TraceStore store, SecretRedactor redactor, TimeProvider time, string command, string? userId, string activityName)
    {
        _store = store;
        _redactor = redactor;
        _time = time;
        Command = command;
        _userId = userId;
        _activity = ObservabilityTelemetry.Source.StartActivity(activityName);
        _activity?.SetTag("observability.command", command);
        TraceId = (_activity?.TraceId ?? Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
        StartedAt = time.GetUtcNow();
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>Gets the trace id (the activity's W3C trace id).</summary>
    public string TraceId { get; }

    /// <summary>Gets the trace fingerprint: the first 8 characters of <see cref="TraceId"/>.</summary>
    public string Fingerprint => TraceFingerprint.Of(TraceId);

    /// <summary>Gets the command, redacted.</summary>
    public string Command { get; }

    /// <summary>Gets when the command started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the command's activity (<see langword="null"/> when nobody listens to <see cref="ObservabilityInstrumentation.ActivitySourceName"/>).</summary>
    internal Activity? Activity => _activity;

    /// <summary>Gets or sets a link to the run the command started (a CI run, a dashboard); redacted when set.</summary>
    public Uri? RunLink
    {
        get
        {
            lock (_gate)
            {
                return _runLink;
            }
        }

        set
        {
            var safe = value is null ? null : Uri.TryCreate(_redactor.RedactText(value.OriginalString), UriKind.Absolute, out var redacted) ? redacted : null;
            lock (_gate)
            {
                _runLink = safe;
            }
        }
    }

    /// <summary>Starts a timed step; dispose it to end it (succeeded unless <see cref="TraceStepScope.Fail(string)"/> was called).</summary>
    /// <param name="name">The step's name, for example <c>Trigger workflow</c>.</param>
    /// <returns>The running step.</returns>
    public TraceStepScope BeginStep(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return BeginStep(name, "observability.step");
    }

    /// <summary>Adds a step measured elsewhere.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="status">How it ended.</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="detail">A short detail (redacted), or <see langword="null"/>.</param>
    public void AddStep(string name, TraceStepStatus status, TimeSpan duration, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var entry = new StepEntry(_redactor.RedactText(name), _time.GetUtcNow() - duration) { Status = status, Duration = duration, Detail = Redact(detail) };
        Append(entry);
    }

    /// <summary>Marks the command failed with an error (redacted); the last error set wins.</summary>
    /// <param name="error">What went wrong.</param>
    public void Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var safe = _redactor.RedactText(error);
        lock (_gate)
        {
            _error = safe;
        }

        ObservabilityTelemetry.Fail(_activity, safe);
    }

    /// <summary>Marks the command failed by an exception: its type and redacted message.</summary>
    /// <param name="exception">The exception.</param>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var safe = $"{exception.GetType().Name}: {_redactor.RedactText(exception.Message)}";
        lock (_gate)
        {
            _error = safe;
        }

        ObservabilityTelemetry.Fail(_activity, exception, _redactor);
    }

    /// <summary>Ends the command and stores its trace; later calls return the same trace. Steps still running are stored as running.</summary>
    /// <returns>The stored trace.</returns>
    public ExecutionTrace Complete()
    {
        Activity? activity;
        ExecutionTrace trace;
        lock (_gate)
        {
            if (_completed is not null)
            {
                return _completed;
            }

            trace = new ExecutionTrace
            {
                TraceId = TraceId,
                Command = Command,
                UserId = _userId,
                StartedAt = StartedAt,
                Duration = _time.GetElapsedTime(_startTimestamp),
                Steps = _steps.Select(static s => s.ToStep()).ToArray(),
                OmittedSteps = _omitted,
                Error = _error,
                RunLink = _runLink,
            };
            _completed = trace;
            activity = _activity;
            _activity = null;
        }

        if (activity is not null)
        {
            if (trace.Error is null)
            {
                activity.SetStatus(ActivityStatusCode.Ok);
            }

            activity.Dispose();
        }

        _store.Add(trace);
        return trace;
    }

    /// <summary>Completes the recording (see <see cref="Complete"/>).</summary>
    public void Dispose() => Complete();

    /// <summary>Starts a step under the activity name <paramref name="activityName"/> (the pass's steps use <c>observability.collect</c> and the like).</summary>
    internal TraceStepScope BeginStep(string name, string activityName)
    {
        // A child of the command's activity: the ambient one when it belongs to this trace (so stopping the step
        // restores it), else the command's context explicitly (a step begun on another async flow).
        var command = _activity;
        var parent = command is not null && Activity.Current?.TraceId != command.TraceId ? command.Context : default;
        var activity = ObservabilityTelemetry.Source.StartActivity(activityName, ActivityKind.Internal, parent);
        var redactedName = _redactor.RedactText(name);
        activity?.SetTag("observability.step", redactedName); // the span leaves the process: never the raw name
        var entry = new StepEntry(redactedName, _time.GetUtcNow());
        Append(entry);
        return new TraceStepScope(this, entry, activity, _time.GetTimestamp());
    }

    internal string? Redact(string? text) => text is null ? null : _redactor.RedactText(text);

    internal void End(StepEntry entry, TraceStepStatus status, TimeSpan duration, string? detail)
    {
        lock (_gate)
        {
            entry.Status = status;
            entry.Duration = duration;
            entry.Detail = detail ?? entry.Detail;
        }
    }

    internal SecretRedactor Redactor => _redactor;

    internal TimeProvider Time => _time;

    private void Append(StepEntry entry)
    {
        lock (_gate)
        {
            if (_completed is not null)
            {
                return; // a step after the end is not part of the stored trace
            }

            if (_steps.Count >= MaxSteps)
            {
                _omitted++;
                return;
            }

            _steps.Add(entry);
        }
    }

    /// <summary>A step while it is recorded (mutable under the recording's lock).</summary>
    internal sealed class StepEntry(string name, DateTimeOffset startedAt)
    {
        public TraceStepStatus Status { get; set; } = TraceStepStatus.Running;

        public TimeSpan? Duration { get; set; }

        public string? Detail { get; set; }

        public TraceStep ToStep() => new() { Name = name, Status = Status, StartedAt = startedAt, Duration = Duration, Detail = Detail };
    }
}
