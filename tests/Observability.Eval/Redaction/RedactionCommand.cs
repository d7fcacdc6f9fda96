using System.IO.Compression;
using System.Text.Json;

namespace Observability.Eval.Redaction;

/// <summary>
/// <c>redaction --corpus &lt;file.jsonl[.gz]&gt; --out &lt;outputs.jsonl&gt;</c>: runs the default redactor over each line's
/// <c>text</c>, writes <c>{"id":...,"output":...}</c> per line and scores as the corpus README says: a secret line
/// passes when no 8-character run of the secret's core survives (the core is the secret without its last 4
/// characters and without a leading type prefix); a benign line passes only when the output equals the input.
/// </summary>
internal static class RedactionCommand
{
    /// <summary>Runs the command; returns 0, or 1 on bad data.</summary>
    public static int Run(string corpusPath, string outputPath, TextWriter output, TextWriter error)
    {
        var redactor = new SecretRedactor(new RedactionOptions());
        int secrets = 0, caught = 0, benign = 0, altered = 0, lineNumber = 0;
        using var corpus = OpenCorpus(corpusPath);
        using var outputs = new StreamWriter(outputPath);
        while (corpus.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            if (!root.TryGetProperty("text", out var textElement) || textElement.GetString() is not { } text)
            {
                error.WriteLine($"error: line {lineNumber}: no 'text' string.");
                return 1;
            }

            var redacted = redactor.RedactText(text);
            outputs.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = Id(root), ["output"] = redacted }));
            var label = root.TryGetProperty("label", out var l) ? l.GetString() : null;
            if (label == "secret" && root.TryGetProperty("secret", out var s) && s.GetString() is { } secret)
            {
                secrets++;
                caught += RedactionScore.Survives(secret, redacted) ? 0 : 1;
            }
            else if (label == "benign")
            {
                benign++;
                altered += redacted == text ? 0 : 1;
            }
        }

        var recall = secrets == 0 ? 0 : (double)caught / secrets;
        var falsePositiveRate = benign == 0 ? 0 : (double)altered / benign;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"redaction secrets={secrets} recall={recall:0.000} benign={benign} false_positive_rate={falsePositiveRate:0.000}"));
        return 0;
    }

    private static object? Id(JsonElement root) => root.TryGetProperty("id", out var id)
        ? id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) ? n : id.ToString()
        : null;

    private static StreamReader OpenCorpus(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream);
    }
}
