using System.Text.Json;

namespace Observability.Internal;

/// <summary>Small helpers of the summary JSON writers: nulls for unknown values, the <c>_metadata</c> block.</summary>
internal static class SummaryJson
{
    /// <summary>The version of the summary files' shape, written as <c>_metadata.schema_version</c>.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The options of every summary file: indented, with non-ASCII text (arrows, accents) kept readable.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void NumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void IntegerOrNull(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void StringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void Strings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A day is complete when every expected snapshot slot had a usable snapshot.</summary>
    public static bool IsComplete(DataCompleteness completeness) => completeness.Missing == 0 && completeness.Actual > 0;

    /// <summary>
    /// Writes <c>_metadata</c> (<c>complete</c> or <c>partial</c>), then our extras (unusable and missing snapshots).
    /// </summary>
    public static void Metadata(this Utf8JsonWriter writer, DateTimeOffset generatedAt, bool complete, int expected, int actual, int unusable, int missing, double percent, IEnumerable<string> warnings)
    {
        writer.WriteStartObject("_metadata");
        writer.WriteString("schema_version", SchemaVersion);
        writer.WriteString("generated_at", SummaryUnits.Time(generatedAt));
        writer.WriteString("data_completeness", complete ? "complete" : "partial");
        writer.WriteNumber("expected_snapshots", expected);
        writer.WriteNumber("actual_snapshots", actual);
        writer.WriteNumber("completeness_percent", percent);
        writer.Strings("warnings", warnings);
        writer.WriteNumber("unusable_snapshots", unusable);
        writer.WriteNumber("missing_snapshots", missing);
        writer.WriteEndObject();
    }
}
