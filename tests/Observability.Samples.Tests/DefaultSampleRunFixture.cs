namespace Observability.Samples.Tests;

/// <summary>One run of the sample with its shipped settings, shared by the tests that only read its results.</summary>
public sealed class DefaultSampleRunFixture : IAsyncLifetime, IDisposable
{
    private SampleRun? _run;

    internal SampleRun Run => _run ?? throw new InvalidOperationException("The sample has not run.");

    public async Task InitializeAsync() => _run = await SampleRun.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _run?.Dispose();
}
