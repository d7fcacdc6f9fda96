using System.Globalization;
using System.Text.Json.Nodes;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>
/// The issues side of the loopback GitHub for <c>octo-org/octo-repo</c>: issues list/create/get/update, comments,
/// commit statuses, check runs and issue search, answering with GitHub's documented example bodies adapted with the
/// fields the request set (see tests/Fixtures/github/INDEX.md), and keeping state across requests, so that
/// open, comment and close can be observed, also from a second sink instance. <see cref="Override"/> scripts an
/// error (or <see cref="Hang"/>) for chosen requests before the normal handling.
/// </summary>
internal sealed partial class FakeGitHubIssues
{
    public const string Owner = "octo-org";
    public const string Repo = "octo-repo";

    /// <summary>Returned by <see cref="Override"/> to make the server never answer that request.</summary>
    public static readonly LoopbackResponse Hang = new(0, []);

    private readonly object _gate = new();
    private readonly LoopbackGitHubServer _server;
    private readonly List<JsonObject> _issues = [];
    private readonly List<JsonObject> _comments = [];
    private readonly List<JsonObject> _statuses = [];
    private readonly List<JsonObject> _checkRuns = [];
    private readonly HashSet<int> _unindexed = [];
    private int _nextNumber = 1347;
    private long _nextId = 1;

    public FakeGitHubIssues(LoopbackGitHubServer server)
    {
        _server = server;
        server.RoutePrefix(RepoPath, Handle);
        server.RoutePrefix(LoopbackGitHubServer.Api("/search/issues"), Handle);
    }

    public static string RepoPath => LoopbackGitHubServer.Api($"/repos/{Owner}/{Repo}/");

    /// <summary>Gets or sets a script run before the normal handling; a non-null answer wins (<see cref="Hang"/> never answers).</summary>
    public Func<LoopbackRequest, LoopbackResponse?>? Override { get; set; }

    /// <summary>Gets or sets a value indicating whether new issues are visible to search at once; <see langword="false"/> models GitHub's indexing delay.</summary>
    public bool SearchIndexesAtOnce { get; set; } = true;

    public IReadOnlyList<JsonObject> Issues => Snapshot(_issues);

    public IReadOnlyList<JsonObject> Comments => Snapshot(_comments);

    public IReadOnlyList<JsonObject> Statuses => Snapshot(_statuses);

    public IReadOnlyList<JsonObject> CheckRuns => Snapshot(_checkRuns);

