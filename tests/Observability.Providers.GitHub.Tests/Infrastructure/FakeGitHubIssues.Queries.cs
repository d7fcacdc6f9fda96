using System.Text.Json.Nodes;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <content>The reads: the open-issue listing with its pages, and issue search.</content>
internal sealed partial class FakeGitHubIssues
{
    /// <summary>Open issues first-newest, filtered by <c>state</c> and <c>labels</c> (all must match), paged with a <c>Link</c> header as GitHub does.</summary>
    private LoopbackResponse List(LoopbackRequest request)
    {
        var state = request.Query("state") ?? "open";
        var wanted = (request.Query("labels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var perPage = int.TryParse(request.Query("per_page"), out var size) ? size : 30;
        var page = int.TryParse(request.Query("page"), out var p) ? p : 1;
        List<JsonObject> matching;
        lock (_issues)
        {
            matching = [.. _issues
                .Where(i => state == "all" || i["state"]!.GetValue<string>() == state)
                .Where(i => wanted.All(w => i["labels"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == w)))
                .OrderByDescending(static i => i["number"]!.GetValue<int>())];
        }

        var items = new JsonArray([.. matching.Skip((page - 1) * perPage).Take(perPage).Select(static i => i.DeepClone())]);
        var headers = new Dictionary<string, string>();
        if (page * perPage < matching.Count)
        {
            var next = _server.Url($"{request.Path}?state={state}&labels={string.Join(',', wanted)}&per_page={perPage}&page={page + 1}");
            headers["Link"] = $"<{next}>; rel=\"next\"";
        }

        return Json(items, 200, headers);
    }

    /// <summary>The example envelope with the open issues of the repository whose body holds the quoted term.</summary>
    private LoopbackResponse Search(LoopbackRequest request)
    {
        var q = request.Query("q") ?? string.Empty;
        var start = q.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : q.IndexOf('"', start + 1);
        var term = end > start ? q[(start + 1)..end] : q;
        var inRepo = q.Contains($"repo:{Owner}/{Repo}", StringComparison.Ordinal);
        var result = Template("search.issues-and-pull-requests.200.default.json");
        var score = result["items"]![0]!["score"]!.DeepClone();
        List<JsonObject> found;
        lock (_issues)
        {
            found = [.. _issues.Where(i => inRepo
                && i["state"]!.GetValue<string>() == "open"
                && !_unindexed.Contains(i["number"]!.GetValue<int>())
                && (i["body"]?.GetValue<string>() ?? string.Empty).Contains(term, StringComparison.Ordinal))];
        }

        result["total_count"] = found.Count;
        result["items"] = new JsonArray([.. found.Select(i =>
        {
            var item = i.DeepClone().AsObject();
            item["score"] = score.DeepClone();
            return (JsonNode)item;
        })]);
        return Json(result);
    }
}
