using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Alerts.State;

/// <summary>The file alert state: round trip, the durable write path, a concurrent second run, a corrupt file.</summary>
public sealed class FileAlertStateStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-state-tests-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(T0);
    private readonly FakeLogger _logger = new();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task SaveAsync_ThenLoadFromAnotherInstance_ReturnsTheEntriesWithRemovalsApplied()
    {
        var first = Store();
        await first.SaveAsync(new Dictionary<string, string?> { ["a"] = """{"scope":"checkout","n":1}""", ["b"] = """{"scope":"checkout","n":2}""" });
        await first.SaveAsync(new Dictionary<string, string?> { ["a"] = null, ["c"] = """{"scope":"stability:checkout","n":3}""" });

        var loaded = await Store().LoadAsync();

        Assert.Equal(["b", "c"], loaded.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""{"scope":"checkout","n":2}""", loaded["b"]);
        Assert.Equal("""{"scope":"stability:checkout","n":3}""", loaded["c"]);
    }

    [Fact]
    public async Task TryReserveAsync_AcrossInstances_HoldsUntilTheWindowEndsOrARelease()
    {
        var first = Store();
        var second = Store();

        Assert.True(await first.TryReserveAsync("fp", TimeSpan.FromHours(4)));
        Assert.False(await second.TryReserveAsync("fp", TimeSpan.FromHours(4))); // another run: still held
        await second.ReleaseAsync("fp");
        Assert.True(await first.TryReserveAsync("fp", TimeSpan.FromHours(4)));
        _time.Advance(TimeSpan.FromHours(4));
        Assert.True(await second.TryReserveAsync("fp", TimeSpan.FromHours(4))); // the window is over
    }

    [Fact]
    public async Task SaveAsync_WritesATemporaryFileFlushedBeforeTheRenameAndLeavesNoneBehind()
    {
        var store = Store();
        await store.SaveAsync(new Dictionary<string, string?> { ["a"] = """{"n":1}""" });
        var before = File.ReadAllText(store.FilePath);
        string? seenTemporary = null;
        string? temporaryContent = null;
        string? fileDuringWrite = null;
        store.BeforeRename = temporary =>
        {
            seenTemporary = temporary;
            temporaryContent = File.ReadAllText(temporary);
            fileDuringWrite = File.ReadAllText(store.FilePath);
        };

        await store.SaveAsync(new Dictionary<string, string?> { ["b"] = """{"n":2}""" });

        Assert.NotNull(seenTemporary);
        Assert.Equal(Path.GetDirectoryName(store.FilePath), Path.GetDirectoryName(seenTemporary)); // same folder: the rename is atomic
        Assert.Equal(before, fileDuringWrite); // until the rename, readers see the previous state whole
        Assert.Equal(File.ReadAllText(store.FilePath), temporaryContent); // the temporary file held the whole new state
        Assert.Contains("\"b\"", temporaryContent, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task SaveAsync_FailingBeforeTheRename_KeepsThePreviousStateAndRemovesTheTemporaryFile()
    {
        var store = Store();
        await store.SaveAsync(new Dictionary<string, string?> { ["a"] = """{"n":1}""" });
        File.WriteAllText(Path.Combine(_directory, ".alert-state.json.crashed.tmp"), """{"version":1,"firing":{"x":"""); // a run that died mid-write
        store.BeforeRename = _ => throw new IOException("disk full");

        await Assert.ThrowsAsync<IOException>(async () => await store.SaveAsync(new Dictionary<string, string?> { ["b"] = """{"n":2}""" }));
        store.BeforeRename = null;
        var loaded = await Store().LoadAsync();

        Assert.Equal(["a"], loaded.Keys);
        Assert.Equal([".alert-state.json.crashed.tmp"], Directory.GetFiles(_directory, "*.tmp").Select(Path.GetFileName)); // only the stray one, never read
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task SaveAsync_SecondRunWhileTheFirstWrites_WaitsForTheLockAndKeepsBothRunsChanges()
    {
        var first = Store(TimeProvider.System);
        var second = Store(TimeProvider.System);
        using var inWrite = new ManualResetEventSlim();
        using var finishWrite = new ManualResetEventSlim();
        first.BeforeRename = _ =>
        {
            inWrite.Set();
            finishWrite.Wait(TimeSpan.FromMinutes(1));
        };

        var firstSave = Task.Run(async () => await first.SaveAsync(new Dictionary<string, string?> { ["first"] = """{"run":1}""" }));
        Assert.True(inWrite.Wait(TimeSpan.FromMinutes(1)));
        var secondSave = Task.Run(async () => await second.SaveAsync(new Dictionary<string, string?> { ["second"] = """{"run":2}""" }));
        var earlyFinish = await Task.WhenAny(secondSave, Task.Delay(TimeSpan.FromMilliseconds(300)));
        finishWrite.Set();
        await Task.WhenAll(firstSave, secondSave);
        var loaded = await Store().LoadAsync();

        Assert.NotSame(secondSave, earlyFinish); // the lock held it while the first run was writing
        Assert.Equal(["first", "second"], loaded.Keys.Order(StringComparer.Ordinal)); // re-read under the lock: nothing lost
    }

    [Fact]
    public async Task LoadAsync_LockHeldBeyondTheTimeout_FailsNamingTheFolder()
    {
        var first = Store(TimeProvider.System);
        var second = Store(TimeProvider.System);
        second.LockTimeout = TimeSpan.FromMilliseconds(100);
        using var inWrite = new ManualResetEventSlim();
        using var finishWrite = new ManualResetEventSlim();
        first.BeforeRename = _ =>
        {
            inWrite.Set();
            finishWrite.Wait(TimeSpan.FromMinutes(1));
        };
        var firstSave = Task.Run(async () => await first.SaveAsync(new Dictionary<string, string?> { ["first"] = "{}" }));
        Assert.True(inWrite.Wait(TimeSpan.FromMinutes(1)));

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await second.LoadAsync());
        finishWrite.Set();
        await firstSave;

        Assert.Contains(_directory, error.Message, StringComparison.Ordinal);
        Assert.Contains("alert-state.lock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\":1,\"firing\":{\"a\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"version\":99,\"firing\":{}}")]
    public async Task LoadAsync_CorruptFile_IsSetAsideAndReportedAndTheStateStartsEmpty(string content)
    {
        Directory.CreateDirectory(_directory);
        var store = Store();
        File.WriteAllText(store.FilePath, content);

        var loaded = await store.LoadAsync();
        await store.SaveAsync(new Dictionary<string, string?> { ["b"] = """{"n":2}""" });

        Assert.Empty(loaded);
        var aside = Assert.Single(Directory.GetFiles(_directory, "alert-state.json.corrupt-*"));
        Assert.Equal(content, File.ReadAllText(aside)); // kept as it was, for a person to read
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(store.FilePath, warning.Message, StringComparison.Ordinal);
        Assert.Contains(aside, warning.Message, StringComparison.Ordinal);
        Assert.Equal(["b"], (await store.LoadAsync()).Keys); // a fresh file from then on
    }

    private FileAlertStateStore Store(TimeProvider? time = null) => new(_directory, time ?? _time, _logger);
}
