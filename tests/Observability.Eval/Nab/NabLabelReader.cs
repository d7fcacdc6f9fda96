using System.Text.Json;

namespace Observability.Eval.Nab;

/// <summary>Reads NAB's <c>combined_windows.json</c>: relative file path to a list of <c>[start, end]</c> timestamp pairs.</summary>
internal static class NabLabelReader
{
    /// <summary>Reads <paramref name="path"/>; a malformed file throws <see cref="FormatException"/> saying where.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(DateTime Start, DateTime End)>> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: expected a JSON object mapping file paths to lists of [start, end] windows.");
            }

            var result = new Dictionary<string, IReadOnlyList<(DateTime, DateTime)>>(StringComparer.Ordinal);
            foreach (var file in document.RootElement.EnumerateObject())
            {
                var key = file.Name.Replace('\\', '/');
                if (file.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"{path}: the entry '{file.Name}' must be a list of [start, end] windows.");
                }

                var windows = new List<(DateTime, DateTime)>();
                var index = 0;
                foreach (var window in file.Value.EnumerateArray())
                {
                    windows.Add(ReadWindow(path, file.Name, index++, window));
                }

                result[key] = windows;
            }

            return result;
        }
    }

    private static (DateTime, DateTime) ReadWindow(string path, string file, int index, JsonElement window)
    {
        if (window.ValueKind != JsonValueKind.Array || window.GetArrayLength() != 2
            || window[0].ValueKind != JsonValueKind.String || window[1].ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{path}: window {index} of '{file}' must be a pair of timestamp strings.");
        }

        var startText = window[0].GetString()!;
        var endText = window[1].GetString()!;
        if (!NabTimestamps.TryParse(startText, out var start) || !NabTimestamps.TryParse(endText, out var end))
        {
            throw new FormatException($"{path}: window {index} of '{file}' has a timestamp that does not parse: [{startText}, {endText}].");
        }

        if (end < start)
        {
            throw new FormatException($"{path}: window {index} of '{file}' ends ({endText}) before it starts ({startText}).");
        }

        return (start, end);
    }
}
