using System.Runtime.InteropServices;

namespace Observability.Internal;

/// <summary>
/// A block of zeroed native memory, owned: freed by <see cref="SafeHandle.Dispose()"/> or, if nobody disposes it, when the
/// collector finalizes it. Its owner reads and writes it through <see cref="Pointer"/> while it holds the buffer.
/// </summary>
internal sealed unsafe class NativeBuffer : SafeHandle
{
    public NativeBuffer(nuint bytes)
        : base(IntPtr.Zero, ownsHandle: true)
        => SetHandle((IntPtr)NativeMemory.AllocZeroed(bytes));

    public override bool IsInvalid => handle == IntPtr.Zero;

    public void* Pointer => (void*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
