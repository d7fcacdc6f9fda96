using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Providers.Prometheus.Tests.Support;
using Observability.Tests.Conformance;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>
/// The shared sink checks against the real Alertmanager. <see cref="ReceivedPayloadsAsync"/> returns the request bodies a
/// recording proxy (a loopback server in front of the real Alertmanager, forwarding each post and relaying its answer)
/// saw since the test began: exactly what Alertmanager received and accepted.
/// </summary>
public sealed class AlertmanagerAlertSinkConformanceTests : AlertSinkConformanceTests, IClassFixture<AlertmanagerServerFixture>, IAsyncLifetime
{
    private const string Secret = "am-conformance-bearer-5f3c9b71d2";
    private readonly AlertmanagerServerFixture _server;
    private readonly HttpClient _forwarder = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<string> _forwarded = new();
    private LoopbackHttpServer _proxy = null!;
    private LoopbackHttpServer _hanging = null!;

    public AlertmanagerAlertSinkConformanceTests(AlertmanagerServerFixture server) => _server = server;

    protected override string SinkSecret => Secret;

    public Task InitializeAsync()
    {
        _proxy = new LoopbackHttpServer(Forward);
        _hanging = new LoopbackHttpServer(_ => LoopbackResponse.Never);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _hanging.DisposeAsync();
        _forwarder.Dispose();
    }

    protected override IAlertSink CreateSink(ILoggerFactory loggerFactory) => Create(_proxy.Address, loggerFactory);

    protected override IAlertSink CreateUnreachableSink(ILoggerFactory loggerFactory) => Create(new Uri("http://127.0.0.1:1/"), loggerFactory);

    protected override IAlertSink CreateHangingSink(ILoggerFactory loggerFactory) => Create(_hanging.Address, loggerFactory);

    protected override void AddSink(IObservabilityBuilder builder)
        => builder.AddAlertmanagerAlertSink(o => { o.Url = _proxy.Address; o.BearerToken = Secret; });

    protected override Task<IReadOnlyList<string>> ReceivedPayloadsAsync() => Task.FromResult<IReadOnlyList<string>>(_forwarded.ToArray());

    protected override IEnumerable<(string Parameter, Action Construct)> InvalidConstructions()
    {
        var options = new AlertmanagerAlertSinkOptions { Url = new Uri("http://127.0.0.1:9093/") };
        var client = new HttpClient();
        var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        yield return ("name", () => _ = new AlertmanagerAlertSink(null!, options, client, TimeProvider.System, loggers));
        yield return ("name", () => _ = new AlertmanagerAlertSink(" ", options, client, TimeProvider.System, loggers));
        yield return ("options", () => _ = new AlertmanagerAlertSink("am", null!, client, TimeProvider.System, loggers));
        yield return ("options", () => _ = new AlertmanagerAlertSink("am", new AlertmanagerAlertSinkOptions(), client, TimeProvider.System, loggers));
        yield return ("httpClient", () => _ = new AlertmanagerAlertSink("am", options, null!, TimeProvider.System, loggers));
        yield return ("timeProvider", () => _ = new AlertmanagerAlertSink("am", options, client, null!, loggers));
        yield return ("loggerFactory", () => _ = new AlertmanagerAlertSink("am", options, client, TimeProvider.System, null!));
    }

    private AlertmanagerAlertSink Create(Uri url, ILoggerFactory loggerFactory)
        => new("alertmanager", new AlertmanagerAlertSinkOptions { Url = url, BearerToken = Secret }, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, TimeProvider.System, loggerFactory);

    /// <summary>Forwards the request to the real Alertmanager and relays its answer; records the body it forwarded.</summary>
    private LoopbackResponse Forward(LoopbackRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_server.Address, request.Path.TrimStart('/')));
        message.Content = new StringContent(request.Body, System.Text.Encoding.UTF8, "application/json");
        using var response = _forwarder.Send(message);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        if (response.IsSuccessStatusCode)
        {
            _forwarded.Enqueue(request.Body);
        }

        return new LoopbackResponse((int)response.StatusCode, body);
    }
}
