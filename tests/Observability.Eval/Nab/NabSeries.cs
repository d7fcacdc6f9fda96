namespace Observability.Eval.Nab;

/// <summary>One data file of a NAB-layout corpus with its rows labelled by the anomaly windows.</summary>
/// <param name="RelativePath">The path below the data folder with '/' separators, the key of the label file.</param>
/// <param name="Timestamps">The rows' timestamps, in file order (which may step back where the clock did).</param>
/// <param name="Values">The rows' values, in file order.</param>
/// <param name="WindowOf">For each row, the index of the window holding its timestamp (windows in time order), or -1.</param>
/// <param name="WindowCount">The number of labelled windows that hold at least one row.</param>
internal sealed record NabSeries(string RelativePath, DateTime[] Timestamps, double[] Values, int[] WindowOf, int WindowCount)
{
    /// <summary>Gets the number of rows.</summary>
    public int Length => Values.Length;
}
