namespace Observability.Internal;

/// <summary>What one read of a snapshot file has gathered so far: kept snapshots, rejected lines, counts.</summary>
internal sealed class SnapshotFileReadState(int maxReportedErrors)
{
    private readonly List<CollectionError> _errors = [];
    private readonly Dictionary<(long UtcTicks, string Source), int> _firstLines = [];

    public List<MetricSnapshot> Snapshots { get; } = [];

    /// <summary>Gets or sets the number of lines read, blank lines included.</summary>
    public int Lines { get; set; }

    /// <summary>Gets or sets the number of non-blank lines read.</summary>
    public int NonBlankLines { get; set; }

    /// <summary>Gets the number of rejected lines, reported or not.</summary>
    public int Rejected { get; private set; }

    /// <summary>
    /// Keeps a snapshot unless one with the same timestamp and source was kept before: then the line is rejected
    /// as a duplicate (the first is kept), so fifty copies of a row cannot count fifty times.
    /// </summary>
    public void Accept(MetricSnapshot snapshot, int lineNumber, SnapshotFileContext context)
    {
        if (_firstLines.TryGetValue((snapshot.Timestamp.UtcTicks, snapshot.Source), out var first))
        {
            Reject(new CollectionError(
                CollectionErrorKind.InvalidData,
                $"duplicate timestamp {snapshot.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC for source '{SnapshotValueParser.Shorten(snapshot.Source)}': line {first} has it already and is kept, this line is not",
                context.Location(lineNumber)));
            return;
        }

        _firstLines.Add((snapshot.Timestamp.UtcTicks, snapshot.Source), lineNumber);
        Snapshots.Add(snapshot);
    }

    public CollectionError? FirstError => _errors.Count > 0 ? _errors[0] : null;

    public void Reject(CollectionError error)
    {
        Rejected++;
        if (_errors.Count < maxReportedErrors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>The reported errors, with one more that counts the rejected lines left out, if any; then <paramref name="extra"/>.</summary>
    public List<CollectionError> Errors(string fileName, CollectionError? extra = null)
    {
        var errors = new List<CollectionError>(_errors);
        if (Rejected > _errors.Count)
        {
            errors.Add(new CollectionError(
                CollectionErrorKind.InvalidData,
                $"{Rejected - _errors.Count} more lines rejected (only the first {_errors.Count} are listed; {Rejected} in all)",
                fileName));
        }

        if (extra is not null)
        {
            errors.Add(extra);
        }

        return errors;
    }
}
