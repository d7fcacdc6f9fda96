namespace Observability.Internal;

/// <summary>
/// A chart's value axis: the range drawn and its ticks at round values (1, 2, 2.5 or 5 times a power of ten), so the
/// labels read 0 %, 2.5 %, 5 % rather than 0.23 %, 1.41 %. A bound the chart fixes (<see cref="SvgChart.MinY"/>,
/// <see cref="SvgChart.MaxY"/>) is kept as it is; a bound taken from the data gets a little room and is moved out to the
/// next tick. Data that never goes below zero never gets a negative axis. One definition for the page and the PDF.
/// </summary>
internal readonly record struct ChartAxis(double Low, double High, double[] Ticks)
{
    private const int TargetTicks = 5;

    public static ChartAxis For(SvgChart chart)
    {
        var values = chart.Series.SelectMany(static s => s.Points).Select(static p => p.Value).OfType<double>().Where(double.IsFinite)
            .Concat(chart.Lines.Select(static l => l.Value)).Where(double.IsFinite).ToArray();
        return For(values, chart.MinY, chart.MaxY);
    }

    public static ChartAxis For(IReadOnlyCollection<double> values, double? minY, double? maxY)
    {
        var lo = minY ?? (values.Count > 0 ? values.Min() : 0);
        var hi = maxY ?? (values.Count > 0 ? values.Max() : 1);
        var nonNegative = values.Count == 0 || lo >= 0;
        var room = (hi - lo) * 0.05;
        if (minY is null && values.Count > 0) { lo -= room; }
        if (maxY is null && values.Count > 0) { hi += room; }
        if (nonNegative && minY is null && lo < 0) { lo = 0; }
        if (hi <= lo) { hi = lo + (Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1); }

        var step = NiceStep((hi - lo) / (TargetTicks - 1));
        if (minY is null) { lo = Math.Floor((lo / step) + 1e-9) * step; }
        if (maxY is null) { hi = Math.Ceiling((hi / step) - 1e-9) * step; }

        var ticks = new List<double>(TargetTicks + 2);
        for (var k = Math.Ceiling((lo / step) - 1e-9); k * step <= hi + (step * 1e-9); k++)
        {
            ticks.Add(Clean(k * step, step));
        }

        return new ChartAxis(lo, hi, [.. ticks]);
    }

    /// <summary>The round step (1, 2, 2.5 or 5 times a power of ten) at or above <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    // k * step in binary floating point can be 0.30000000000000004; round to the step's own precision.
    private static double Clean(double value, double step)
    {
        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var rounded = Math.Round(value, digits);
        return rounded == 0 ? 0 : rounded; // never -0
    }
}
