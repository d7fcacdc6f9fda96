using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// What one read of a snapshot file has gathered so far: kept snapshots, rejected lines, counts. At most
/// <c>maxSnapshots</c> are kept: the newest by timestamp; older ones are cut, counted and reported in one error.
/// </summary>
internal sealed class SnapshotFileReadState(int maxReportedErrors, int maxSnapshots)
{
    private readonly List<CollectionError> _errors = [];
    private readonly Dictionary<(long UtcTicks, string Source), int> _firstLines = [];

    // The kept snapshots, oldest on top, so the oldest is the one let go when a newer one comes past the cap.
    private readonly PriorityQueue<MetricSnapshot, long> _kept = new();
    private DateTimeOffset _oldestCut = DateTimeOffset.MaxValue;
    private DateTimeOffset _newestCut = DateTimeOffset.MinValue;

    /// <summary>Gets the number of snapshots kept so far.</summary>
    public int Kept => _kept.Count;

    /// <summary>Gets the number of valid snapshots of the window cut to keep at most <c>maxSnapshots</c>.</summary>
    public long Cut { get; private set; }

    /// <summary>Gets or sets the number of lines read, blank lines included.</summary>
    public int Lines { get; set; }

    /// <summary>Gets or sets the number of non-blank lines read.</summary>
    public int NonBlankLines { get; set; }

    /// <summary>Gets the number of rejected lines, reported or not.</summary>
    public int Rejected { get; private set; }

    /// <summary>Gets the kept snapshots, oldest first (of one timestamp, in file order).</summary>
    public List<MetricSnapshot> Snapshots()
    {
        var list = new List<MetricSnapshot>(_kept.Count);
        list.AddRange(_kept.UnorderedItems.OrderBy(static i => i.Priority).ThenBy(i => _firstLines[(i.Element.Timestamp.UtcTicks, i.Element.Source)]).Select(static i => i.Element));
        return list;
    }

    /// <summary>
    /// Keeps a snapshot unless one with the same timestamp and source was kept before: then the line is rejected
    /// as a duplicate (the first is kept), so fifty copies of a row cannot count fifty times. Past the cap, the
    /// oldest snapshot is let go for a newer one, or the new one is cut when it is not newer than every kept one
    /// (a copy of a snapshot already let go is cut too, never kept in its place).
    /// </summary>
    public void Accept(MetricSnapshot snapshot, int lineNumber, SnapshotFileContext context)
    {
        var key = (snapshot.Timestamp.UtcTicks, snapshot.Source);
        if (_firstLines.TryGetValue(key, out var first))
        {
            Reject(new CollectionError(
                CollectionErrorKind.InvalidData,
                $"duplicate timestamp {snapshot.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC for source '{SnapshotValueParser.Shorten(snapshot.Source)}': line {first} has it already and is kept, this line is not",
                context.Location(lineNumber)));
            return;
        }

        if (_kept.Count >= maxSnapshots)
        {
            _kept.TryPeek(out var oldest, out var oldestTicks);
            if (key.UtcTicks <= oldestTicks)
            {
                CountCut(snapshot.Timestamp);
                return;
            }

            _kept.Dequeue();
            _firstLines.Remove((oldestTicks, oldest!.Source));
            CountCut(oldest.Timestamp);
        }

        _firstLines.Add(key, lineNumber);
        _kept.Enqueue(snapshot, key.UtcTicks);
    }

    /// <summary>The error that says what the cap cut; <see langword="null"/> when nothing was cut.</summary>
    public CollectionError? CutError(string fileName) => Cut == 0 ? null : new CollectionError(
        CollectionErrorKind.Unknown,
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Cut} snapshots of the window were cut: only the newest {maxSnapshots} are kept (FileCollectorOptions.MaxSnapshots); the cut ones are from {_oldestCut.UtcDateTime:yyyy-MM-dd HH:mm:ss} to {_newestCut.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC. Ask for a shorter window or raise MaxSnapshots."),
        fileName);

    private void CountCut(DateTimeOffset timestamp)
    {
        Cut++;
        _oldestCut = timestamp < _oldestCut ? timestamp : _oldestCut;
        _newestCut = timestamp > _newestCut ? timestamp : _newestCut;
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

    /// <summary>
    /// The reported errors, with one more that counts the rejected lines left out, if any; then the one that says what
    /// the cap cut, if anything; then <paramref name="extra"/>.
    /// </summary>
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

        if (CutError(fileName) is { } cut)
        {
            errors.Add(cut);
        }

        if (extra is not null)
        {
            errors.Add(extra);
        }

        return errors;
    }
}
