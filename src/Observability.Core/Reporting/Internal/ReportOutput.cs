using System.Text;

namespace Observability.Internal;

/// <summary>How every reporter puts its rendering on the destination stream: UTF-8 without a byte order mark, the stream left open and flushed.</summary>
internal static class ReportOutput
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text rendered in memory (Markdown, HTML).</summary>
    public static async Task WriteTextAsync(StringBuilder text, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var writer = new StreamWriter(destination, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var chunk in text.GetChunks())
            {
                await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what <paramref name="write"/> puts in a memory buffer (a small JSON document written synchronously), then copies it.</summary>
    public static async Task WriteBufferedAsync(Action<Stream> write, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
