namespace Observability.Providers.Discord.Tests.Support;

/// <summary>The real Discord bodies copied into tests/Fixtures/discord (see its INDEX.md).</summary>
internal static class DiscordFixtures
{
    public const string Message200 = "execute-webhook.200-wait-true.example-message.json";
    public const string TooManyEmbeds = "error-400-50035.observed-embeds-too-many.json";
    public const string ArrayError = "error-400-50035.docs-array-error.json";
    public const string ObjectError = "error-400-50035.docs-object-error.json";
    public const string LegacyError = "error-400.observed-legacy-unversioned-webhook.json";
    public const string RequestExample = "execute-webhook.request.json-with-embeds.json";
    public const string UserRateLimit = "rate-limit-429.user.json";
    public const string ResourceRateLimit = "rate-limit-429.resource.json";
    public const string GlobalRateLimit = "rate-limit-429.global.json";

    /// <summary>404 for an unknown webhook: code and text from opcodes-and-status-codes.mdx (10015) in the documented {code, message} shape.</summary>
    public const string UnknownWebhook = """{"message": "Unknown Webhook", "code": 10015}""";

    /// <summary>401 for a wrong token: code and text from the same table (50027) in the same shape.</summary>
    public const string InvalidToken = """{"message": "Invalid Webhook Token", "code": 50027}""";

    /// <summary>Discord's answer to a request without a valid bot token (documented JSON error code 0 with the 401 message).</summary>
    public const string Unauthorized = """{"message": "401: Unauthorized", "code": 0}""";

    /// <summary>Discord's answer for a channel that does not exist or that the bot cannot see (JSON error code 10003).</summary>
    public const string UnknownChannel = """{"message": "Unknown Channel", "code": 10003}""";

    public static string Read(string name) => File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord", name));
}
