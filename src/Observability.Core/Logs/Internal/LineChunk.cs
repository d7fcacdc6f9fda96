using System.Buffers;

namespace Observability.Internal;

/// <summary>
/// Copies lines into 64 KiB chunks (a longer line gets a chunk of its own), so records own their bytes without one
/// allocation per line and without one large-object-heap buffer per batch.
/// </summary>
internal sealed class LineChunk
{
    private const int ChunkSize = 64 * 1024;

    private byte[] _chunk = [];
    private int _used;

    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> line)
    {
        var target = Reserve(line.Length);
        line.CopyTo(target.Span);
        return target;
    }

    public ReadOnlyMemory<byte> Copy(ReadOnlySequence<byte> line)
    {
        var target = Reserve((int)line.Length);
        line.CopyTo(target.Span);
        return target;
    }

    private Memory<byte> Reserve(int length)
    {
        if (_chunk.Length - _used < length)
        {
            _chunk = new byte[Math.Max(ChunkSize, length)];
            _used = 0;
        }

        var target = _chunk.AsMemory(_used, length);
        _used += length;
        return target;
    }
}
