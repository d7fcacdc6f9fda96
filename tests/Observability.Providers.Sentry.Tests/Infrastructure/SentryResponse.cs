using System.Text;
using System.Text.Json;

namespace Observability.Providers.Sentry.Tests.Infrastructure;

/// <summary>An answer of the loopback Sentry endpoint, usually read from a documented fixture.</summary>
internal sealed record SentryResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static SentryResponse Accepted => Fixture("response-200.envelope-accepted.json");

    public static SentryResponse Bare(int status) => new(status, new Dictionary<string, string>(), []);

    /// <summary>Reads a fixture <c>{ "status", "headers", "body" }</c> from Fixtures/sentry.</summary>
    public static SentryResponse Fixture(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FixturePath(file)));
        var root = document.RootElement;
        var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        var body = root.GetProperty("body") is { ValueKind: not JsonValueKind.Null } b ? Encoding.UTF8.GetBytes(b.GetRawText()) : [];
        return new SentryResponse(root.GetProperty("status").GetInt32(), headers, body);
    }

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sentry", file);
}
