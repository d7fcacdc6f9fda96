using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Observability.Tests.Http;

namespace Observability.Core.Tests.Rollback;

/// <summary>The HTTP action against a loopback listener: method, body, bearer token from the environment, status codes, timeout.</summary>
public sealed class HttpRollbackActionTests
{
    private const string Secret = "rollback-token-7f3a9c2e51d84b60";

    [Fact]
    public async Task RollBackAsync_ServerAnswers204_SucceedsWithTheTokenSentAndNeverRecorded()
    {
        var seen = new ConcurrentQueue<(string Method, string Path, string Body, string? Authorization, string? ContentType)>();
        await using var server = new HttpListenerLoopbackServer(async request =>
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            seen.Enqueue((request.HttpMethod, request.Url!.AbsolutePath, await reader.ReadToEndAsync(), request.Headers["Authorization"], request.ContentType));
            return new HttpListenerAnswer(204, []);
        });
        var variable = "OBS_TEST_ROLLBACK_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Secret);
        try
        {
            await using var kit = new RollbackTestKit(r =>
            {
                r.Http.Url = new Uri(server.BaseAddress, "api/rollouts/checkout?percentage=0");
                r.Http.Method = "put";
                r.Http.Body = """{"percentage":0}""";
                r.Http.TokenVariable = variable;
            });

            var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "error rate above 5 %"));

            Assert.Equal(RollbackOutcome.Succeeded, record.Outcome);
            Assert.Equal(204, record.HttpStatusCode);
            var call = Assert.Single(seen);
            Assert.Equal("PUT", call.Method);
            Assert.Equal("/api/rollouts/checkout", call.Path);
            Assert.Equal("""{"percentage":0}""", call.Body);
            Assert.Equal($"Bearer {Secret}", call.Authorization);
            Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
            Assert.Equal($"http PUT {server.BaseAddress}api/rollouts/checkout", record.Action);
            var audit = File.ReadAllText(kit.AuditFile);
            Assert.DoesNotContain(Secret, audit, StringComparison.Ordinal);
            Assert.DoesNotContain("percentage=0", audit, StringComparison.Ordinal);
            Assert.Equal(204, JsonDocument.Parse(audit).RootElement.GetProperty("http_status").GetInt32());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task RollBackAsync_ServerAnswers503_FailsWithTheStatus()
    {
        await using var server = new HttpListenerLoopbackServer(_ => Task.FromResult<HttpListenerAnswer?>(new HttpListenerAnswer(503, "busy"u8.ToArray())));
        await using var kit = new RollbackTestKit(r => r.Http.Url = new Uri(server.BaseAddress, "rollback"));

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Failed, record.Outcome);
        Assert.Equal(503, record.HttpStatusCode);
        Assert.StartsWith("the server answered 503", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBackAsync_TokenVariableUnset_MakesNoCall()
    {
        var calls = 0;
        await using var server = new HttpListenerLoopbackServer(_ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<HttpListenerAnswer?>(new HttpListenerAnswer(200, []));
        });
        await using var kit = new RollbackTestKit(r =>
        {
            r.Http.Url = new Uri(server.BaseAddress, "rollback");
            r.Http.TokenVariable = "OBS_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        });

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Error, record.Outcome);
        Assert.Contains("is not set; no call was made", record.Error, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task RollBackAsync_ServerUnreachable_IsAnError()
    {
        var port = HttpListenerLoopbackServer.FreePort();
        await using var kit = new RollbackTestKit(r => r.Http.Url = new Uri($"http://127.0.0.1:{port}/rollback"));

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Error, record.Outcome);
        Assert.Null(record.HttpStatusCode);
        Assert.StartsWith("the call failed", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBackAsync_ServerHangsPastTheTimeout_IsRecordedAsTimedOut()
    {
        var time = RollbackTestKit.FakeTime();
        await using var server = new HttpListenerLoopbackServer(_ => Task.FromResult<HttpListenerAnswer?>(null));
        await using var kit = new RollbackTestKit(
            r =>
            {
                r.Timeout = TimeSpan.FromMinutes(1);
                r.Http.Url = new Uri(server.BaseAddress, "rollback");
            },
            time);

        var rolling = kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));
        await server.HangReached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        var record = await rolling.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(RollbackOutcome.TimedOut, record.Outcome);
        Assert.Equal("timed_out", JsonDocument.Parse(Assert.Single(kit.AuditLines)).RootElement.GetProperty("outcome").GetString());
    }
}
