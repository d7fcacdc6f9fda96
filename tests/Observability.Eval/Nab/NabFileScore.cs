namespace Observability.Eval.Nab;

/// <summary>The score of one file (or a sum of files) at one threshold and profile.</summary>
/// <param name="Raw">The raw NAB score: best true positive per detected window, minus A_FN per missed window, plus every false positive.</param>
/// <param name="Detections">Scorable rows whose anomaly score is at or above the threshold.</param>
/// <param name="DetectedWindows">Windows with at least one detection.</param>
/// <param name="MissedWindows">Windows without a detection.</param>
/// <param name="FalsePositives">Detections outside every window.</param>
internal readonly record struct NabFileScore(double Raw, int Detections, int DetectedWindows, int MissedWindows, int FalsePositives)
{
    /// <summary>Adds two scores, for corpus totals.</summary>
    public static NabFileScore operator +(NabFileScore a, NabFileScore b) => new(
        a.Raw + b.Raw,
        a.Detections + b.Detections,
        a.DetectedWindows + b.DetectedWindows,
        a.MissedWindows + b.MissedWindows,
        a.FalsePositives + b.FalsePositives);
}
