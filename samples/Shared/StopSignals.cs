using System.Runtime.InteropServices;

namespace Observability.Samples;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (docker stop, systemctl stop, a cancelled CI job) stop a sample the same way: they cancel
/// <see cref="Token"/>, the sample ends itself (writing what it has) and exits 130. Without SIGTERM registered the runtime
/// would end the process at once, and a week's run would leave only its raw snapshots.
/// </summary>
/// <remarks>Linked into every sample from <c>samples/Shared</c> (see <c>samples/Directory.Build.props</c>).</remarks>
internal sealed class StopSignals : IDisposable
{
    /// <summary>The exit code of a stopped sample, as a shell reports Ctrl+C (128 + SIGINT).</summary>
    public const int ExitCode = 130;

    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public StopSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Gets the token that either signal cancels.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Gets a value indicating whether a signal asked the sample to stop.</summary>
    public bool IsStopRequested => _stop.IsCancellationRequested;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true; // the sample ends itself, after writing what it has
        _stop.Cancel();
    }
}
