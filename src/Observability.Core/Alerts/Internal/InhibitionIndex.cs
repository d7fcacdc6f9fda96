namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// The ledger's index keeps each alert's keys (<c>trackKeys</c>), so refreshing an alert that is already in (the same
/// alert seen again, every pass) is a lookup and a timestamp, and removing one never recomputes them; a batch's index
/// is only added to and read, and keeps none.
/// </summary>
internal sealed class InhibitionIndex
{
    private readonly AlertRules _rules;
    private readonly Dictionary<EqualValues, Sources>[] _byRule;
    private readonly Dictionary<string, EqualValues?[]>? _keysOf;

    public InhibitionIndex(AlertRules rules, bool trackKeys = true)
    {
        _rules = rules;
        _byRule = new Dictionary<EqualValues, Sources>[rules.InhibitionCount];
        for (var r = 0; r < _byRule.Length; r++)
        {
            _byRule[r] = [];
        }

        _keysOf = trackKeys ? new Dictionary<string, EqualValues?[]>(StringComparer.Ordinal) : null;
    }

    public AlertRules Rules => _rules;

    /// <summary>Adds (or refreshes) a firing alert under every rule whose source matchers it satisfies.</summary>
    public void Add(Alert alert, DateTimeOffset seen)
    {
        var fingerprint = alert.Fingerprint!;
        if (_keysOf is null)
        {
            for (var r = 0; r < _byRule.Length; r++)
            {
                if (_rules.IsSource(r, alert))
                {
                    SourcesOf(r, _rules.EqualKey(r, alert)).Set(fingerprint, seen);
                }
            }

            return;
        }

        EqualValues?[]? keys = null;
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_rules.IsSource(r, alert))
            {
                (keys ??= new EqualValues?[_byRule.Length])[r] = _rules.EqualKey(r, alert);
            }
        }

        if (keys is null)
        {
            Remove(fingerprint); // mutes nothing (any more): nothing to keep for it
            return;
        }

        if (!_keysOf.TryGetValue(fingerprint, out var previous))
        {
            _keysOf[fingerprint] = keys;
        }
        else if (!SameKeys(previous, keys))
        {
            Remove(fingerprint, previous);
            _keysOf[fingerprint] = keys;
        }

        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] is { } key)
            {
                SourcesOf(r, key).Set(fingerprint, seen);
            }
        }
    }

    /// <summary>Refreshes the time of an alert already in, without recomputing its keys.</summary>
    public void Touch(string fingerprint, DateTimeOffset seen)
    {
        if (_keysOf is null || !_keysOf.TryGetValue(fingerprint, out var keys))
        {
            return;
        }

        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] is { } key && _byRule[r].TryGetValue(key, out var sources))
            {
                sources.Set(fingerprint, seen);
            }
        }
    }

    public void Remove(string fingerprint)
    {
        if (_keysOf is not null && _keysOf.Remove(fingerprint, out var keys))
        {
            Remove(fingerprint, keys);
        }
    }

    /// <summary>Tells whether a source of rule <paramref name="rule"/> with the same <c>Equal</c> values, other than the alert itself and seen since <paramref name="since"/>, exists.</summary>
    public bool Mutes(int rule, EqualValues key, string fingerprint, DateTimeOffset since)
        => _byRule[rule].TryGetValue(key, out var sources) && sources.AnyBut(fingerprint, since);

    private Sources SourcesOf(int rule, EqualValues key)
    {
        if (!_byRule[rule].TryGetValue(key, out var sources))
        {
            _byRule[rule][key] = sources = new Sources();
        }

        return sources;
    }

    private void Remove(string fingerprint, EqualValues?[] keys)
    {
        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] is { } key && _byRule[r].TryGetValue(key, out var sources) && sources.Remove(fingerprint) && sources.IsEmpty)
            {
                _byRule[r].Remove(key);
            }
        }
    }

    private static bool SameKeys(EqualValues?[] a, EqualValues?[] b)
    {
        for (var r = 0; r < a.Length; r++)
        {
            if (!Nullable.Equals(a[r], b[r]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sources under one key: most keys have one, held inline; a dictionary only for the others.</summary>
    private sealed class Sources
    {
        private string? _first;
        private DateTimeOffset _firstSeen;
        private Dictionary<string, DateTimeOffset>? _others;

        public bool IsEmpty => _first is null;

        public void Set(string fingerprint, DateTimeOffset seen)
        {
            if (_first is null || string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                (_first, _firstSeen) = (fingerprint, seen);
                return;
            }

            (_others ??= new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal))[fingerprint] = seen;
        }

        public bool Remove(string fingerprint)
        {
            if (!string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                return _others is not null && _others.Remove(fingerprint);
            }

            _first = null;
            if (_others is { Count: > 0 })
            {
                var (next, seen) = _others.First();
                _others.Remove(next);
                (_first, _firstSeen) = (next, seen);
            }

            return true;
        }

        // An alert never mutes itself, even when it satisfies both sides of a rule.
        public bool AnyBut(string fingerprint, DateTimeOffset since)
        {
            if (_first is not null && _firstSeen >= since && !string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                return true;
            }

            if (_others is not null)
            {
                foreach (var (source, seen) in _others)
                {
                    if (seen >= since && !string.Equals(source, fingerprint, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
