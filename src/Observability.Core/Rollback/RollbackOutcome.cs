namespace Observability;

/// <summary>How a rollback action ended.</summary>
public enum RollbackOutcome
{
    /// <summary>Rolled back: the command exited 0, or the HTTP call was answered 2xx.</summary>
    Succeeded,

    /// <summary>The action ran and said no: a non-zero exit code or a non-2xx answer.</summary>
    Failed,

    /// <summary>The action was stopped at <see cref="RollbackOptions.Timeout"/>.</summary>
    TimedOut,

    /// <summary>The action could not run: no action is configured, the command could not start, the server could not be reached.</summary>
    Error,

    /// <summary>The caller cancelled while the action ran.</summary>
    Cancelled,
}
