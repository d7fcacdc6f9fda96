namespace Observability.Core.Tests.Redaction;

/// <content>Free text: key=value, JSON pairs, bearer credentials, passwords in URLs, clean text unchanged, and the same instances again.</content>
public sealed partial class SecretRedactorTests
{
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

    [Theory]
    [InlineData("client_secret: s3cr3tvalue, region: eu", "client_secret: ***alue, region: eu")] // key: value, the value masked
    [InlineData("request had Authorization: Bearer eyJhbGciOi.xyz and failed", "request had Authorization: Bearer ***.xyz and failed")] // the scheme kept
    [InlineData("cannot reach https://user:s3cr3tpass@example.com/x today", "cannot reach https://user:***pass@example.com/x today")] // user and host kept
    public void RedactText_MasksTheSecretAndKeepsWhatSurroundsIt(string text, string expected)
        => Assert.Equal(expected, _redactor.RedactText(text));

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
}
