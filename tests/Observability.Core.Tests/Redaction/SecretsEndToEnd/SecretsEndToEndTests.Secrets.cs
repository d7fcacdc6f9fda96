using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Testing;
using Observability.Tests.Http;
namespace Observability.Core.Tests.Redaction;

/// <content>The secrets the test plants and the scanner that looks for them, whole or by their middle.</content>
public sealed partial class SecretsEndToEndTests
{
    /// <summary>The secrets, built at run time from random parts so the repository holds none.</summary>
    private sealed record Secrets(string GitHubToken, string DiscordWebhook, string SentryDsn, string AwsKey, string Password, string PemKey)
    {
        public IReadOnlyList<string> All => [GitHubToken, DiscordWebhook, SentryDsn, AwsKey, Password, PemKey];

        public string Joined => string.Join(" ; ", All);

        /// <summary>For each secret, a distinctive middle part (never its last 4 characters, the fingerprint the redactor keeps).</summary>
        public IReadOnlyList<string> Middles =>
        [
            GitHubToken[6..22],
            DiscordWebhook[^40..^20],
            SentryDsn[10..30],
            AwsKey[4..16],
            Password["password=".Length..^6],
            PemKey[(PemKey.IndexOf('\n', StringComparison.Ordinal) + 8)..(PemKey.IndexOf('\n', StringComparison.Ordinal) + 40)],
        ];

        public static Secrets Create(int port)
        {
            var random = Random.Shared;
            const string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            string Pick(string alphabet, int length) => new(random.GetItems(alphabet.AsSpan(), length));

            var github = "ghp" + "_" + Pick(alnum, 36);
            var webhookId = "1" + Pick("0123456789", 17);
            var discord = $"http://127.0.0.1:{port}/api/web" + $"hooks/{webhookId}/" + Pick(alnum + "-_", 68);
            var sentry = $"http://{Pick("0123456789abcdef", 32)}@127.0.0.1:{port}/{Pick("123456789", 6)}";
            var aws = "AK" + "IA" + Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
            var password = "pass" + "word=" + Pick(alnum, 10) + "!" + Pick(alnum, 10);
            var body = string.Join('\n', Enumerable.Range(0, 6).Select(_ => Pick(alnum + "+/", 64)));
            var label = "RSA PRIVATE" + " KEY";
            var pem = $"-----BEGIN {label}-----\n{body}\n-----END {label}-----";
            return new Secrets(github, discord, sentry, aws, password, pem);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial System.Text.RegularExpressions.Regex MarkdownEscape();

    private sealed class Scanner(Secrets secrets)
    {
        public List<string> Leaks { get; } = [];

        public void Check(string where, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            // JSON and HTML escape some characters: look in the text and in its unescaped form.
            var unescaped = WebUtility.HtmlDecode(text.Replace("\\u002B", "+", StringComparison.Ordinal).Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal));
            // Markdown escapes punctuation with a backslash ('\_', '\*', '\-'): look in the text without them too.
            var markdown = MarkdownEscape().Replace(text, "$1");
            for (var i = 0; i < secrets.All.Count; i++)
            {
                foreach (var needle in new[] { secrets.All[i], secrets.Middles[i] })
                {
                    if (text.Contains(needle, StringComparison.Ordinal) || unescaped.Contains(needle, StringComparison.Ordinal) || markdown.Contains(needle, StringComparison.Ordinal))
                    {
                        var at = unescaped.IndexOf(needle, StringComparison.Ordinal);
                        var excerpt = at >= 0 ? unescaped.Substring(Math.Max(0, at - 60), Math.Min(unescaped.Length - Math.Max(0, at - 60), needle.Length + 120)) : needle;
                        Leaks.Add($"{where}: secret #{i} ({(needle == secrets.All[i] ? "whole" : "middle")}) in ...{excerpt.ReplaceLineEndings(" ")}...");
                    }
                }
            }
        }
    }
}
