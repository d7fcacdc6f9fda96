using System.Diagnostics;
using System.Globalization;
using Observability.Eval.Detectors;

namespace Observability.Eval.Nab;

/// <summary>The <c>nab</c> command: load a corpus, run every registered detector, score and print the table and the last line.</summary>
internal static class NabCommand
{
    private static readonly string[] LastLineProfiles = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

    /// <summary>Runs the evaluation; returns the exit code.</summary>
    public static int Run(string dataDirectory, string labelPath, string? profilePath, IReadOnlyList<string>? detectorNames, TextWriter output, TextWriter error)
    {
        var profiles = profilePath is null ? NabProfile.Defaults : NabProfileReader.Read(profilePath);
        var missing = LastLineProfiles.Where(p => !profiles.Any(q => q.Name == p)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"error: the profiles must include {string.Join(", ", missing)}.");
            return 1;
        }

        var detectors = DetectorRegistry.All.Where(d => detectorNames is null || detectorNames.Contains(d.Name)).ToList();
        if (detectors.Count == 0)
        {
            error.WriteLine($"error: no registered detector is named {string.Join(", ", detectorNames!)}; known: {string.Join(", ", DetectorRegistry.All.Select(d => d.Name))}.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var corpus = NabCorpus.Load(dataDirectory, labelPath, error);
        var evaluator = new NabEvaluator(corpus);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NAB corpus {dataDirectory}: {corpus.Count} files, {corpus.Sum(s => s.Length)} rows, {evaluator.WindowCount} windows (loaded in {clock.ElapsedMilliseconds} ms)."));
        foreach (var profile in profiles)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {profile.Name}: A_TP={profile.TruePositiveWeight} A_FP={profile.FalsePositiveWeight} A_FN={profile.FalseNegativeWeight}, null raw {evaluator.NullRaw(profile):0.###}, perfect raw {evaluator.PerfectRaw(profile):0.###}"));
        }

        var results = new List<(string Name, IReadOnlyList<NabDetectorResult> Results)>();
        foreach (var (name, create) in detectors)
        {
            clock.Restart();
            var scores = evaluator.Run(name, create);
            var runMs = clock.ElapsedMilliseconds;
            var scored = evaluator.Score(scores, profiles);
            results.Add((name, scored));
            NabTable.Write(output, name, scored, runMs, clock.ElapsedMilliseconds - runMs);
        }

        var first = results[0];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"nab detector={first.Name} standard={Pick(first.Results, "standard"):0.00} reward_low_fp={Pick(first.Results, "reward_low_FP_rate"):0.00} reward_low_fn={Pick(first.Results, "reward_low_FN_rate"):0.00}"));
        return 0;
    }

    private static double Pick(IReadOnlyList<NabDetectorResult> results, string profile) => results.First(r => r.Profile.Name == profile).Normalized;
}
