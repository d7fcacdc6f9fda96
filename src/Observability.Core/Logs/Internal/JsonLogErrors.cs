using System.Globalization;

namespace Observability.Internal;

/// <summary>The errors of one collection of JSON logs: rejected lines (the first ones listed, all counted) and file failures.</summary>
internal sealed class JsonLogErrors(int maxReported)
{
    private readonly List<CollectionError> _lines = [];
    private readonly List<CollectionError> _files = [];

    /// <summary>Gets the number of rejected lines, listed or not.</summary>
    public long Rejected { get; private set; }

    public int Count => _lines.Count + _files.Count + (Rejected > _lines.Count ? 1 : 0);

    /// <summary>The listed line errors, one more that counts the others, then the file failures.</summary>
    public List<CollectionError> List
    {
        get
        {
            var list = new List<CollectionError>(_lines);
            if (Rejected > _lines.Count)
            {
                list.Add(new CollectionError(
                    CollectionErrorKind.InvalidData,
                    string.Create(CultureInfo.InvariantCulture, $"{Rejected - _lines.Count} more lines rejected (only the first {_lines.Count} are listed; {Rejected} in all)")));
            }

            list.AddRange(_files);
            return list;
        }
    }

    public void Add(CollectionError fileFailure) => _files.Add(fileFailure);

    public void AddRejected(string fileName, LogIngestionStatistics statistics)
    {
        Rejected += statistics.Rejected;
        foreach (var line in statistics.Rejections)
        {
            if (_lines.Count >= maxReported)
            {
                return;
            }

            _lines.Add(new CollectionError(
                CollectionErrorKind.InvalidData,
                $"{line.Reason}: {line.Message}",
                string.Create(CultureInfo.InvariantCulture, $"{fileName}, line {line.LineNumber}")));
        }
    }
}
