namespace Observability.Cli.Stability;

/// <summary>
/// A clock for replaying recorded data fast: time stands still until someone waits, then it jumps to the
/// end of the wait at once. Each wait completes on the thread pool, so a 7-day run takes as long as its work.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _nowTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => new SimulatedTimer(this, callback, state, dueTime);

    private void AdvanceTo(DateTimeOffset time)
    {
        var target = time.UtcTicks;
        long current;
        while ((current = Interlocked.Read(ref _nowTicks)) < target && Interlocked.CompareExchange(ref _nowTicks, target, current) != current)
        {
        }
    }

    private sealed class SimulatedTimer : ITimer
    {
        private readonly SimulatedClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _version;

        public SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Schedule(dueTime);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _version, -1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Schedule(TimeSpan dueTime)
        {
            if (Volatile.Read(ref _version) < 0)
            {
                return;
            }

            var version = Interlocked.Increment(ref _version);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            var due = _clock.GetUtcNow() + dueTime;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _version) == version)
                {
                    _clock.AdvanceTo(due);
                    _callback(_state);
                }
            });
        }
    }
}
