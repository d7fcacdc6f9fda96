using Microsoft.Extensions.DependencyInjection;
using Observability;

// publish <outbox directory> <webhook url> <alerts>: publishes that many alerts of one service (one group, sent by the
// Discord sink as several messages of up to 10 embeds) and flushes. resume <outbox directory> <webhook url>: delivers
// what the outbox file holds and exits. Exit 0 when everything was delivered, 1 when not, 2 on bad arguments.
if (args.Length < 3 || (args[0] == "publish" && (args.Length != 4 || !int.TryParse(args[3], out _))) || args[0] is not ("publish" or "resume"))
{
    Console.Error.WriteLine("usage: publish <outbox directory> <webhook url> <alerts> | resume <outbox directory> <webhook url>");
    return 2;
}

var services = new ServiceCollection();
services.AddObservability(o =>
{
    o.ServiceName = "checkout";
    o.Alerts.Enabled = true;
    o.Alerts.Delivery.OutboxDirectory = args[1];
    o.Alerts.Routes["discord"] = new AlertRoute { RateLimitPerMinute = 6000, RateLimitBurst = 100 };
}).AddDiscordAlertSink(o => o.WebhookUrl = new Uri(args[2]));

await using var provider = services.BuildServiceProvider();
var publisher = provider.GetRequiredService<IAlertPublisher>();
if (args[0] == "publish")
{
    var alerts = Enumerable.Range(0, int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture))
        .Select(static i => new Alert
        {
            Rule = $"rule_{i:D4}",
            Severity = AlertSeverity.Critical,
            Title = $"Alert {i}",
            Labels = new Dictionary<string, string> { ["service"] = "checkout" },
        })
        .ToArray();
    var published = await publisher.PublishAsync(alerts);
    Console.WriteLine($"queued {published.Deliveries.Sum(static d => d.Status == DeliveryStatus.Queued ? d.AlertCount : 0)}");
}

using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var flushed = await publisher.FlushAsync(bound.Token);
Console.WriteLine($"flushed {flushed}");
return flushed ? 0 : 1;
