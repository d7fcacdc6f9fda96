using System.Text;
using System.Text.Json;

namespace Observability.Providers.Sentry.Tests.Infrastructure;

/// <summary>An item of an envelope: its header and its payload bytes.</summary>
internal sealed record SentryEnvelopeItem(JsonElement Header, byte[] Payload)
{
    public string Type => Header.GetProperty("type").GetString()!;

    public JsonElement Json() => JsonDocument.Parse(Payload).RootElement.Clone();
}

/// <summary>
/// Reads Sentry envelopes as the developer docs define them: a one-line JSON header, then items made of a one-line
/// JSON header and a payload of <c>length</c> bytes (or, without <c>length</c>, up to the next newline or the end),
/// each followed by an optional newline that is a separator, not part of the payload.
/// </summary>
internal sealed record SentryEnvelope(JsonElement Header, IReadOnlyList<SentryEnvelopeItem> Items)
{
    public static SentryEnvelope Parse(byte[] bytes)
    {
        var position = 0;
        var header = ReadLine(bytes, ref position) ?? throw new FormatException("The envelope is empty.");
        var items = new List<SentryEnvelopeItem>();
        while (position < bytes.Length)
        {
            var itemHeaderBytes = ReadLine(bytes, ref position);
            if (itemHeaderBytes is null || itemHeaderBytes.Length == 0)
            {
                continue;
            }

            var itemHeader = JsonDocument.Parse(itemHeaderBytes).RootElement.Clone();
            byte[] payload;
            if (itemHeader.TryGetProperty("length", out var length))
            {
                var count = length.GetInt32();
                if (position + count > bytes.Length)
                {
                    throw new FormatException($"Item of {count} bytes runs past the end ({bytes.Length - position} left).");
                }

                payload = bytes[position..(position + count)];
                position += count;
                if (position < bytes.Length && bytes[position] == (byte)'\n')
                {
                    position++;
                }
            }
            else
            {
                payload = ReadLine(bytes, ref position) ?? [];
            }

            items.Add(new SentryEnvelopeItem(itemHeader, payload));
        }

        return new SentryEnvelope(JsonDocument.Parse(header).RootElement.Clone(), items);
    }

    public SentryEnvelopeItem Event() => Assert.Single(Items, static i => i.Type == "event");

    private static byte[]? ReadLine(byte[] bytes, ref int position)
    {
        if (position >= bytes.Length)
        {
            return null;
        }

        var end = Array.IndexOf(bytes, (byte)'\n', position);
        var line = end < 0 ? bytes[position..] : bytes[position..end];
        position = end < 0 ? bytes.Length : end + 1;
        return line;
    }

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Header));
}
