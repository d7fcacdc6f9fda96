namespace Observability.Eval.Nab;

/// <summary>A labelled anomaly window of one series, as inclusive row indices.</summary>
/// <param name="First">The index of the window's first row.</param>
/// <param name="Last">The index of the window's last row (inclusive).</param>
internal readonly record struct NabWindow(int First, int Last)
{
    /// <summary>Gets the window's width in rows.</summary>
    public int Width => Last - First + 1;
}
