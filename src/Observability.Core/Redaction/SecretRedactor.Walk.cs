using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observability.Internal;

namespace Observability;

/// <summary>The walk over structured values: dictionaries, lists, tuples, JSON and objects, with a depth and cycle guard.</summary>
public sealed partial class SecretRedactor
{
    /// <summary>How deep a value is walked; deeper parts are replaced by <see cref="TooDeep"/>.</summary>
    internal const int MaxDepth = 32;

    /// <summary>What stands for a part nested deeper than <see cref="MaxDepth"/>.</summary>
    internal const string TooDeep = "[too deep]";

    /// <summary>What stands for a value that contains itself.</summary>
    internal const string Cycle = "[cycle]";

    /// <summary>What stands for a property whose getter throws (the exception's message might quote a secret).</summary>
    internal const string Unreadable = "[unreadable]";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    private static bool IsScalar(object value) => value.GetType().IsPrimitive
        || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum or DateOnly or TimeOnly or Half or Int128 or UInt128 or System.Numerics.BigInteger or Version;

    /// <summary>Objects whose properties lead into the runtime rather than into data: shown as their redacted text.</summary>
    private static bool IsOpaque(object value) => value is Exception or MemberInfo or Assembly or Module or Delegate or Stream or Task or CancellationToken or WaitHandle or IServiceProvider;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A trimmed application may lose properties it never reads; the walk then shows fewer properties, which hides data and never reveals it.")]
    private static PropertyInfo[] ReadableProperties(Type type) => PropertiesByType.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(static p => p.CanRead && p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        .ToArray());

    /// <summary>One walk: the objects on the current path, to stop at a cycle.</summary>
    private sealed class Walk(SecretRedactor redactor)
    {
        private HashSet<object>? _path;

        public object? Pair(string key, object? value, int depth) => Value(value, depth, redactor.IsSecretKey(key));

        public Dictionary<string, object?> Pairs(IEnumerable<KeyValuePair<string, object?>> pairs, int depth, bool mask)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                result[key] = mask ? Value(value, depth + 1, mask: true) : Pair(key, value, depth + 1);
            }

            return result;
        }

        public object? Value(object? value, int depth, bool mask = false)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return mask ? redactor.MaskValue(text) : redactor.RedactText(text);
                case Uri uri:
                    return mask ? redactor.MaskValue(uri.OriginalString) : new Uri(redactor.RedactText(uri.OriginalString), UriKind.RelativeOrAbsolute);
                case JsonElement or JsonNode:
                    return Value(JsonValues.ToPlain(value), depth, mask);
                case var _ when IsScalar(value):
                    return mask ? redactor.MaskValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) : value;
                case var _ when IsOpaque(value):
                    var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    return mask ? redactor.MaskValue(shown) : redactor.RedactText(shown);
            }

            if (depth >= MaxDepth)
            {
                return TooDeep;
            }

            var reference = !value.GetType().IsValueType;
            if (reference && !(_path ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(value))
            {
                return Cycle;
            }

            try
            {
                return Structure(value, depth, mask);
            }
            finally
            {
                if (reference)
                {
                    _path!.Remove(value);
                }
            }
        }

        private object? Structure(object value, int depth, bool mask) => value switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => Pairs(pairs, depth, mask),
            IEnumerable<KeyValuePair<string, string>> pairs => Pairs(pairs.Select(static p => KeyValuePair.Create(p.Key, (object?)p.Value)), depth, mask),
            IDictionary dictionary => Pairs(Entries(dictionary), depth, mask),
            IEnumerable list => Items(list.Cast<object?>(), depth, mask),
            ITuple tuple => Items(Enumerable.Range(0, tuple.Length).Select(i => tuple[i]), depth, mask),
            _ => Properties(value, depth, mask),
        };

        private List<object?> Items(IEnumerable<object?> items, int depth, bool mask)
        {
            var result = new List<object?>();
            foreach (var item in items)
            {
                result.Add(Value(item, depth + 1, mask));
            }

            return result;
        }

        /// <summary>A record or other object: its public properties by the key-based rule, or its redacted text when it has none.</summary>
        private object? Properties(object value, int depth, bool mask)
        {
            var properties = ReadableProperties(value.GetType());
            if (properties.Length == 0)
            {
                var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                return mask ? redactor.MaskValue(shown) : redactor.RedactText(shown);
            }

            return Pairs(properties.Select(p => KeyValuePair.Create(p.Name, Read(p, value))), depth, mask);
        }

        private static object? Read(PropertyInfo property, object target)
        {
            try
            {
                return property.GetValue(target);
            }
            catch (TargetInvocationException)
            {
                return Unreadable;
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return KeyValuePair.Create(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
            }
        }
    }
}
