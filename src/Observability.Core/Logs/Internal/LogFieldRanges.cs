using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>Where each text field of a record sits in its line: a start and a length with the kind in the low bits.</summary>
[InlineArray(Count * 2)]
internal struct LogFieldRanges
{
    public const int Count = 14;

    private int _element0;

    public void Set(LogField field, int start, int length, LogValueKind kind)
    {
        this[2 * (int)field] = start;
        this[(2 * (int)field) + 1] = (length << 2) | (int)kind;
    }

    public readonly LogValueKind Kind(LogField field) => (LogValueKind)(this[(2 * (int)field) + 1] & 3);

    public readonly int Start(LogField field) => this[2 * (int)field];

    public readonly int Length(LogField field) => this[(2 * (int)field) + 1] >> 2;
}
