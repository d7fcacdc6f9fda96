namespace Observability;

/// <summary>
/// A rollback command (<c>Observability:Rollback:Command</c>): an executable and its arguments, started directly,
/// never through a shell, so no text is ever interpolated into a command line. The request reaches the command as
/// the environment variables <c>OBS_ROLLBACK_SERVICE</c>, <c>OBS_ROLLBACK_REASON</c>, <c>OBS_ROLLBACK_TRACE_ID</c>
/// and <c>OBS_ROLLBACK_VERDICT</c>. Exit code 0 means rolled back.
/// </summary>
public sealed class RollbackCommandOptions
{
    /// <summary>Gets or sets the executable (a path, or a name looked up on <c>PATH</c>). Default: <see langword="null"/> (no command).</summary>
    public string? FileName { get; set; }

    /// <summary>Gets the arguments, each passed as one argument as written (no quoting, no expansion).</summary>
    public IList<string> Arguments { get; } = new List<string>();

    /// <summary>Gets or sets the working folder. Default: <see langword="null"/> (the process's current folder).</summary>
    public string? WorkingDirectory { get; set; }
}
