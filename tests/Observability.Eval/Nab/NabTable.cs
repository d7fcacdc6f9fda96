using System.Globalization;

namespace Observability.Eval.Nab;

/// <summary>Prints one detector's results as a small table.</summary>
internal static class NabTable
{
    /// <summary>Writes the table of <paramref name="name"/>'s results.</summary>
    public static void Write(TextWriter output, string name, IReadOnlyList<NabDetectorResult> results, long runMs, long scoreMs)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"detector {name} (run {runMs} ms, scoring {scoreMs} ms)"));
        output.WriteLine("  profile              normalised        raw  threshold  detections  TP windows  missed    FPs");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                inv,
                $"  {r.Profile.Name,-20} {r.Normalized,10:0.00} {r.Totals.Raw,10:0.000} {r.Threshold,10:G6} {r.Totals.Detections,11} {r.Totals.DetectedWindows,11} {r.Totals.MissedWindows,7} {r.Totals.FalsePositives,6}"));
        }
    }
}
