using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability;

namespace Observability.Core.Tests.Collectors;

/// <summary>A snapshot file under the temp directory with a unique name, deleted on dispose.</summary>
internal sealed class TempSnapshotFile : IDisposable
{
    public TempSnapshotFile(string extension, params string[] lines)
        : this(extension, string.Join("\n", lines), encoding: new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))
    {
    }

    public TempSnapshotFile(string extension, string content, Encoding encoding)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"observability-snapshots-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content, encoding);
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public string Location(int line) => $"{FileName} line {line}";

    public string Location(int line, string kind, string field) => $"{FileName} line {line}, {kind} '{field}'";

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }
}

internal static class SnapshotFiles
{
    /// <summary>2025-11-15T00:00:00Z, the start of <see cref="Window"/>.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);

    /// <summary>[T0, T0 + 1 h).</summary>
    public static readonly CollectionWindow Window = new(T0, T0.AddHours(1));

    public static FileCollector Collector(string path, Action<FileCollectorOptions>? configure = null, ILoggerFactory? loggerFactory = null, string name = "file")
    {
        var options = new FileCollectorOptions { Path = path };
        configure?.Invoke(options);
        return new FileCollector(name, options, new FakeTimeProvider(T0), loggerFactory ?? NullLoggerFactory.Instance);
    }

    public static (ILoggerFactory Factory, FakeLogCollector Logs) FakeLogging()
    {
        var provider = new FakeLoggerProvider();
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        return (factory, provider.Collector);
    }

    public static Task<CollectionResult> CollectAsync(this TempSnapshotFile file, Action<FileCollectorOptions>? configure = null)
        => Collector(file.Path, configure).CollectAsync(Window);
}
