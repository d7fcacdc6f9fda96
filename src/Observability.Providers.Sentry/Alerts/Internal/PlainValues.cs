using System.Collections;
using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Copies alert context values into the plain shapes the Sentry SDK writes as JSON without reflection: strings,
/// numbers, booleans, string-keyed dictionaries and lists. Anything else becomes its invariant text.
/// </summary>
internal static class PlainValues
{
    private const int MaxDepth = 8;

    public static object? Plain(object? value, int depth = 0) => value switch
    {
        null => null,
        string or bool or int or long or double or float or decimal or short or byte or uint or ulong => value,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Uri uri => uri.OriginalString,
        Enum e => e.ToString(),
        _ when depth >= MaxDepth => "…",
        IReadOnlyDictionary<string, object?> map => Map(map, depth),
        IDictionary map => Map(map, depth),
        IEnumerable<KeyValuePair<string, string>> pairs => pairs.ToDictionary(static p => p.Key, static p => (object?)p.Value, StringComparer.Ordinal),
        IEnumerable list => List(list, depth),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The entries of a context dictionary in any of the shapes the redactor leaves.</summary>
    public static Dictionary<string, object?>? AsMap(object? value, int depth = 0) => Plain(value, depth) as Dictionary<string, object?>;

    private static Dictionary<string, object?> Map(IReadOnlyDictionary<string, object?> map, int depth)
    {
        var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, item) in map)
        {
            result[key] = Plain(item, depth + 1);
        }

        return result;
    }

    private static Dictionary<string, object?> Map(IDictionary map, int depth)
    {
        var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value, depth + 1);
        }

        return result;
    }

    private static List<object?> List(IEnumerable list, int depth)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            result.Add(Plain(item, depth + 1));
        }

        return result;
    }
}
