namespace Observability;

/// <summary>One job of a run-logs archive: a folder of step logs, or a top-level <c>&lt;n&gt;_&lt;job&gt;.txt</c> holding the whole job log as its one step.</summary>
/// <param name="Name">The job name as the archive spells it (<c>/</c> and <c>:</c> replaced, long names cut at about 90 bytes).</param>
/// <param name="Steps">The step logs, by step number.</param>
public sealed record CiJobLog(string Name, IReadOnlyList<CiStepLog> Steps)
{
    /// <summary>Gets how the job ended: the worst step conclusion (timed out, cancelled, failure, success), or unknown without steps.</summary>
    public CiRunConclusion Conclusion => Steps.Count == 0
        ? CiRunConclusion.Unknown
        : Steps.Select(static s => s.Analysis.Conclusion).OrderByDescending(Severity).First();

    /// <summary>Gets the first timestamp of the job, if any.</summary>
    public DateTimeOffset? StartedAt => Steps.Select(static s => s.Analysis.StartedAt).Where(static t => t is not null).Min();

    /// <summary>Gets the last timestamp of the job, if any.</summary>
    public DateTimeOffset? FinishedAt => Steps.Select(static s => s.Analysis.FinishedAt).Where(static t => t is not null).Max();

    private static int Severity(CiRunConclusion conclusion) => conclusion switch
    {
        CiRunConclusion.TimedOut => 4,
        CiRunConclusion.Cancelled => 3,
        CiRunConclusion.Failure => 2,
        CiRunConclusion.Success => 1,
        _ => 0,
    };
}
