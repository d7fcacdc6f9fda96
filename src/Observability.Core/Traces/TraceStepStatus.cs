namespace Observability;

/// <summary>How a step of an <see cref="ExecutionTrace"/> ended.</summary>
public enum TraceStepStatus
{
    /// <summary>The step had not ended when the trace was stored (shown as ⏳).</summary>
    Running,

    /// <summary>The step succeeded (shown as ✅).</summary>
    Succeeded,

    /// <summary>The step failed (shown as ❌).</summary>
    Failed,
}
