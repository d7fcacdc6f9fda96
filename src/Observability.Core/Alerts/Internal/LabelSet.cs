using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Observability.Internal;

/// <summary>
/// A redacted alert's labels, read-only: keys and values side by side in one array, looked up by an ordinal scan.
/// An alert has a handful of labels, so this is as fast as hashing and costs two objects instead of a dictionary's
/// three (and about half the bytes); every critical alert the pipeline remembers keeps one, so the difference is what
/// a storm leaves to the garbage collector. Larger sets stay dictionaries (<see cref="MaxLength"/>).
/// </summary>
internal sealed class LabelSet : IReadOnlyDictionary<string, string>
{
    /// <summary>The most labels held in a set; more go in a dictionary.</summary>
    public const int MaxLength = 16;

    private readonly string[] _items; // key, value, key, value...; keys distinct (ordinal)

    /// <summary>Initializes a set over <paramref name="items"/>, which it owns: alternating distinct keys and values.</summary>
    public LabelSet(string[] items) => _items = items;

    public int Count => _items.Length / 2;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _items.Length; i += 2)
            {
                yield return _items[i];
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            for (var i = 1; i < _items.Length; i += 2)
            {
                yield return _items[i];
            }
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The alert has no label '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _items[index + 1];
        return true;
    }

    /// <summary>
    /// Writes <paramref name="key"/> and <paramref name="value"/> into <paramref name="items"/> (filled up to
    /// <paramref name="length"/>): over the key's earlier value if it is there, else at the end; returns the new length.
    /// </summary>
    public static int Put(string[] items, int length, string key, string value)
    {
        for (var i = 0; i < length; i += 2)
        {
            if (string.Equals(items[i], key, StringComparison.Ordinal))
            {
                items[i + 1] = value;
                return length;
            }
        }

        items[length] = key;
        items[length + 1] = value;
        return length + 2;
    }

    /// <summary>Tells whether both sets hold the same labels in the same order (the same input makes the same set).</summary>
    public bool SameInOrder(LabelSet other) => _items.AsSpan().SequenceEqual(other._items);

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = _items;
        for (var i = 0; i < items.Length; i += 2)
        {
            if (string.Equals(items[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the labels in the order they were given.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, string>>
    {
        private readonly string[] _items;
        private int _index;

        internal Enumerator(string[] items)
        {
            _items = items;
            _index = -2;
        }

        public readonly KeyValuePair<string, string> Current => new(_items[_index], _items[_index + 1]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            _index += 2;
            return _index < _items.Length;
        }

        public void Reset() => _index = -2;

        public readonly void Dispose()
        {
        }
    }
}
