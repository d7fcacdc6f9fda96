namespace Observability.Internal;

/// <summary>
/// The values of the labels an inhibition rule's <c>Equal</c> list names, as one key: references to the alert's own
/// strings, compared ordinally, so a lookup or a stored key costs no new string. Up to two values (the default rule's
/// service and category) are held inline. The hash is computed once, when the key is made, and kept with it: a table
/// compares it before the strings, grows without hashing them again, and finds a key by its hash alone.
/// </summary>
internal readonly struct EqualValues : ITableKey<EqualValues>
{
    private readonly string _first;
    private readonly string? _second;
    private readonly string[]? _more; // the third value on, when the rule names more than two labels
    private readonly int _hash;

    public EqualValues(string[] labels, Alert alert)
    {
        _first = labels.Length > 0 ? AlertMatcher.ValueOf(alert, labels[0]) : string.Empty;
        _second = labels.Length > 1 ? AlertMatcher.ValueOf(alert, labels[1]) : null;
        if (labels.Length > 2)
        {
            _more = new string[labels.Length - 2];
            for (var i = 2; i < labels.Length; i++)
            {
                _more[i - 2] = AlertMatcher.ValueOf(alert, labels[i]);
            }
        }

        var hash = new HashCode();
        hash.Add(_first, StringComparer.Ordinal);
        hash.Add(_second, StringComparer.Ordinal);
        foreach (var value in _more ?? [])
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Gets a value indicating whether this is the default value, no key at all (a key made from an alert always has a first value).</summary>
    public bool IsEmpty => _first is null;

    /// <summary>Gets the hash of the values (computed once, with the process's randomised string hashing).</summary>
    public ulong Hash => (uint)_hash;

    public bool Equals(EqualValues other)
        => _hash == other._hash
        && string.Equals(_first, other._first, StringComparison.Ordinal)
        && string.Equals(_second, other._second, StringComparison.Ordinal)
        && (ReferenceEquals(_more, other._more) || (_more is not null && other._more is not null && _more.AsSpan().SequenceEqual(other._more)));

    public override bool Equals(object? obj) => obj is EqualValues other && Equals(other);

    public override int GetHashCode() => _hash;
}
