using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// <see cref="SecretRedactor.RedactValue"/> over records, objects, tuples, JSON and nested collections: the key-based rule
/// applies to property names, free-text rules to other strings, and depth and cycles are guarded.
/// </summary>
public sealed class SecretRedactorStructuredTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Fact]
    public void RedactValue_Record_MasksSecretPropertiesKeepsOthers()
    {
        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(new Credentials("deploy-bot", "Hunter2-x9y8", 3)));

        Assert.Equal("deploy-bot", result["User"]);
        Assert.Equal("***x9y8", result["Password"]);
        Assert.Equal(3, result["Retries"]);
    }

    [Fact]
    public void RedactValue_ObjectWithNestedObjectAndList_WalksProperties()
    {
        var value = new Deployment { Name = "checkout", Settings = new Credentials("ci", "S3cr3t-pass-abcd", 1), Notes = ["ok", "token=ghp_aB3cD4eF5gH6iJ7kL8mN9pQ2rS3tU4vW5xY6z"] };

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(value));

        var settings = Assert.IsType<Dictionary<string, object?>>(result["Settings"]);
        Assert.Equal("***abcd", settings["Password"]);
        var notes = Assert.IsType<List<object?>>(result["Notes"]);
        Assert.Equal("ok", notes[0]);
        Assert.Equal("token=***xY6z", notes[1]);
        Assert.Equal("checkout", result["Name"]);
    }

    [Fact]
    public void RedactValue_ObjectUnderSecretKey_MasksEveryLeaf()
    {
        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.Redact("secret_settings", new Credentials("deploy-bot", "Hunter2-x9y8", 12345)));

        Assert.Equal("***-bot", result["User"]);
        Assert.Equal("***x9y8", result["Password"]);
        Assert.Equal("***2345", result["Retries"]);
    }

    [Fact]
    public void RedactValue_ValueTupleAndTuple_ReturnsRedactedItems()
    {
        var valueTuple = Assert.IsType<List<object?>>(_redactor.RedactValue(("region", "password=Hunter2-x9y8", 7)));
        var tuple = Assert.IsType<List<object?>>(_redactor.RedactValue(Tuple.Create("Authorization: Bearer abc123XYZdef456", 1.5)));

        Assert.Equal(["region", "password=***x9y8", 7], valueTuple);
        Assert.Equal(["Authorization: Bearer ***f456", 1.5], tuple);
    }

    [Fact]
    public void RedactValue_SelfReferencingDictionary_StopsAtTheCycle()
    {
        var node = new Dictionary<string, object?> { ["name"] = "a" };
        node["self"] = node;

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(node));

        Assert.Equal("[cycle]", result["self"]);
        Assert.Equal("a", result["name"]);
    }

    [Fact]
    public void RedactValue_SelfReferencingObject_StopsAtTheCycle()
    {
        var node = new Node { Token = "tok-aB3cD4eF5gH6" };
        node.Next = node;

        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(node));

        Assert.Equal("[cycle]", result["Next"]);
        Assert.Equal("***5gH6", result["Token"]);
    }

    [Fact]
    public void RedactValue_SameObjectTwiceSideBySide_IsNotACycle()
    {
        var shared = new Credentials("ci", "Hunter2-x9y8", 1);

        var result = Assert.IsType<List<object?>>(_redactor.RedactValue(new[] { shared, shared }));

        Assert.All(result, item => Assert.Equal("***x9y8", Assert.IsType<Dictionary<string, object?>>(item)["Password"]));
    }

    [Fact]
    public void RedactValue_NestingDeeperThanTheLimit_IsCutShort()
    {
        object? value = "password=Hunter2-x9y8";
        for (var i = 0; i < 100; i++)
        {
            value = new List<object?> { value };
        }

        var depth = 0;
        var current = _redactor.RedactValue(value);
        while (current is List<object?> list)
        {
            current = list[0];
            depth++;
        }

        Assert.Equal("[too deep]", current);
        Assert.Equal(32, depth);
    }

    [Fact]
    public void RedactValue_JsonNodeArrayAndElementArray_ReturnLists()
    {
        var node = JsonNode.Parse("""[{"api_key":"k3y-v4lue-abcd"},"Bearer abc123XYZdef456"]""");
        using var document = JsonDocument.Parse("""[{"api_key":"k3y-v4lue-abcd"},2]""");

        var fromNode = Assert.IsType<List<object?>>(_redactor.RedactValue(node));
        var fromElement = Assert.IsType<List<object?>>(_redactor.RedactValue(document.RootElement));

        Assert.Equal("***abcd", Assert.IsType<Dictionary<string, object?>>(fromNode[0])["api_key"]);
        Assert.Equal("Bearer ***f456", fromNode[1]);
        Assert.Equal("***abcd", Assert.IsType<Dictionary<string, object?>>(fromElement[0])["api_key"]);
        Assert.Equal(2L, fromElement[1]);
    }

    [Fact]
    public void RedactValue_DictionaryWithNonStringKeys_UsesTheKeysText()
    {
        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(new Dictionary<int, string> { [1] = "password=Hunter2-x9y8" }));

        Assert.Equal("password=***x9y8", result["1"]);
    }

    [Fact]
    public void RedactValue_ExceptionAndScalars_ShowRedactedTextAndKeepScalars()
    {
        var exception = new InvalidOperationException("login failed for password=Hunter2-x9y8");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var text = Assert.IsType<string>(_redactor.RedactValue(exception));

        Assert.Contains("password=***x9y8", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", text, StringComparison.Ordinal);
        Assert.Equal(when, _redactor.RedactValue(when));
        Assert.Equal(DayOfWeek.Friday, _redactor.RedactValue(DayOfWeek.Friday));
        Assert.Equal(42m, _redactor.RedactValue(42m));
    }

    [Fact]
    public void RedactValue_PropertyThatThrows_IsShownAsUnreadable()
    {
        var result = Assert.IsType<Dictionary<string, object?>>(_redactor.RedactValue(new Throwing()));

        Assert.Equal("[unreadable]", result["Broken"]);
        Assert.Equal("fine", result["Fine"]);
    }

    private sealed record Credentials(string User, string Password, int Retries);

    private sealed class Deployment
    {
        public string Name { get; init; } = string.Empty;

        public Credentials? Settings { get; init; }

        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    private sealed class Node
    {
        public string Token { get; set; } = string.Empty;

        public Node? Next { get; set; }
    }

    private sealed class Throwing
    {
        public string Broken => throw new InvalidOperationException("password=Hunter2-x9y8");

        public string Fine => "fine";
    }
}
