using System.Buffers;
using System.Globalization;

namespace Observability;

/// <summary>Reading an answer's body within <see cref="PrometheusCollectorOptions.MaxResponseBytes"/>.</summary>
public sealed partial class PrometheusCollector
{
    private const int ReadChunkBytes = 64 * 1024;

    /// <summary>
    /// Reads the answer's body, at most <see cref="PrometheusCollectorOptions.MaxResponseBytes"/>: a larger <c>Content-Length</c>
    /// is refused before reading, and a body without one (or longer than it said) stops being read one chunk past the cap.
    /// </summary>
    private async Task<ResponseBody> ReadBodyAsync(string queryName, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > _maxResponseBytes)
        {
            return new ResponseBody(null, 0, TooLarge(queryName, string.Create(CultureInfo.InvariantCulture, $"announced an answer of {declared:N0} bytes (Content-Length), more than MaxResponseBytes ({_maxResponseBytes:N0} bytes); the answer was not read")));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? ReadChunkBytes, _maxResponseBytes) + 1);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _maxResponseBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, length, null);
                    }

                    length += read;
                    if (length > _maxResponseBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return new ResponseBody(null, 0, TooLarge(queryName, string.Create(CultureInfo.InvariantCulture, $"sent an answer longer than MaxResponseBytes ({_maxResponseBytes:N0} bytes) without announcing its length; reading stopped there")));
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    private CollectionError TooLarge(string queryName, string what)
        => new(CollectionErrorKind.InvalidData,
            $"query '{queryName}': Prometheus at {_displayEndpoint} {what}. Narrow the query (aggregate it with sum(...), a longer Step or a shorter window) or raise MaxResponseBytes",
            queryName);

    /// <summary>A body read into a pooled buffer (returned on dispose), or why it was not read.</summary>
    private sealed class ResponseBody(byte[]? buffer, int length, CollectionError? tooLarge) : IDisposable
    {
        private byte[]? _buffer = buffer;

        public CollectionError? TooLarge { get; } = tooLarge;

        public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, length);

        public void Dispose()
        {
            if (_buffer is { } b)
            {
                _buffer = null;
                ArrayPool<byte>.Shared.Return(b);
            }
        }
    }
}
