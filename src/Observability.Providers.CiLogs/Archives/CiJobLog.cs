namespace Observability;

/// <summary>
/// One job of a run-logs archive: its folder of step logs and, when the archive has one, the top-level
/// <c>&lt;n&gt;_&lt;job&gt;.txt</c> holding the whole job log.
/// </summary>
/// <param name="Name">The job name as the archive spells it (<c>/</c> and <c>:</c> replaced, long names cut at about 90 bytes).</param>
/// <param name="Steps">The step logs of the job's folder, by step number.</param>
/// <param name="WholeLog">The whole job log from the top-level file, or <see langword="null"/>.</param>
public sealed record CiJobLog(string Name, IReadOnlyList<CiStepLog> Steps, CiLogAnalysis? WholeLog = null)
{
    /// <summary>
    /// Gets the logs that cover the job once: the whole job log when there is one (the step files repeat parts of it),
    /// else the step logs.
    /// </summary>
    public IReadOnlyList<CiLogAnalysis> Logs => WholeLog is { } whole ? [whole] : Steps.Select(static s => s.Analysis).ToArray();

    /// <summary>Gets how the job ended: the worst conclusion of <see cref="Logs"/> (timed out, cancelled, failure, success), or unknown without logs.</summary>
    public CiRunConclusion Conclusion => Logs.Count == 0
        ? CiRunConclusion.Unknown
        : Logs.Select(static l => l.Conclusion).OrderByDescending(Severity).First();

    /// <summary>Gets the first timestamp of the job, if any.</summary>
    public DateTimeOffset? StartedAt => Logs.Select(static l => l.StartedAt).Where(static t => t is not null).Min();

    /// <summary>Gets the last timestamp of the job, if any.</summary>
    public DateTimeOffset? FinishedAt => Logs.Select(static l => l.FinishedAt).Where(static t => t is not null).Max();

    private static int Severity(CiRunConclusion conclusion) => conclusion switch
    {
        CiRunConclusion.TimedOut => 4,
        CiRunConclusion.Cancelled => 3,
        CiRunConclusion.Failure => 2,
        CiRunConclusion.Success => 1,
        _ => 0,
    };
}
