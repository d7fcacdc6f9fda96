using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// A fingerprint's 32 bytes folded into 16: what the tables that remember alerts by fingerprint hold instead of its
/// 64-character string (a 152-byte object for the garbage collector to trace and promote, hashed and compared through a
/// reference).
/// </summary>
/// <remarks>
/// The last 16 bytes, each word put through a bijective mixer, are XORed into the first 16. Of a SHA-256 (the library's
/// fingerprints) that keeps what the whole gives a table: two different alerts share a digest by chance with a probability
/// of 2^-128, and making an alert share one with a given alert takes about 2^128 attempts, so no label an attacker controls
/// can make one alert pass for another. Keys given by hand in the same form (64 lower-case hex characters) that differ in
/// only one half, a counter at the end say, still differ, as the mixer spreads each half over the whole. Half the bytes make
/// the tables' slots 24 bytes (with an 8-byte value) instead of 40: fewer cache lines, fewer pages, less to clear as a
/// storm grows them. Two 8-byte words, not a <see cref="UInt128"/>, which is aligned on 16 bytes and would widen such a
/// slot to 32.
/// </remarks>
internal readonly struct Digest : ITableKey<Digest>
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>Initializes a digest from its first and last 8 bytes, read big-endian.</summary>
    public Digest(ulong high, ulong low) => (_high, _low) = (high, low);

    // Folds 32 bytes: the first two words, each XORed with the mixed word 16 bytes further on.
    private Digest(ReadOnlySpan<byte> bytes)
        : this(
            BinaryPrimitives.ReadUInt64BigEndian(bytes) ^ Mix(BinaryPrimitives.ReadUInt64BigEndian(bytes[16..])),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) ^ Mix(BinaryPrimitives.ReadUInt64BigEndian(bytes[24..])))
    {
    }

    public static bool operator ==(Digest left, Digest right) => left.Equals(right);

    public static bool operator !=(Digest left, Digest right) => !left.Equals(right);

    /// <summary>Reads a fingerprint as the library writes it: 64 lower-case hexadecimal characters (that do not fold to all zeros).</summary>
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
    /// The identity of any fingerprint: its bytes folded when it is one the library wrote (<see cref="TryParse"/>),
    /// otherwise those of the SHA-256 of its text (a fingerprint given by hand).
    /// </summary>
    public static Digest Of(string fingerprint)
    {
        if (TryParse(fingerprint, out var digest))
        {
            return digest;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(fingerprint));
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

    // The finalizer of SplitMix64 (Steele, Lea and Flood, 2014): a bijection on 64 bits in which every input bit moves about
    // half of the output bits.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Gets a value indicating whether this is the empty digest (all zeros), which no fingerprint has.</summary>
    public bool IsEmpty => (_high | _low) == 0;

    /// <summary>Gets the two words folded into one (the digest is uniform: either would do, and a key that differs in one lands elsewhere).</summary>
    public ulong Hash => _high ^ _low;

    public bool Equals(Digest other) => _high == other._high && _low == other._low;

    public override bool Equals(object? obj) => obj is Digest other && Equals(other);

    public override int GetHashCode() => (int)Hash ^ (int)(Hash >> 32);
}
