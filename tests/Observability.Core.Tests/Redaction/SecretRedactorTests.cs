using System.Dynamic;

namespace Observability.Core.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Fact]
    public void RedactText_TheSameInstancesAgain_AnswersCleanTextsAsTheyAreAndMasksSecretsEveryTime()
    {
        var clean = string.Concat("checkout ", "error rate above 5 %");
        var secret = string.Concat("password=", "s3cr3t-", "value-9081");
        var lookalike = string.Concat("checkout ", "error rate above 5 %"); // equal text, another instance

        for (var round = 0; round < 3; round++)
        {
            Assert.Same(clean, _redactor.RedactText(clean));
            Assert.Same(lookalike, _redactor.RedactText(lookalike));
            var masked = _redactor.RedactText(secret);
            Assert.DoesNotContain("s3cr3t-value", masked, StringComparison.Ordinal);
            Assert.StartsWith("password=", masked, StringComparison.Ordinal);
        }

        // Many texts through a small table of slots: every answer stays right whatever they evict.
        var texts = Enumerable.Range(0, 2_000).Select(i => i % 7 == 0 ? $"password=hunter{i:D6}x" : $"service svc-{i}").ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var text in texts)
            {
                var result = _redactor.RedactText(text);
                Assert.Equal(text.StartsWith("password=", StringComparison.Ordinal), !ReferenceEquals(result, text));
            }
        }
    }

    [Theory]
    [InlineData("GitHubToken")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("db_password")]
    [InlineData("ApiKey")]
    [InlineData("Authorization")]
    [InlineData("api_key")]
    [InlineData("X-API-KEY")]
    public void IsSecretKey_KeyContainsDefaultFragmentInAnyCase_ReturnsTrue(string key)
    {
        Assert.True(_redactor.IsSecretKey(key));
    }

    [Theory]
    [InlineData("service")]
    [InlineData("region")]
    [InlineData("environment")]
    [InlineData("")]
    public void IsSecretKey_OrdinaryKey_ReturnsFalse(string key)
    {
        Assert.False(_redactor.IsSecretKey(key));
    }

    [Theory]
    [InlineData("abcdefgh", "***efgh")]
    [InlineData("abcde", "***bcde")]
    [InlineData("abcd", "***")]
    [InlineData("a", "***")]
    [InlineData("", "***")]
    public void MaskValue_DefaultOptions_KeepsLastFourCharactersOnlyWhenLonger(string value, string expected)
    {
        Assert.Equal(expected, _redactor.MaskValue(value));
    }

    [Fact]
    public void Redact_SecretAndOrdinaryKeys_MasksOnlySecrets()
    {
        var input = new Dictionary<string, object?>
        {
            ["GitHubToken"] = "ghp_abcdefgh1234",
            ["CLIENT_SECRET"] = "abcd",
            ["service"] = "checkout",
            ["region"] = "eu-west-1",
        };

        var result = _redactor.Redact(input);

        Assert.Equal("***1234", result["GitHubToken"]);
        Assert.Equal("***", result["CLIENT_SECRET"]);
        Assert.Equal("checkout", result["service"]);
        Assert.Equal("eu-west-1", result["region"]);
    }

    [Fact]
    public void Redact_NestedDictionaries_MasksSecretsAtAnyDepth()
    {
        var input = new Dictionary<string, object?>
        {
            ["deployment"] = new Dictionary<string, object?>
            {
                ["name"] = "web",
                ["database"] = new Dictionary<string, object?>
                {
                    ["host"] = "db.internal",
                    ["db_password"] = "correct-horse-battery",
                },
            },
        };

        var result = _redactor.Redact(input);

        var deployment = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result["deployment"]);
        Assert.Equal("web", deployment["name"]);
        var database = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(deployment["database"]);
        Assert.Equal("db.internal", database["host"]);
        Assert.Equal("***tery", database["db_password"]);
    }

    [Fact]
    public void Redact_ListOfDictionaries_MasksSecretsInEveryItem()
    {
        var input = new Dictionary<string, object?>
        {
            ["webhooks"] = new List<object?>
            {
                new Dictionary<string, object?> { ["name"] = "oncall", ["api_key"] = "key-1111-aaaa" },
                new Dictionary<string, object?> { ["name"] = "team", ["api_key"] = "key-2222-bbbb" },
                "plain item",
            },
        };

        var result = _redactor.Redact(input);

        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(result["webhooks"]);
        Assert.Equal(3, list.Count);
        var first = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(list[0]);
        var second = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(list[1]);
        Assert.Equal("oncall", first["name"]);
        Assert.Equal("***aaaa", first["api_key"]);
        Assert.Equal("team", second["name"]);
        Assert.Equal("***bbbb", second["api_key"]);
        Assert.Equal("plain item", list[2]);
    }

    [Fact]
    public void Redact_SecretKeyHoldingNestedDictionary_MasksEveryLeaf()
    {
        var input = new Dictionary<string, object?>
        {
            ["credentials"] = "n/a",
            ["secrets"] = new Dictionary<string, object?>
            {
                ["user"] = "deploy-bot",
                ["extra"] = new List<object?> { "first-value-1", new Dictionary<string, object?> { ["region"] = "eu-west-1" } },
            },
        };

        var result = _redactor.Redact(input);

        var secrets = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result["secrets"]);
        Assert.Equal("***-bot", secrets["user"]);
        var extra = Assert.IsAssignableFrom<IReadOnlyList<object?>>(secrets["extra"]);
        Assert.Equal("***ue-1", extra[0]);
        var inner = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(extra[1]);
        Assert.Equal("***st-1", inner["region"]);
    }

    [Fact]
    public void Redact_NonStringValueUnderSecretKey_IsMasked()
    {
        var input = new Dictionary<string, object?>
        {
            ["pin_token"] = 12345678,
            ["short_key"] = 42,
            ["retries"] = 3,
        };

        var result = _redactor.Redact(input);

        Assert.Equal("***5678", result["pin_token"]);
        Assert.Equal("***", result["short_key"]);
        Assert.Equal(3, result["retries"]);
    }

    [Fact]
    public void Redact_NullUnderSecretKey_StaysNull()
    {
        var result = _redactor.Redact(new Dictionary<string, object?> { ["token"] = null });

        Assert.Null(result["token"]);
    }

    [Fact]
    public void Redact_Dictionary_DoesNotMutateInput()
    {
        var nested = new Dictionary<string, object?> { ["password"] = "hunter2hunter2" };
        var list = new List<object?> { new Dictionary<string, object?> { ["token"] = "abcdefgh" } };
        var input = new Dictionary<string, object?> { ["api_key"] = "abcdefgh", ["nested"] = nested, ["list"] = list };

        _ = _redactor.Redact(input);

        Assert.Equal("abcdefgh", input["api_key"]);
        Assert.Same(nested, input["nested"]);
        Assert.Equal("hunter2hunter2", nested["password"]);
        Assert.Same(list, input["list"]);
        Assert.Equal("abcdefgh", ((Dictionary<string, object?>)list[0]!)["token"]);
    }

    [Fact]
    public void Redact_GenericOnlyDictionaryInContext_MasksSecretsInside()
    {
        // ExpandoObject (like System.Text.Json's JsonObject) is an IDictionary<string, object?> but
        // neither a non-generic IDictionary nor an IReadOnlyDictionary.
        IDictionary<string, object?> payload = new ExpandoObject();
        payload["user"] = "deploy-bot";
        payload["password"] = "correct-horse-battery";
        var input = new Dictionary<string, object?> { ["payload"] = payload };

        var result = _redactor.Redact(input);

        Assert.DoesNotContain("correct-horse", Flatten(result["payload"]));
    }

    [Fact]
    public void RedactText_KeyEqualsValue_MasksValueAndKeepsSurroundingText()
    {
        var result = _redactor.RedactText("deploy failed token=abc123456 retrying");

        Assert.Equal("deploy failed token=***3456 retrying", result);
    }

    [Fact]
    public void RedactText_JsonPair_MasksValueInsideQuotes()
    {
        var result = _redactor.RedactText("""{"user": "bob", "password": "hunter22"}""");

        Assert.Equal("""{"user": "bob", "password": "***er22"}""", result);
    }

    [Fact]
    public void RedactText_JsonPairWithEscapedQuote_MasksWholeValue()
    {
        var result = _redactor.RedactText("""{"password": "p\"assw0rd-secret-tail"}""");

        Assert.DoesNotContain("assw0rd", result);
    }

    [Fact]
    public void RedactText_KeyColonValue_MasksValue()
    {
        var result = _redactor.RedactText("client_secret: s3cr3tvalue, region: eu");

        Assert.Equal("client_secret: ***alue, region: eu", result);
    }

    [Fact]
    public void RedactText_AuthorizationBearer_KeepsSchemeAndMasksCredential()
    {
        var result = _redactor.RedactText("request had Authorization: Bearer eyJhbGciOi.xyz and failed");

        Assert.Equal("request had Authorization: Bearer ***.xyz and failed", result);
    }

    [Fact]
    public void RedactText_PasswordInUrl_MasksPasswordAndKeepsUserAndHost()
    {
        var result = _redactor.RedactText("cannot reach https://user:s3cr3tpass@example.com/x today");

        Assert.Equal("cannot reach https://user:***pass@example.com/x today", result);
    }

    [Fact]
    public void RedactText_UrlWithEmptyUserAndPassword_MasksPassword()
    {
        // redis://:password@host is the usual form of a Redis connection string.
        var result = _redactor.RedactText("connect redis://:Pa55w0rdXYZ@cache.internal:6379 failed");

        Assert.DoesNotContain("Pa55w0rd", result);
        Assert.Contains("cache.internal:6379 failed", result);
    }

    [Fact]
    public void RedactText_LongRunWithoutSeparators_DoesNotThrowAndStillMasksSecret()
    {
        // A 50 000-character word (a base64 blob, a response body) must not time the regex out.
        var text = new string('a', 50_000) + " token=abcdefgh1234";

        var result = _redactor.RedactText(text);

        Assert.DoesNotContain("abcdefgh", result);
    }

    [Theory]
    [InlineData("error rate 4.2 % over 2h, 3 of 60 jobs failed")]
    [InlineData("see https://ci.example.com/runs/42 for details")]
    [InlineData("")]
    public void RedactText_NoSecret_ReturnsTextUnchanged(string text)
    {
        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Fact]
    public void Redact_Alert_MasksSecretsInEveryField()
    {
        var alert = new Alert
        {
            Rule = "error_rate_critical",
            Severity = AlertSeverity.Critical,
            Title = "Deploy failed with password=pw-value-2222",
            Message = "call returned 401 for api_key=AKIAEXAMPLE9999",
            RootCause = "Authorization: Bearer tokenvalue.abcd rejected",
            Labels = new Dictionary<string, string>
            {
                ["service"] = "checkout",
                ["github_token"] = "ghp_labelsecret7777",
                ["note"] = "rotated secret=oldsecretvalue8888",
            },
            Context = new Dictionary<string, object?>
            {
                ["region"] = "eu-west-1",
                ["webhook_secret"] = "whsec_contextvalue6666",
                ["command"] = "deploy --token=clitokenvalue5555",
            },
            Links = [new AlertLink("CI run token=linktitlevalue4444", new Uri("https://ci.example.com/runs/42?token=querytokenvalue3333&page=2"))],
        };

        var result = _redactor.Redact(alert);

        Assert.Equal("Deploy failed with password=***2222", result.Title);
        Assert.Equal("call returned 401 for api_key=***9999", result.Message);
        Assert.Equal("Authorization: Bearer ***abcd rejected", result.RootCause);
        Assert.Equal("checkout", result.Labels["service"]);
        Assert.Equal("***7777", result.Labels["github_token"]);
        Assert.Equal("rotated secret=***8888", result.Labels["note"]);
        Assert.Equal("eu-west-1", result.Context["region"]);
        Assert.Equal("***6666", result.Context["webhook_secret"]);
        Assert.Equal("deploy --token=***5555", result.Context["command"]);
        var link = Assert.Single(result.Links);
        Assert.Equal("CI run token=***4444", link.Title);
        Assert.DoesNotContain("querytokenvalue", link.Url.OriginalString);
        Assert.DoesNotContain("querytokenvalue", link.Url.ToString());
        Assert.Contains("ci.example.com/runs/42", link.Url.OriginalString);
        Assert.Contains("page=2", link.Url.OriginalString);
    }

    [Fact]
    public void Redact_Alert_KeepsIdentityFieldsAndNullRootCause()
    {
        var timestamp = new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
        var alert = new Alert
        {
            Rule = "latency",
            Severity = AlertSeverity.Warning,
            Title = "p99 latency high",
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Timestamp = timestamp,
        };

        var result = _redactor.Redact(alert);

        Assert.Null(result.RootCause);
        Assert.Equal("latency", result.Rule);
        Assert.Equal(AlertSeverity.Warning, result.Severity);
        Assert.Equal("p99 latency high", result.Title);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", result.TraceId);
        Assert.Equal(timestamp, result.Timestamp);
    }

    [Fact]
    public void Redact_Alert_DoesNotMutateInput()
    {
        var labels = new Dictionary<string, string> { ["api_key"] = "abcdefgh" };
        var alert = new Alert { Rule = "r", Severity = AlertSeverity.Error, Title = "token=abcdefgh", Labels = labels };

        var result = _redactor.Redact(alert);

        Assert.NotSame(alert, result);
        Assert.Equal("token=abcdefgh", alert.Title);
        Assert.Equal("abcdefgh", labels["api_key"]);
    }

    [Fact]
    public void Redactor_CustomOptions_UsesExtraFragmentAndSuffixLength()
    {
        var options = new RedactionOptions { VisibleSuffixLength = 2 };
        options.SecretKeyFragments.Add("dsn");
        var redactor = new SecretRedactor(options);

        Assert.True(redactor.IsSecretKey("SENTRY_DSN"));
        Assert.False(_redactor.IsSecretKey("SENTRY_DSN"));
        Assert.Equal("***gh", redactor.MaskValue("abcdefgh"));
        Assert.Equal("***", redactor.MaskValue("ab"));
        Assert.Equal("***gh", redactor.Redact(new Dictionary<string, object?> { ["Sentry_Dsn"] = "abcdefgh" })["Sentry_Dsn"]);
        Assert.Equal("sentry dsn=***/1 rejected", redactor.RedactText("sentry dsn=https://abc@o1.ingest.sentry.io/1 rejected"));
    }

    [Fact]
    public void Redactor_SuffixLengthZero_ShowsOnlyMask()
    {
        var redactor = new SecretRedactor(new RedactionOptions { VisibleSuffixLength = 0 });

        Assert.Equal("***", redactor.MaskValue("abcdefgh"));
    }

    [Fact]
    public void Redactor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new SecretRedactor(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.IsSecretKey(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.MaskValue(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.RedactText(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.Redact((Alert)null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.Redact((IReadOnlyDictionary<string, object?>)null!));
    }

    private static string Flatten(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        System.Collections.IEnumerable items => string.Join("|", items.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? string.Empty,
    };
}
