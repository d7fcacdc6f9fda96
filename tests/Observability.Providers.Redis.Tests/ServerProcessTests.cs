using Observability.Tests.Servers;

namespace Observability.Providers.Redis.Tests;

/// <summary>The real servers' launcher: a server that exits before it is ready (its port taken meanwhile) is started again, at most three times.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task StartOrDispose_ExitedBeforeReady_TriesANewServer_AndDisposesTheOneThatFailed()
    {
        var made = new List<Launch>();

        var server = await ServerProcess.StartOrDisposeAsync(
            () => Record(made, new Launch()),
            launch => made.Count < 3 ? Task.FromException(new ServerExitedException("exited with code 1: Address already in use")) : Task.CompletedTask);

        Assert.Equal(3, made.Count);
        Assert.Same(made[2], server);
        Assert.Equal([true, true, false], made.Select(static l => l.Disposed));
    }

    [Fact]
    public async Task StartOrDispose_ExitsEveryTime_ThrowsAfterThreeAttempts()
    {
        var made = new List<Launch>();

        var error = await Assert.ThrowsAsync<ServerExitedException>(() => ServerProcess.StartOrDisposeAsync(
            () => Record(made, new Launch()),
            static _ => Task.FromException(new ServerExitedException("exited with code 1: bad configuration"))));

        Assert.Equal(3, made.Count);
        Assert.All(made, static l => Assert.True(l.Disposed));
        Assert.Contains("bad configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartOrDispose_AnyOtherFailure_IsNotRetried()
    {
        var made = new List<Launch>();

        await Assert.ThrowsAsync<TimeoutException>(() => ServerProcess.StartOrDisposeAsync(
            () => Record(made, new Launch()),
            static _ => Task.FromException(new TimeoutException("did not answer PING within 30 s"))));

        Assert.Single(made);
        Assert.True(made[0].Disposed);
    }

    private static Launch Record(List<Launch> made, Launch launch)
    {
        made.Add(launch);
        return launch;
    }

    private sealed class Launch : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
