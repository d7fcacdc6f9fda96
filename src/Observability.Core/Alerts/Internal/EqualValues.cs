namespace Observability.Internal;

/// <summary>
/// The values of the labels an inhibition rule's <c>Equal</c> list names, as one key: references to the alert's own
/// strings, compared ordinally, so a lookup or a stored key costs no new string. Up to three values are held inline.
/// </summary>
internal readonly struct EqualValues : IEquatable<EqualValues>
{
    private readonly string _first;
    private readonly string? _second;
    private readonly string? _third;
    private readonly string[]? _all;

    public EqualValues(string[] labels, Alert alert)
    {
        switch (labels.Length)
        {
            case 0:
                _first = string.Empty;
                break;
            case <= 3:
                _first = AlertMatcher.ValueOf(alert, labels[0]);
                _second = labels.Length > 1 ? AlertMatcher.ValueOf(alert, labels[1]) : null;
                _third = labels.Length > 2 ? AlertMatcher.ValueOf(alert, labels[2]) : null;
                break;
            default:
                _all = new string[labels.Length];
                for (var i = 0; i < labels.Length; i++)
                {
                    _all[i] = AlertMatcher.ValueOf(alert, labels[i]);
                }

                _first = _all[0];
                break;
        }
    }

    public bool Equals(EqualValues other)
        => string.Equals(_first, other._first, StringComparison.Ordinal)
        && string.Equals(_second, other._second, StringComparison.Ordinal)
        && string.Equals(_third, other._third, StringComparison.Ordinal)
        && (ReferenceEquals(_all, other._all) || (_all is not null && other._all is not null && _all.AsSpan().SequenceEqual(other._all)));

    public override bool Equals(object? obj) => obj is EqualValues other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_first, StringComparer.Ordinal);
        hash.Add(_second, StringComparer.Ordinal);
        hash.Add(_third, StringComparer.Ordinal);
        foreach (var value in _all ?? [])
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
