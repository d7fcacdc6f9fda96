namespace Observability.Core.Tests.Detection;

public sealed class DefaultAnomalyDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_FlatSeries_ScoresAtMostTheFloor()
    {
        // Constant 42: z = 0, so the direct surprise is -log10 Q(0) = log10 2 = 0.30103, the likelihood surprise the same;
        // the score is 0.30103 / (0.30103 + 4) = 0.0700 when it gets past suppression, else 0. Warm-up scores 0.
        var scores = Run(new DefaultAnomalyDetector(), Enumerable.Repeat(42.0, 1000));

        Assert.All(scores.Take(100), s => Assert.Equal(0, s));
        Assert.Equal(0.0700, scores.Max(), 4);
    }

    [Fact]
    public void Update_SpikeBeyondTheSeenRange_ScoresNearOne()
    {
        var values = Noise(600).Append(200.0).ToArray(); // noise in [99, 101]; 200 is far beyond 101 + 5 % x 2

        var scores = Run(new DefaultAnomalyDetector(), values);

        // Out of range raises the surprise to at least 100, a score of at least 100 / 104 = 0.9615; here the direct
        // surprise (z = 100 / 0.577 = 173) is larger still.
        Assert.InRange(scores[^1], 0.9615, 1.0);
        Assert.True(scores.Take(600).Max() < 0.5, $"the noise scored up to {scores.Take(600).Max()}");
    }

    [Fact]
    public void Update_LevelShift_ScoresHighEvenWithoutTheRangeCheck()
    {
        // Uniform noise on [99, 101] has sd 0.577; a shift to 106 is z = 6 / 0.577 = 10.4, surprise -log10 Q(10.4) = 24.6.
        // Averaged with the likelihood stage's smaller surprise the score is still well above 0.5.
        var detector = new DefaultAnomalyDetector(new DefaultAnomalyDetectorOptions { RangeTolerance = 0 });
        var scores = Run(detector, Noise(600).Append(106.0));

        Assert.True(scores[^1] > 0.7, $"the shift scored {scores[^1]}");
    }

    [Fact]
    public void Update_AnyInput_ScoresWithinZeroAndOne()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 5000).Select(i => i switch
        {
            1000 => 1e300,
            1001 => -1e300,
            2000 => double.MaxValue,
            3000 => 1e-300,
            _ => Math.Exp(random.NextDouble() * 20) * (random.Next(2) * 2 - 1),
        });

        var scores = Run(new DefaultAnomalyDetector(), values);

        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
    }

    [Fact]
    public void Update_NonFiniteValue_ScoresZeroAndChangesNothing()
    {
        var clean = Noise(600).Append(200.0).Concat(Noise(200)).ToList();
        var dirty = new List<double>(clean);
        dirty.Insert(300, double.NaN);
        dirty.Insert(500, double.PositiveInfinity);
        dirty.Insert(650, double.NegativeInfinity);

        var cleanScores = Run(new DefaultAnomalyDetector(), clean);
        var dirtyScores = Run(new DefaultAnomalyDetector(), dirty);

        Assert.Equal([0.0, 0.0, 0.0], new[] { dirtyScores[300], dirtyScores[500], dirtyScores[650] });
        dirtyScores.RemoveAt(650);
        dirtyScores.RemoveAt(500);
        dirtyScores.RemoveAt(300);
        Assert.Equal(cleanScores, dirtyScores);
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var detector = new DefaultAnomalyDetector();
        Run(detector, Noise(700).Select(v => v * 3));
        detector.Reset();

        var values = Noise(600).Append(200.0).ToArray();
        Assert.Equal(Run(new DefaultAnomalyDetector(), values), Run(detector, values));
    }

    [Fact]
    public void Update_RepeatWithinTheSuppressionWindow_ScoresZero()
    {
        // A second, equal spike 10 samples later does not beat the bar of the first (held 100 samples).
        var values = Noise(600).Append(200.0).Concat(Noise(9)).Append(200.0).ToArray();

        var suppressed = Run(new DefaultAnomalyDetector(), values);
        var unsuppressed = Run(new DefaultAnomalyDetector(new DefaultAnomalyDetectorOptions { SuppressionWindow = 0 }), values);

        Assert.InRange(suppressed[600], 0.9615, 1.0);
        Assert.Equal(0, suppressed[^1]);
        Assert.True(unsuppressed[^1] > 0.5, $"without suppression the repeat scored {unsuppressed[^1]}");
    }

    [Fact]
    public void Update_DuringWarmUp_ScoresZeroEvenForASpike()
    {
        var values = Noise(50).Append(1000.0).Concat(Noise(60)).ToArray();

        var scores = Run(new DefaultAnomalyDetector(new DefaultAnomalyDetectorOptions { WarmUp = 100 }), values);

        Assert.All(scores.Take(100), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Constructor_CopiesOptions_AndNameIsDefault()
    {
        var options = new DefaultAnomalyDetectorOptions();
        var detector = new DefaultAnomalyDetector(options);
        options.WarmUp = 0;
        options.RangeTolerance = 0;

        var scores = Run(detector, Noise(50).Append(1000.0));

        Assert.Equal("default", detector.Name);
        Assert.Equal(0, scores[^1]); // still the default warm-up of 100
    }

    [Theory]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.BaselineWindow), 0)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.LikelihoodWindow), 0)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.AverageWindow), 0)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.AverageWindow), 1025)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.WarmUp), -1)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.SuppressionWindow), -1)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.RangeTolerance), -0.01)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.RangeTolerance), double.NaN)]
    [InlineData(nameof(DefaultAnomalyDetectorOptions.HalfScoreSurprise), 0)]
    public void Constructor_OptionOutOfRange_ThrowsNamingIt(string name, double value)
    {
        var options = new DefaultAnomalyDetectorOptions();
        var property = typeof(DefaultAnomalyDetectorOptions).GetProperty(name)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DefaultAnomalyDetector(options));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"DefaultAnomalyDetectorOptions.{name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullOptions_Throws() =>
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new DefaultAnomalyDetector(null!)).ParamName);

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var o = new DefaultAnomalyDetectorOptions();
        Assert.Equal((1000, 10, 500, 100, 100, 0.05, 4.0), (o.BaselineWindow, o.AverageWindow, o.LikelihoodWindow, o.WarmUp, o.SuppressionWindow, o.RangeTolerance, o.HalfScoreSurprise));
    }

    private static List<double> Run(IAnomalyDetector detector, IEnumerable<double> values) =>
        values.Select((v, i) => detector.Update(T0.AddMinutes(i), v)).ToList();

    // Deterministic uniform noise on [99, 101].
    private static IEnumerable<double> Noise(int count)
    {
        var random = new Random(count);
        return Enumerable.Range(0, count).Select(_ => 99 + (2 * random.NextDouble())).ToList();
    }
}
