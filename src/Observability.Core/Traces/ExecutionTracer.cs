using Observability.Internal;

namespace Observability;

/// <summary>
/// Records a command as a trace of steps, for <see cref="DebugLastCommand"/> and your logs: <see cref="Start(string, string?)"/> opens a
/// <see cref="TraceRecording"/> (and an <c>observability.command</c> activity, so log lines written meanwhile carry its
/// trace id), each step is timed and marked succeeded or failed, and the finished trace goes to the
/// <see cref="TraceStore"/>. Every text (command, step names and details, the error, the run link) is redacted.
/// Registered by <c>AddObservability</c>.
/// </summary>
/// <example>
/// <code>
/// using var trace = tracer.Start("/diagnose", userId: interaction.UserId);
/// using (trace.BeginStep("Validate input")) { Validate(request); }
/// using (var step = trace.BeginStep("Trigger workflow"))
/// {
///     var run = await TriggerAsync(request, ct);
///     trace.RunLink = run.HtmlUrl;
/// }
/// </code>
/// </example>
public sealed class ExecutionTracer
{
    private readonly TraceStore _store;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="ExecutionTracer"/> class.</summary>
    /// <param name="store">Where finished traces go.</param>
    /// <param name="redactor">Redacts every text of a trace.</param>
    /// <param name="timeProvider">Dates and times the steps; default <see cref="TimeProvider.System"/>.</param>
    public ExecutionTracer(TraceStore store, SecretRedactor redactor, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(redactor);
        _store = store;
        _redactor = redactor;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Starts recording a command.</summary>
    /// <param name="command">The command, for example <c>/diagnose</c>.</param>
    /// <param name="userId">The user who ran it; <see langword="null"/> for the service's own work.</param>
    /// <returns>The recording; dispose it (or call <see cref="TraceRecording.Complete"/>) to store the trace.</returns>
    public TraceRecording Start(string command, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (userId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        }

        return Start(command, userId, "observability.command");
    }

    /// <summary>Starts a recording under the activity name <paramref name="activityName"/> (the pass uses <c>observability.pass</c>).</summary>
    internal TraceRecording Start(string command, string? userId, string activityName)
        => new(_store, _redactor, _time, _redactor.RedactText(command), userId is null ? null : _redactor.RedactText(userId), activityName);
}
