using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Testing;
using Observability.Tests.Http;
namespace Observability.Core.Tests.Redaction;

/// <content>What the test reads back from each output: an alert, a span, a trace, a report file (the PDF inflated).</content>
public sealed partial class SecretsEndToEndTests
{
    private static string AlertText(Alert alert)
    {
        var text = new StringBuilder()
            .AppendLine(alert.Rule).AppendLine(alert.Title).AppendLine(alert.Message).AppendLine(alert.RootCause)
            .AppendLine(alert.Source).AppendLine(alert.TraceId).AppendLine(alert.Fingerprint);
        foreach (var (key, value) in alert.Labels)
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        foreach (var link in alert.Links)
        {
            text.Append(link.Title).Append(' ').AppendLine(link.Url.OriginalString);
        }

        text.AppendLine(System.Text.Json.JsonSerializer.Serialize(alert.Context));
        return text.ToString();
    }

    private static string ActivityText(Activity activity)
    {
        var text = new StringBuilder().AppendLine(activity.DisplayName).AppendLine(activity.StatusDescription);
        foreach (var (key, value) in activity.TagObjects)
        {
            text.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var e in activity.Events)
        {
            text.AppendLine(e.Name);
            foreach (var (key, value) in e.Tags)
            {
                text.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        return text.ToString();
    }

    private static string TraceText(ExecutionTrace trace)
    {
        var text = new StringBuilder().AppendLine(trace.Command).AppendLine(trace.TraceId).AppendLine(trace.Error).AppendLine(trace.RunLink?.OriginalString);
        foreach (var step in trace.Steps)
        {
            text.AppendLine(step.Name).AppendLine(step.Detail);
        }

        return text.ToString();
    }

    /// <summary>A report's text; for a PDF, also every stream inflated (its text streams are Flate-compressed).</summary>
    private static string ReadReport(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = new StringBuilder(Encoding.UTF8.GetString(bytes));
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            var raw = Encoding.Latin1.GetString(bytes);
            var at = 0;
            while ((at = raw.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
            {
                var start = at + "stream".Length;
                if (at >= 3 && raw.AsSpan(at - 3, 3).SequenceEqual("end"))
                {
                    at = start;
                    continue;
                }

                start += raw[start] == '\r' ? 2 : 1;
                var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                try
                {
                    using var zlib = new ZLibStream(new MemoryStream(bytes, start, end - start), CompressionMode.Decompress);
                    using var inflated = new MemoryStream();
                    zlib.CopyTo(inflated);
                    text.AppendLine(Encoding.Latin1.GetString(inflated.ToArray()));
                }
                catch (InvalidDataException)
                {
                    // Not a Flate stream (an image, or uncompressed): already in the raw text.
                }

                at = end + "endstream".Length;
            }
        }

        return text.ToString();
    }

    private static byte[] FakePdf(string content)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes("BT (" + content + ") Tj ET"));
        }

        var output = new MemoryStream();
        output.Write("%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\n"u8);
        output.Write(compressed.ToArray());
        output.Write("\nendstream\nendobj\n%%EOF\n"u8);
        return output.ToArray();
    }
}
