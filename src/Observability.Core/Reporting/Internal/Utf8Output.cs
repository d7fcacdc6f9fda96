using System.Buffers;
using System.Globalization;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// A pooled UTF-8 buffer that large renderings (<c>snapshots.csv</c>: millions of numbers) write into directly and
/// flush to the destination in chunks: no string per number or row, and no whole-file copy in memory.
/// </summary>
internal sealed class Utf8Output : IDisposable
{
    /// <summary>How full the buffer gets before <see cref="FlushIfFullAsync"/> writes it out.</summary>
    public const int ChunkSize = 1 << 16;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize * 2);
    private int _length;

    public void Byte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    /// <summary>Appends bytes already encoded (a literal such as <c>"true"u8</c>).</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>Appends text, encoded as UTF-8.</summary>
    public void Text(string value)
    {
        _length += Encoding.UTF8.GetBytes(value, Reserve(Encoding.UTF8.GetMaxByteCount(value.Length)));
    }

    /// <summary>Appends a number in its shortest round-trip form, invariant culture (as the JSON report writes it; <c>NaN</c>, <c>Infinity</c> as text).</summary>
    public void Number(double value)
    {
        if (!value.TryFormat(Reserve(32), out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Could not format {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        _length += written;
    }

    /// <summary>Appends a time as UTC ISO 8601 to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public void UtcSeconds(DateTimeOffset time)
    {
        var t = time.UtcDateTime;
        var span = Reserve(20);
        Digits(span, t.Year, 4);
        span[4] = (byte)'-';
        Digits(span[5..], t.Month, 2);
        span[7] = (byte)'-';
        Digits(span[8..], t.Day, 2);
        span[10] = (byte)'T';
        Digits(span[11..], t.Hour, 2);
        span[13] = (byte)':';
        Digits(span[14..], t.Minute, 2);
        span[16] = (byte)':';
        Digits(span[17..], t.Second, 2);
        span[19] = (byte)'Z';
        _length += 20;
    }

    /// <summary>Writes what the buffer holds once it holds a chunk, so the caller can keep appending.</summary>
    public ValueTask FlushIfFullAsync(Stream destination, CancellationToken cancellationToken)
        => _length >= ChunkSize ? FlushAsync(destination, cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes what the buffer holds and empties it.</summary>
    public async ValueTask FlushAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_length > 0)
        {
            await destination.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
            _length = 0;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + size));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length);
    }

    private static void Digits(Span<byte> destination, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
