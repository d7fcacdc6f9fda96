using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// The value-based rules: each secret kind is masked as <c>***</c> plus its last four characters, each
/// look-alike is left alone, pathological text completes, and <see cref="SecretRedactor.RedactValue"/>
/// walks every structured shape. Token bodies are generated (deterministic, never a real credential);
/// the webhook host names are inert strings, nothing connects to them.
/// </summary>
public sealed class SecretRedactorByValueTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    public static TheoryData<string, string> Secrets()
    {
        var data = new TheoryData<string, string>
        {
            { "GitHub classic token", "ghp_" + Body(36, 1) },
            { "GitHub fine-grained token", "github_pat_" + Body(22, 2) + "_" + Body(59, 3) },
            { "GitLab token", "glpat-" + Body(20, 4) },
            { "Slack bot token", "xoxb-123456789012-1234567890123-" + Body(24, 5) },
            { "AWS access key id", "AKIA" + Body(16, 6).ToUpperInvariant() },
            { "Stripe live key", "sk_live_" + Body(24, 7) },
            { "SendGrid key", "SG." + Body(22, 8) + "." + Body(43, 9) },
            { "npm token", "npm_" + Body(36, 10) },
            { "Azure AD client secret", "aB3" + "4Q~" + Body(34, 20) },
            { "Facebook page token", "EAAM" + Body(120, 21) },
            { "JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6InRlc3QifQ." + Body(43, 11) },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void RedactText_VendorTokenInProse_MasksWithLastFour(string kind, string token)
    {
        var result = _redactor.RedactText($"push failed with {token} (attempt 2)");

        Assert.True(result == $"push failed with ***{token[^4..]} (attempt 2)", $"{kind}: {result}");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void RedactText_VendorTokenInJsonAndQuotes_MasksWithLastFour(string kind, string token)
    {
        Assert.True(_redactor.RedactText($$"""{"value":"{{token}}"}""") == $$"""{"value":"***{{token[^4..]}}"}""", kind);
        Assert.True(_redactor.RedactText($"got '{token}'") == $"got '***{token[^4..]}'", kind);
    }

    [Theory]
    [InlineData("password=Hunter2-x9y8", "password=***x9y8")]
    [InlineData("\"client_secret\": \"s3cr3t-value-7a7a\"", "\"client_secret\": \"***7a7a\"")]
    [InlineData("DB_PASSWORD := \"Pa55w0rd-2024\"", "DB_PASSWORD := \"***2024\"")]
    [InlineData("'api_key' => 'k3y-v4lue-abcd'", "'api_key' => '***abcd'")]
    [InlineData("Server=db;Database=app;User Id=sa;Password=S3cr3t!pass;", "Server=db;Database=app;User Id=sa;Password=***pass;")]
    [InlineData("Authorization: Bearer abc123XYZdef456", "Authorization: Bearer ***f456")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ***ZA==")]
    [InlineData("connect postgres://app:pa55w0rd@127.0.0.1:5432/db failed", "connect postgres://app:***w0rd@127.0.0.1:5432/db failed")]
    [InlineData("curl -u admin:S3cr3tpw9 http://127.0.0.1/", "curl -u admin:***tpw9 http://127.0.0.1/")]
    [InlineData("dsn https://0123abcd4567ef89aabbccdd11223344@127.0.0.1/42 set", "dsn https://***3344@127.0.0.1/42 set")]
    public void RedactText_KeyValueAuthUrlForms_MasksOnlyTheSecret(string text, string expected)
    {
        Assert.Equal(expected, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_PemPrivateKey_MasksBodyKeepsMarkers()
    {
        var body = Body(64, 12) + "\n" + Body(40, 13);
        var text = $"key:\n-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n";

        var result = _redactor.RedactText(text);

        Assert.Equal($"key:\n-----BEGIN RSA PRIVATE KEY-----***{body[^4..]}\n-----END RSA PRIVATE KEY-----\n", result);
    }

    [Fact]
    public void RedactText_DiscordWebhook_MasksTokenKeepsId()
    {
        var token = Body(68, 14);
        var result = _redactor.RedactText($"posting to https://discord.com/api/webhooks/123456789012345678/{token} failed");

        Assert.Equal($"posting to https://discord.com/api/webhooks/123456789012345678/***{token[^4..]} failed", result);
    }

    [Fact]
    public void RedactText_SlackWebhook_MasksWholeAddress()
    {
        var url = "https://hooks.slack.com/services/T0ABC1234/B0DEF5678/" + Body(24, 15);
        var result = _redactor.RedactText($"webhook {url} returned 404");

        Assert.Equal($"webhook ***{url[^4..]} returned 404", result);
    }

    [Theory]
    [InlineData("commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39 merged")]
    [InlineData("request 123e4567-e89b-12d3-a456-426614174000 took 2 s")]
    [InlineData("image ghcr.io/acme/app@sha256:9b2f1c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 pulled")]
    [InlineData("request_id=req_8f3a2b1c9d7e6f50 trace_id=4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("token=${TOKEN} password=${{ secrets.DB_PASSWORD }}")]
    [InlineData("token=***abcd api_key=***9f3e")]
    [InlineData("GitHub said 401: Bad credentials")]
    [InlineData("Authorization: Bad credentials")]
    [InlineData("token_type=bearer expires_in=3600")]
    [InlineData("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX is the placeholder")]
    [InlineData("the password must be at least 12 characters")]
    [InlineData("keyword: \"Befaehigung_P2\"")]
    [InlineData("monkeys-audio:mx64-uwp=fail")]
    [InlineData("BlindKeySignatures = Ed25519.BlindKeySignatures")]
    [InlineData("\"bucket_key\": \"SalesResults-1.2\"")]
    public void RedactText_LookAlike_ReturnsTextUnchanged(string text)
    {
        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_NothingToMask_ReturnsSameInstance()
    {
        var text = "GET /api/v1/releases 200 in 12 ms, 3 of 60 jobs failed";

        Assert.Same(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_100KbOfRepeatedKeyWord_CompletesUnchanged()
    {
        var text = string.Concat(Enumerable.Repeat("token", 20_000));

        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_1MbWithoutSeparators_CompletesAndMasksTheSecretAfterIt()
    {
        var run = new string('a', 1_000_000);
        var token = "ghp_" + Body(36, 16);

        Assert.Equal(run, _redactor.RedactText(run));
        Assert.Equal($"{run} {"***" + token[^4..]}", _redactor.RedactText($"{run} {token}"));
    }

    [Fact]
    public void RedactText_1MbOfRepeatedPrefixes_CompletesUnchanged()
    {
        var text = string.Concat(Enumerable.Repeat("ghp_key-", 125_000));

        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_100KbOfEmptyPairs_CompletesUnchanged()
    {
        var text = string.Concat(Enumerable.Repeat("a=", 50_000));

        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_100KbOfSecretPairs_MasksEveryValue()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            builder.Append("password=Pw").Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(Body(5, i)).Append(' ');
        }

        var result = _redactor.RedactText(builder.ToString());

        var pairs = result.TrimEnd().Split(' ');
        Assert.Equal(5_000, pairs.Length);
        Assert.All(pairs, p => Assert.Matches(@"^password=\*\*\*\w{4}$", p));
    }

    [Fact]
    public void RedactText_100KbOfKeyOperators_Completes()
    {
        var text = string.Concat(Enumerable.Repeat("key=", 25_000));

        var result = _redactor.RedactText(text);

        Assert.StartsWith("key=", result, StringComparison.Ordinal);
        Assert.True(result.Length <= text.Length);
    }

    [Fact]
    public void RedactValue_Dictionary_MasksSecretKeysAndTextRecursively()
    {
        var token = "ghp_" + Body(36, 17);
        var value = new Dictionary<string, object?>
        {
            ["password"] = "hunter22",
            ["retries"] = 3,
            ["nested"] = new Dictionary<string, object?> { ["api_key"] = "abcd1234wxyz", ["note"] = $"used {token}" },
        };

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(value));

        Assert.Equal("***er22", result["password"]);
        Assert.Equal(3, result["retries"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(result["nested"]);
        Assert.Equal("***wxyz", nested["api_key"]);
        Assert.Equal($"used ***{token[^4..]}", nested["note"]);
        Assert.Equal("hunter22", value["password"]);
    }

    [Fact]
    public void RedactValue_List_MasksEachItem()
    {
        var token = "glpat-" + Body(20, 18);
        var result = Assert.IsType<List<object?>>(_redactor.RedactValue(new List<object?> { "plain", $"token={token}", 42, null }));

        Assert.Equal(["plain", $"token=***{token[^4..]}", 42, null], result);
    }

    [Fact]
    public void RedactValue_JsonNode_MasksLikeDictionaries()
    {
        var token = "npm_" + Body(36, 19);
        var node = JsonNode.Parse($$"""{"token":"abc123def456","items":["{{token}}", 7],"ok":true}""");

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(node));

        Assert.Equal("***f456", result["token"]);
        Assert.Equal([$"***{token[^4..]}", 7L], Assert.IsType<List<object?>>(result["items"]));
        Assert.Equal(true, result["ok"]);
    }

    [Fact]
    public void RedactValue_JsonElement_MasksLikeDictionaries()
    {
        using var document = JsonDocument.Parse("""{"client_secret":"s3cr3tvalue","region":"eu-west-1","n":1.5}""");

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(document.RootElement));

        Assert.Equal("***alue", result["client_secret"]);
        Assert.Equal("eu-west-1", result["region"]);
        Assert.Equal(1.5, result["n"]);
    }

    /// <summary>A deterministic letters-and-digits body with every character class (never a real credential).</summary>
    private static string Body(int length, int seed)
    {
        const string Alphabet = "aB3cD4eF5gH6iJ7kL8mN9pQ2rS3tU4vW5xY6zA7bC8dE9fG2hK3jM4nP5qR6sT7uV8wX9y";
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
