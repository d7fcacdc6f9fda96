namespace Observability.Internal;

/// <summary>One side's usable samples of a metric (sorted, finite) and their summary.</summary>
internal sealed class CanarySample
{
    private CanarySample(double[] values, int dropped)
    {
        Values = values;
        Dropped = dropped;
        if (values.Length > 0)
        {
            var middle = values.Length / 2;
            Median = values.Length % 2 == 1 ? values[middle] : (values[middle - 1] / 2) + (values[middle] / 2);

            // A running mean cannot overflow where a plain sum of large finite values would.
            var mean = 0.0;
            for (var i = 0; i < values.Length; i++)
            {
                mean += (values[i] - mean) / (i + 1);
            }

            Mean = mean;
        }
    }

    /// <summary>Gets the finite samples, sorted ascending.</summary>
    public double[] Values { get; }

    /// <summary>Gets how many NaN or infinite samples were dropped.</summary>
    public int Dropped { get; }

    /// <summary>Gets the number of usable samples.</summary>
    public int Count => Values.Length;

    /// <summary>Gets the median, or null without samples.</summary>
    public double? Median { get; }

    /// <summary>Gets the mean, or null without samples.</summary>
    public double? Mean { get; }

    /// <summary>Gets a value indicating whether there are samples and all are equal.</summary>
    public bool IsConstant => Values.Length > 0 && Values[0] == Values[^1];

    /// <summary>Keeps the finite values of <paramref name="samples"/> (none when null) and counts the rest.</summary>
    public static CanarySample From(IReadOnlyList<double>? samples)
    {
        if (samples is null || samples.Count == 0)
        {
            return new CanarySample([], 0);
        }

        var values = new List<double>(samples.Count);
        foreach (var value in samples)
        {
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        var array = values.ToArray();
        Array.Sort(array);
        return new CanarySample(array, samples.Count - array.Length);
    }
}
