namespace Observability.Eval.Nab;

/// <summary>One data file of a NAB-layout corpus with its labelled windows.</summary>
/// <param name="RelativePath">The path below the data folder with '/' separators, the key of the label file.</param>
/// <param name="Timestamps">The rows' timestamps, in file order.</param>
/// <param name="Values">The rows' values, in file order.</param>
/// <param name="Windows">The labelled windows in row indices, in time order.</param>
internal sealed record NabSeries(string RelativePath, DateTime[] Timestamps, double[] Values, IReadOnlyList<NabWindow> Windows)
{
    /// <summary>Gets the number of rows.</summary>
    public int Length => Values.Length;
}
