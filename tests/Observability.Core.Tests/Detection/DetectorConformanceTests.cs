namespace Observability.Core.Tests.Detection;

/// <summary>What every <see cref="IAnomalyDetector"/> in the library promises, checked for each of them.</summary>
public sealed class DetectorConformanceTests
{
    public static TheoryData<string> Detectors => new() { "ewma", "zscore", "bollinger", "cusum", "page_hinkley" };

    private static IAnomalyDetector Create(string name) => name switch
    {
        "ewma" => new EwmaDetector(),
        "zscore" => new ZScoreDetector(),
        "bollinger" => new BollingerBandDetector(),
        "cusum" => new CusumDetector(),
        "page_hinkley" => new PageHinkleyDetector(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown detector."),
    };

    // Noise with spikes, a level shift at 300 and a dip at 450: exercises every branch.
    private static double[] Eventful()
    {
        var values = Series.Step(seed: 3, count: 600, stepAt: 300, before: 100, after: 130, standardDeviation: 5);
        values[120] += 60;
        values[200] -= 45;
        for (var i = 450; i < 470; i++)
        {
            values[i] -= 50;
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Update_EventfulSeries_ScoresInZeroToOneAndRaisesSomething(string name)
    {
        var detector = Create(name);
        Assert.Equal(name, detector.Name);

        var scores = Eventful().Select((v, i) => detector.Update(Series.At(i), v)).ToArray();

        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Contains(scores, s => s >= 0.5); // every detector reacts to a 6-sd spike or a 6-sd shift
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Update_NonFiniteSamples_ScoreZeroAndLeaveLaterScoresUntouched(string name)
    {
        var clean = Create(name);
        var dirty = Create(name);
        var values = Eventful();

        for (var i = 0; i < values.Length; i++)
        {
            if (i % 37 == 5)
            {
                Assert.Equal(0, dirty.Update(Series.At(i), double.NaN));
                Assert.Equal(0, dirty.Update(Series.At(i), i % 2 == 0 ? double.PositiveInfinity : double.NegativeInfinity));
            }

            Assert.Equal(clean.Update(Series.At(i), values[i]), dirty.Update(Series.At(i), values[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Reset_ThenTheSameSeries_GivesTheSameScoresAsANewDetector(string name)
    {
        var used = Create(name);
        var values = Eventful();
        foreach (var value in values)
        {
            used.Update(Series.At(0), value);
        }

        used.Reset();
        var fresh = Create(name);

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(fresh.Update(Series.At(i), values[i]), used.Update(Series.At(i), values[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Update_ConstantSeries_ScoresZeroThenAnyChangeScoresOne(string name)
    {
        var detector = Create(name);

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(0, detector.Update(Series.At(i), 0.3)); // sd 0: never 0 / 0, never NaN
        }

        Assert.Equal(1, detector.Update(Series.At(200), 0.31));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Update_SteadyState_AllocatesNothing(string name)
    {
        var detector = Create(name);
        var values = Eventful();
        foreach (var value in values)
        {
            detector.Update(Series.At(0), value); // warm up the detector and the JIT
        }

        var timestamp = Series.At(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                detector.Update(timestamp, values[i]);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
