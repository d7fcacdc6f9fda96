namespace Observability.Eval.Nab;

/// <summary>One detector's result for one profile over a corpus.</summary>
/// <param name="Profile">The cost profile.</param>
/// <param name="Threshold">The corpus-wide threshold the sweep chose (1.1 means "detect nothing").</param>
/// <param name="Totals">The corpus totals re-scored at <paramref name="Threshold"/>.</param>
/// <param name="Normalized">100 x (raw - null) / (perfect - null) for this corpus and profile.</param>
internal sealed record NabDetectorResult(NabProfile Profile, double Threshold, NabFileScore Totals, double Normalized);
