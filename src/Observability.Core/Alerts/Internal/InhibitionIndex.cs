namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// </summary>
internal sealed class InhibitionIndex
{
    private readonly AlertRules _rules;
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>>[] _byRule;

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
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_rules.IsSource(r, alert))
            {
                var key = _rules.EqualKey(r, alert);
                if (!_byRule[r].TryGetValue(key, out var bucket))
                {
                    _byRule[r][key] = bucket = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                }

                bucket[alert.Fingerprint!] = seen;
            }
        }
    }

    public void Remove(Alert alert)
    {
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_rules.IsSource(r, alert) && _byRule[r].TryGetValue(_rules.EqualKey(r, alert), out var bucket)
                && bucket.Remove(alert.Fingerprint!) && bucket.Count == 0)
            {
                _byRule[r].Remove(_rules.EqualKey(r, alert));
            }
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
}
