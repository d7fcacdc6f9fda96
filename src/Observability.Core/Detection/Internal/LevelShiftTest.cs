namespace Observability.Internal;

/// <summary>
/// What <see cref="CusumDetector"/> and <see cref="PageHinkleyDetector"/> share: a warm-up that fixes the
/// scale, standardized deviations fed to a <see cref="TwoSidedCusum"/>, and a fresh warm-up from the
/// detecting sample after each change. They differ only in the mean a sample is compared with: the
/// warm-up's, frozen (CUSUM), or the running mean of every sample since the start or the last change,
/// the sample included (Page-Hinkley). O(1) state, no allocation per sample.
/// </summary>
internal sealed class LevelShiftTest(double threshold, double drift, int warmUpSamples, bool followMean)
{
    private RunningMoments _moments;
    private TwoSidedCusum _statistics;
    private double _scale;
    private long _index;

    public bool IsWarm => _moments.Count >= warmUpSamples;

    public double Mean => _moments.Mean;

    /// <summary>Gets the standard deviation of the samples learned so far while warming up, then of the whole warm-up.</summary>
    public double WarmUpStandardDeviation => _moments.StandardDeviation;

    public double Scale => _scale;

    public double Upper => _statistics.Upper;

    public double Lower => _statistics.Lower;

    public long ChangeCount { get; private set; }

    public ChangePoint? LastChange { get; private set; }

    public ChangePointReading Observe(DateTimeOffset timestamp, double value)
    {
        var reading = new ChangePointReading
        {
            Index = _index++,
            Timestamp = timestamp,
            Value = value,
            UpperStatistic = _statistics.Upper,
            LowerStatistic = _statistics.Lower,
            Status = AnomalyReadingStatus.Ignored,
        };
        if (!double.IsFinite(value))
        {
            return reading;
        }

        var warm = IsWarm;
        if (!warm || followMean)
        {
            _moments.Add(value);
        }

        if (!warm)
        {
            _scale = _moments.StandardDeviation;
            return reading with { Status = AnomalyReadingStatus.WarmingUp };
        }

        var z = DetectorMath.StandardScore(value, _moments.Mean, _scale);
        var direction = _statistics.Step(z, drift, threshold);
        reading = reading with
        {
            UpperStatistic = _statistics.Upper,
            LowerStatistic = _statistics.Lower,
            Direction = direction,
            Score = _statistics.Score(threshold),
            Status = AnomalyReadingStatus.Scored,
        };

        if (direction != ChangeDirection.None)
        {
            LastChange = new ChangePoint(reading.Index, timestamp, value, direction);
            ChangeCount++;
            _statistics.Reset();
            _moments.Reset();
            _moments.Add(value);
            _scale = 0;
        }

        return reading;
    }

    public void Reset()
    {
        _moments.Reset();
        _statistics.Reset();
        _scale = 0;
        _index = 0;
        ChangeCount = 0;
        LastChange = null;
    }
}
