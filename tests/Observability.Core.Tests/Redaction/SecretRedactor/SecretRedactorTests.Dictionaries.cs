using System.Dynamic;

namespace Observability.Core.Tests.Redaction;

/// <content>Dictionaries and context: secret keys masked at any depth, in lists, under generic-only dictionaries; the input never changed.</content>
public sealed partial class SecretRedactorTests
{
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

    private static string Flatten(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        System.Collections.IEnumerable items => string.Join("|", items.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? string.Empty,
    };
}
