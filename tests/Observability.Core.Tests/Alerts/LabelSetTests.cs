using System.Collections.ObjectModel;
using System.Text.Json;
using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>The redacted labels an alert carries through the pipeline: a read-only copy, whatever the caller gave.</summary>
public sealed class LabelSetTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Fact]
    public void Redact_AHandfulOfLabels_GivesAReadOnlyCopy_ThatTheCallersLaterChangesDoNotReach()
    {
        var labels = new Dictionary<string, string> { ["service"] = "checkout", ["api_key"] = "k3y-v4lue-ab", ["region"] = "eu" };

        var redacted = _redactor.Redact(labels);
        labels["service"] = "changed";
        labels["extra"] = "added";

        Assert.IsType<LabelSet>(redacted);
        Assert.Equal(3, redacted.Count);
        Assert.Equal("checkout", redacted["service"]);
        Assert.Equal("***e-ab", redacted["api_key"]);
        Assert.False(redacted.ContainsKey("extra"));
        Assert.False(redacted.TryGetValue("Service", out _)); // ordinal, as the pipeline compares labels
        Assert.Equal(["service", "api_key", "region"], redacted.Keys);
        Assert.Equal(["checkout", "***e-ab", "eu"], redacted.Values);
        Assert.Throws<KeyNotFoundException>(() => redacted["missing"]);
    }

    [Fact]
    public void Redact_AnotherReadOnlyDictionary_IsCopiedTheSameWay()
    {
        var labels = new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["service"] = "checkout", ["password"] = "hunter22" });

        var redacted = _redactor.Redact(labels);

        Assert.Equal("checkout", redacted["service"]);
        Assert.DoesNotContain("hunter22", redacted.Values);
        Assert.Equal(2, redacted.Count);
    }

    [Fact]
    public void Redact_MoreLabelsThanASetHolds_GivesADictionaryWithTheSameContent()
    {
        var labels = Enumerable.Range(0, LabelSet.MaxLength + 1).ToDictionary(i => $"k{i}", i => $"v{i}");

        var redacted = _redactor.Redact(labels);

        Assert.IsNotType<LabelSet>(redacted);
        Assert.Equal(labels.OrderBy(l => l.Key), redacted.OrderBy(l => l.Key));
    }

    [Fact]
    public void Put_AKeyGivenTwice_KeepsItsLastValueInItsFirstPlace()
    {
        var items = new string[6];
        var length = LabelSet.Put(items, 0, "a", "1");
        length = LabelSet.Put(items, length, "b", "2");
        length = LabelSet.Put(items, length, "a", "3");

        var set = new LabelSet(items[..length]);

        Assert.Equal(4, length);
        Assert.Equal([new("a", "3"), new KeyValuePair<string, string>("b", "2")], set);
    }

    [Fact]
    public void AnAlertWithASet_SerializesItsLabelsAsAJsonObject()
    {
        var alert = _redactor.Redact(new Alert
        {
            Rule = "r",
            Severity = AlertSeverity.Warning,
            Title = "t",
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["region"] = "eu" },
        });

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(alert));

        var labels = json.RootElement.GetProperty("Labels");
        Assert.Equal(JsonValueKind.Object, labels.ValueKind);
        Assert.Equal("checkout", labels.GetProperty("service").GetString());
        Assert.Equal("eu", labels.GetProperty("region").GetString());
    }

    [Fact]
    public void SameInOrder_TellsEqualSetsFromSetsThatDifferInAValueOrAnOrder()
    {
        var a = (LabelSet)_redactor.Redact(new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" });
        var same = (LabelSet)_redactor.Redact(new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" });
        var otherValue = (LabelSet)_redactor.Redact(new Dictionary<string, string> { ["x"] = "1", ["y"] = "3" });
        var otherOrder = (LabelSet)_redactor.Redact(new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" });

        Assert.True(a.SameInOrder(same));
        Assert.False(a.SameInOrder(otherValue));
        Assert.False(a.SameInOrder(otherOrder));
        Assert.True(AlertLedger.SaysTheSame(Alert(a), Alert(otherOrder))); // the same labels in another order still say the same
        Assert.False(AlertLedger.SaysTheSame(Alert(a), Alert(otherValue)));
    }

    private static Alert Alert(IReadOnlyDictionary<string, string> labels) => new() { Rule = "r", Severity = AlertSeverity.Warning, Title = "t", Labels = labels };
}
