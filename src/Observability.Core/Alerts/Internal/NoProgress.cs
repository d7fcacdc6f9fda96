namespace Observability.Internal;

/// <summary>A progress receiver that ignores what it is told: a sink called without one reports into this.</summary>
internal sealed class NoProgress : IProgress<int>
{
    public static readonly NoProgress Instance = new();

    private NoProgress()
    {
    }

    public void Report(int value)
    {
    }
}