    /// <summary>Adds an open issue as if another tool (or an earlier run) had opened it.</summary>
    public int Seed(string title, string body, params string[] labels)
    {
        lock (_gate)
        {
            return Create(new JsonObject { ["title"] = title, ["body"] = body, ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]) })["number"]!.GetValue<int>();
        }
    }

    private static IReadOnlyList<JsonObject> Snapshot(List<JsonObject> items)
    {
        lock (items)
        {
            return [.. items.Select(static i => (JsonObject)i.DeepClone())];
        }
    }

    private static LoopbackResponse Json(JsonNode node, int status = 200, IReadOnlyDictionary<string, string>? headers = null)
        => LoopbackResponse.Json(node.ToJsonString(), status, headers);

    private static JsonObject Template(string name) => JsonNode.Parse(Fixtures.Text(name))!.AsObject();

    private static LoopbackResponse NotFound()
        => LoopbackResponse.Json("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""", 404);

    private LoopbackResponse? Handle(LoopbackRequest request)
    {
        if (Override?.Invoke(request) is { } scripted)
        {
            return ReferenceEquals(scripted, Hang) ? null : scripted;
        }

        var body = string.IsNullOrEmpty(request.Body) ? new JsonObject() : JsonNode.Parse(request.Body)!.AsObject();
        var path = request.Path;
        var parts = path.StartsWith(RepoPath, StringComparison.Ordinal) ? path[RepoPath.Length..].Split('/') : [];
        lock (_gate)
        {
            return (request.Method, parts) switch
            {
                ("GET", _) when path == LoopbackGitHubServer.Api("/search/issues") => Search(request),
                ("GET", ["issues"]) => List(request),
                ("POST", ["issues"]) => Json(Create(body), 201, new Dictionary<string, string> { ["Location"] = $"https://api.github.com/repos/{Owner}/{Repo}/issues/{_nextNumber - 1}" }),
                ("GET", ["issues", var n]) => Find(n) is { } issue ? Json(issue) : NotFound(),
                ("PATCH", ["issues", var n]) => Find(n) is { } issue ? Json(Update(issue, body)) : NotFound(),
                ("POST", ["issues", var n, "comments"]) => Find(n) is { } issue ? Json(Comment(issue, body), 201) : NotFound(),
                ("POST", ["statuses", var sha]) => Json(Status(sha, body), 201),
                ("POST", ["check-runs"]) => Json(CheckRun(body), 201),
                _ => NotFound(),
            };
        }
    }

    private JsonObject Create(JsonObject request)
    {
        var number = _nextNumber++;
        var text = Fixtures.Text("issues.create.201.default.json")
            .Replace("octocat/Hello-World/issues/1347", $"{Owner}/{Repo}/issues/{number}", StringComparison.Ordinal)
            .Replace("repos/octocat/Hello-World", $"repos/{Owner}/{Repo}", StringComparison.Ordinal);
        var issue = JsonNode.Parse(text)!.AsObject();
        var labelTemplate = issue["labels"]![0]!;
        issue["id"] = _nextId++;
        issue["number"] = number;
        issue["title"] = request["title"]?.DeepClone();
        issue["body"] = request["body"]?.DeepClone();
        issue["state"] = "open";
        issue["state_reason"] = null;
        issue["closed_at"] = null;
        issue["comments"] = 0;
        issue.Remove("pull_request");
        var labels = new JsonArray();
        foreach (var name in request["labels"]?.AsArray().Select(static l => l!.GetValue<string>()) ?? [])
        {
            var label = labelTemplate.DeepClone().AsObject();
            label["id"] = _nextId++;
            label["name"] = name;
            label["url"] = $"https://api.github.com/repos/{Owner}/{Repo}/labels/{Uri.EscapeDataString(name)}";
            label["default"] = false;
            labels.Add(label);
        }

        issue["labels"] = labels;
        lock (_issues)
        {
            _issues.Add(issue);
        }

        if (!SearchIndexesAtOnce)
        {
            _unindexed.Add(number);
        }

        return issue;
    }

    private JsonObject? Find(string number)
    {
        lock (_issues)
        {
            return _issues.FirstOrDefault(i => i["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == number);
        }
    }

    private static JsonObject Update(JsonObject issue, JsonObject request)
    {
        foreach (var key in new[] { "title", "body", "state", "state_reason" })
        {
            if (request.ContainsKey(key))
            {
                issue[key] = request[key]?.DeepClone();
            }
        }

        if (request["labels"] is JsonArray labels)
        {
            issue["labels"] = new JsonArray([.. labels.Select(static l => (JsonNode)new JsonObject { ["name"] = l!.GetValue<string>() })]);
        }

        issue["closed_at"] = issue["state"]!.GetValue<string>() == "closed" ? "2026-11-22T10:00:00Z" : null;
        return issue;
    }

    private JsonObject Comment(JsonObject issue, JsonObject request)
    {
        var comment = Template("issues.create-comment.201.default.json");
        comment["id"] = _nextId++;
        comment["body"] = request["body"]?.DeepClone();
        comment["issue_url"] = issue["url"]!.DeepClone();
        issue["comments"] = issue["comments"]!.GetValue<int>() + 1;
        lock (_comments)
        {
            _comments.Add(comment);
        }

        return comment;
    }

    private JsonObject Status(string sha, JsonObject request)
    {
        var status = Template("repos.create-commit-status.201.default.json");
        status["id"] = _nextId++;
        status["url"] = $"https://api.github.com/repos/{Owner}/{Repo}/statuses/{sha}";
        foreach (var key in new[] { "state", "context", "description", "target_url" })
        {
            status[key] = request[key]?.DeepClone();
        }

        lock (_statuses)
        {
            _statuses.Add(status);
        }

        return status;
    }

    private JsonObject CheckRun(JsonObject request)
    {
        var run = Template("checks.create.201.example-of-completed-conclusion.json");
        run["id"] = _nextId++;
        foreach (var key in new[] { "name", "head_sha", "status", "conclusion", "details_url", "completed_at" })
        {
            run[key] = request[key]?.DeepClone();
        }

        lock (_checkRuns)
        {
            _checkRuns.Add(run);
        }

        return run;
    }
}
