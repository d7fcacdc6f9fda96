namespace Observability;

/// <summary>One step log of a run-logs archive: the entry <c>&lt;job&gt;/&lt;number&gt;_&lt;step&gt;.txt</c>.</summary>
/// <param name="Number">The step number from the entry name (0 when the name has none).</param>
/// <param name="Name">The step name from the entry name.</param>
/// <param name="EntryPath">The entry's full path in the archive.</param>
/// <param name="Analysis">The parsed log.</param>
public sealed record CiStepLog(int Number, string Name, string EntryPath, CiLogAnalysis Analysis);
