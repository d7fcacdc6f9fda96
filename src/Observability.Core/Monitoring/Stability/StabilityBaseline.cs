using System.Globalization;
using System.Text.Json;

namespace Observability;

/// <summary>
/// Reads a baseline file: one JSON object of metric name to value, for example
/// <c>{ "availability": 0.9995, "latency_p99_ms": 280 }</c>. Every value must be a finite number above 0,
/// since drift is relative to it. Problems name the file and what is wrong.
/// </summary>
public static class StabilityBaseline
{
    /// <summary>Reads the baseline file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The values by metric name, in the file's order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a JSON object of metric names to numbers above 0.</exception>
    public static IReadOnlyDictionary<string, double> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The baseline file '{path}' does not exist.", path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The baseline file '{path}' could not be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a baseline file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file's name or path, for messages.</param>
    /// <returns>The values by metric name, in the text's order.</returns>
    /// <exception cref="InvalidDataException">The text is not a JSON object of metric names to numbers above 0.</exception>
    public static IReadOnlyDictionary<string, double> Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                string.Create(CultureInfo.InvariantCulture, $"The baseline file '{fileName}' is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}): expected an object of metric name to number, for example {{ \"availability\": 0.9995 }}."),
                ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The baseline file '{fileName}' holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; expected an object of metric name to number, for example {{ \"availability\": 0.9995 }}.");
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.IsNullOrWhiteSpace(property.Name))
                {
                    problems.Add("a metric has an empty name");
                }
                else if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value) || !double.IsFinite(value) || value <= 0)
                {
                    problems.Add($"'{property.Name}' must be a number above 0 (drift is relative to it), got {property.Value.GetRawText()}");
                }
                else if (!values.TryAdd(property.Name, value))
                {
                    problems.Add($"'{property.Name}' appears twice");
                }
            }

            if (problems.Count > 0)
            {
                throw new InvalidDataException($"The baseline file '{fileName}' is malformed: {string.Join("; ", problems)}.");
            }

            if (values.Count == 0)
            {
                throw new InvalidDataException($"The baseline file '{fileName}' holds no metric; expected at least one, for example {{ \"availability\": 0.9995 }}.");
            }

            return values;
        }
    }
}
