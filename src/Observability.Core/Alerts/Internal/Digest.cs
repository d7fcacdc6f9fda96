using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// A fingerprint's 32 bytes: what the tables that remember alerts by fingerprint hold instead of its 64-character string
/// (a 152-byte object for the garbage collector to trace and promote, hashed and compared through a reference).
/// </summary>
/// <remarks>Four 8-byte words, not two <see cref="UInt128"/>s: those are aligned on 16 bytes, which would widen a table's
/// 40-byte slot (the digest and an 8-byte value) to 48.</remarks>
internal readonly struct Digest : IEquatable<Digest>
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Initializes a digest from its first and last 16 bytes, read big-endian.</summary>
    public Digest(UInt128 high, UInt128 low) => (_a, _b, _c, _d) = ((ulong)(high >> 64), (ulong)high, (ulong)(low >> 64), (ulong)low);

    private Digest(ReadOnlySpan<byte> bytes)
        => (_a, _b, _c, _d) = (BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));

    public static bool operator ==(Digest left, Digest right) => left.Equals(right);

    public static bool operator !=(Digest left, Digest right) => !left.Equals(right);

    /// <summary>Reads a fingerprint as the library writes it: 64 lower-case hexadecimal characters, not all zeros.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out Digest digest)
    {
        Span<byte> bytes = stackalloc byte[32];
        if (hex.Length != 64 || hex.ContainsAnyExcept(LowerHex) || Convert.FromHexString(hex, bytes, out _, out var written) != OperationStatus.Done || written != 32)
        {
            digest = default;
            return false;
        }

        digest = new Digest(bytes);
        return digest != default; // all zeros marks a free slot in the tables: such a fingerprint is taken as text
    }

    /// <summary>
    /// The identity of any fingerprint: its bytes when it is one the library wrote (<see cref="TryParse"/>), otherwise the
    /// SHA-256 of its text (a fingerprint given by hand). Two fingerprints share a digest only when they are the same text,
    /// and none is all zeros, short of a SHA-256 collision or preimage.
    /// </summary>
    public static Digest Of(string fingerprint)
    {
        if (TryParse(fingerprint, out var digest))
        {
            return digest;
        }

        var length = Encoding.UTF8.GetByteCount(fingerprint);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, Encoding.UTF8.GetBytes(fingerprint, rented)), hash);
            return new Digest(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Folds the four words into one (the digest is uniform: any word will do, and a key that differs in any lands elsewhere).</summary>
    public ulong Folded => _a ^ _b ^ _c ^ _d;

    public bool Equals(Digest other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is Digest other && Equals(other);

    public override int GetHashCode() => (int)Folded ^ (int)(Folded >> 32);
}
