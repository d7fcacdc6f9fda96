namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// Each alert's keys are kept, so refreshing an alert that is already in (the same alert seen again, every pass) is a
/// lookup and a timestamp, and removing one never recomputes them.
/// </summary>
internal sealed class InhibitionIndex
{
    private readonly AlertRules _rules;
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>>[] _byRule;
    private readonly Dictionary<string, string?[]> _keysOf = new(StringComparer.Ordinal);

    public InhibitionIndex(AlertRules rules)
    {
        _rules = rules;
        _byRule = new Dictionary<string, Dictionary<string, DateTimeOffset>>[rules.InhibitionCount];
        for (var r = 0; r < _byRule.Length; r++)
        {
            _byRule[r] = new Dictionary<string, Dictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
        }
    }

    public AlertRules Rules => _rules;

    /// <summary>Adds (or refreshes) a firing alert under every rule whose source matchers it satisfies.</summary>
    public void Add(Alert alert, DateTimeOffset seen)
    {
        var fingerprint = alert.Fingerprint!;
        var keys = new string?[_byRule.Length];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = _rules.IsSource(r, alert) ? _rules.EqualKey(r, alert) : null;
        }

        if (_keysOf.TryGetValue(fingerprint, out var previous) && !SameKeys(previous, keys))
        {
            Remove(fingerprint, previous);
        }

        _keysOf[fingerprint] = keys;
        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] is { } key)
            {
                if (!_byRule[r].TryGetValue(key, out var bucket))
                {
                    _byRule[r][key] = bucket = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                }

                bucket[fingerprint] = seen;
            }
        }
    }

    public void Remove(string fingerprint)
    {
        if (_keysOf.Remove(fingerprint, out var keys))
        {
            Remove(fingerprint, keys);
        }
    }

    /// <summary>Tells whether a source of rule <paramref name="rule"/> with the same <c>Equal</c> values, other than the alert itself and seen since <paramref name="since"/>, exists.</summary>
    public bool Mutes(int rule, string key, string fingerprint, DateTimeOffset since)
    {
        if (!_byRule[rule].TryGetValue(key, out var bucket))
        {
            return false;
        }

        foreach (var (source, seen) in bucket)
        {
            // An alert never mutes itself, even when it satisfies both sides of a rule.
            if (seen >= since && !string.Equals(source, fingerprint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(string fingerprint, string?[] keys)
    {
        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] is { } key && _byRule[r].TryGetValue(key, out var bucket) && bucket.Remove(fingerprint) && bucket.Count == 0)
            {
                _byRule[r].Remove(key);
            }
        }
    }

    private static bool SameKeys(string?[] a, string?[] b)
    {
        for (var r = 0; r < a.Length; r++)
        {
            if (!string.Equals(a[r], b[r], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
