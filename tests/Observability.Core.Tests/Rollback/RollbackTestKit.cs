using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Observability.Testing;

namespace Observability.Core.Tests.Rollback;

/// <summary>A temporary folder, and the services of a rollback test built the way AddObservability builds them.</summary>
internal sealed class RollbackTestKit : IAsyncDisposable
{
    public RollbackTestKit(Action<RollbackOptions> configure, TimeProvider? time = null, IRollbackAction? action = null)
    {
        Directory.CreateDirectory(Folder);
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        if (action is not null)
        {
            services.AddSingleton(action);
        }

        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Rollback.AuditDirectory = Folder;
            configure(o.Rollback);
        })
        .AddCollector(Collector)
        .AddAlertSink(Sink);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "obs-rollback-" + Guid.NewGuid().ToString("N"));

    public ScriptedCollector Collector { get; } = new();

    public RecordingAlertSink Sink { get; } = new();

    public ServiceProvider Services { get; }

    public IEmergencyRollback Rollback => Services.GetRequiredService<IEmergencyRollback>();

    public string AuditFile => Path.Combine(Folder, "rollback-audit.jsonl");

    public string[] AuditLines => File.Exists(AuditFile) ? File.ReadAllLines(AuditFile) : [];

    public static FakeTimeProvider FakeTime() => new(new DateTimeOffset(2025, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
