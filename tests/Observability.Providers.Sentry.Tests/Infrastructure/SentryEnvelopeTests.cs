using System.Text;

namespace Observability.Providers.Sentry.Tests.Infrastructure;

/// <summary>The test's envelope reader, checked against the byte-exact examples of Sentry's developer docs.</summary>
public sealed class SentryEnvelopeTests
{
    [Theory]
    [InlineData("docs-example.two-items.envelope")]
    [InlineData("docs-example.two-items-no-trailing-newline.envelope")]
    public void Parse_DocsTwoItems_ReadsByteLengthsNotCharacters(string file)
    {
        var envelope = SentryEnvelope.Parse(File.ReadAllBytes(SentryResponse.FixturePath("envelopes/" + file)));

        Assert.Equal("9ec79c33ec9942ab8353589fcb2e04dc", envelope.Header.GetProperty("event_id").GetString());
        Assert.Equal(2, envelope.Items.Count);

        // The attachment: a UTF-8 BOM (3 bytes), "Hello" (5) and CR LF (2) = 10 bytes; the CR belongs to the payload.
        Assert.Equal("attachment", envelope.Items[0].Type);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "Hello"u8.ToArray(), 0x0D, 0x0A], envelope.Items[0].Payload);
        var sentryEvent = envelope.Items[1];
        Assert.Equal("event", sentryEvent.Type);
        Assert.Equal(41, sentryEvent.Payload.Length);
        Assert.Equal("hello world", sentryEvent.Json().GetProperty("message").GetString());
    }

    [Fact]
    public void Parse_ImplicitLength_RunsToTheNextNewline()
    {
        var envelope = SentryEnvelope.Parse(File.ReadAllBytes(SentryResponse.FixturePath("envelopes/docs-example.implicit-length-newline-terminated.envelope")));

        var item = Assert.Single(envelope.Items);
        Assert.Equal("helloworld", Encoding.UTF8.GetString(item.Payload));
    }
}
