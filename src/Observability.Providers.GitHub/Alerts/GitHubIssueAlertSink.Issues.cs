using Observability.Internal;
using Octokit;

namespace Observability;

/// <content>The GitHub side: find the fingerprint's open issue, open, comment, close, and the deployment gate.</content>
public sealed partial class GitHubIssueAlertSink
{
    private const int PageSize = 100;

    /// <summary>Delivers one alert; returns the HTTP status of the last write, if any.</summary>
    private async Task<int?> DeliverAsync(Alert alert, Step step, CancellationToken cancellationToken)
    {
        var fingerprint = GitHubIssueText.Fingerprint(alert);
        var shortPrint = fingerprint[..8];
        var issue = await FindOpenIssueAsync(fingerprint, step, cancellationToken).ConfigureAwait(false);
        int? statusCode = null;

        if (alert.Status == AlertStatus.Resolved)
        {
            if (issue is null)
            {
                LogNothingToResolve(_logger, Name, shortPrint, _repository);
            }
            else
            {
                await CallAsync(step, $"commenting on issue #{issue.Number} of {_repository}", () => _client.Issue.Comment.Create(_owner, _repo, issue.Number, Hide(GitHubIssueText.ResolvedComment(alert))), cancellationToken).ConfigureAwait(false);
                statusCode = 201;
                if (_options.CloseOnResolve)
                {
                    var close = new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.Completed };
                    await CallAsync(step, $"closing issue #{issue.Number} of {_repository}", () => _client.Issue.Update(_owner, _repo, issue.Number, close), cancellationToken).ConfigureAwait(false);
                    statusCode = 200;
                }

                LogIssue(_logger, Name, _options.CloseOnResolve ? "resolved and closed" : "resolved", issue.Number, _repository, shortPrint);
            }
        }
        else if (issue is null)
        {
            var create = new NewIssue(Hide(GitHubIssueText.Title(alert))) { Body = Hide(GitHubIssueText.Body(alert, fingerprint)) };
            foreach (var label in GitHubIssueText.Labels(_labels, alert))
            {
                create.Labels.Add(Hide(label));
            }

            issue = await CallAsync(step, $"opening an issue in {_repository}", () => _client.Issue.Create(_owner, _repo, create), cancellationToken).ConfigureAwait(false);
            statusCode = 201;
            LogIssue(_logger, Name, "opened", issue.Number, _repository, shortPrint);
        }
        else
        {
            await CallAsync(step, $"commenting on issue #{issue.Number} of {_repository}", () => _client.Issue.Comment.Create(_owner, _repo, issue.Number, Hide(GitHubIssueText.RepeatComment(alert))), cancellationToken).ConfigureAwait(false);
            statusCode = 201;
            LogIssue(_logger, Name, "commented on", issue.Number, _repository, shortPrint);
        }

        return await PostGateAsync(alert, issue, step, cancellationToken).ConfigureAwait(false) ?? statusCode;
    }

    /// <summary>
    /// Finds the OPEN issue carrying the fingerprint's marker. The listing of open issues with the sink's first label
    /// is read first: it is consistent at once, while search only finds an issue after GitHub has indexed it (seconds
    /// to minutes), so two alerts in quick succession would open two issues if search came first. Search is asked
    /// only when the listing reached <see cref="GitHubIssueAlertSinkOptions.MaxOpenIssuesScanned"/> without a match.
    /// </summary>
    private async Task<Issue?> FindOpenIssueAsync(string fingerprint, Step step, CancellationToken cancellationToken)
    {
        var marker = GitHubIssueText.Marker(fingerprint);
        var max = _options.MaxOpenIssuesScanned;
        var request = new RepositoryIssueRequest
        {
            State = ItemStateFilter.Open,
            SortProperty = IssueSort.Created,
            SortDirection = SortDirection.Descending,
        };
        if (_labels.Count > 0)
        {
            request.Labels.Add(_labels[0]);
        }

        var pageSize = Math.Min(PageSize, max);
        var pages = new ApiOptions { StartPage = 1, PageSize = pageSize, PageCount = (max + pageSize - 1) / pageSize };
        var open = await CallAsync(step, $"listing the open issues of {_repository}", () => _client.Issue.GetAllForRepository(_owner, _repo, request, pages), cancellationToken).ConfigureAwait(false);
        var found = open.FirstOrDefault(i => Carries(i, marker));
        if (found is not null || open.Count < max)
        {
            return found;
        }

        var search = new SearchIssuesRequest($"\"{fingerprint}\"")
        {
            Repos = new RepositoryCollection { _repository },
            State = ItemState.Open,
            Type = IssueTypeQualifier.Issue,
            In = [IssueInQualifier.Body],
        };
        var result = await CallAsync(step, $"searching the issues of {_repository}", () => _client.Search.SearchIssues(search), cancellationToken).ConfigureAwait(false);
        return result.Items.FirstOrDefault(i => Carries(i, marker));
    }

    /// <summary>Posts the commit status (or check run): failure for a firing error or critical alert, success for a resolved one.</summary>
    private async Task<int?> PostGateAsync(Alert alert, Issue? issue, Step step, CancellationToken cancellationToken)
    {
        var resolved = alert.Status == AlertStatus.Resolved;
        var sha = GitHubIssueText.CommitSha(alert, _options.StatusSha);
        if (sha is null || (!resolved && alert.Severity < AlertSeverity.Error))
        {
            return null;
        }

        if (!GitHubIssueText.IsCommitSha(sha))
        {
            // A bad commit_sha on one alert must not turn its delivered issue into a rejected group.
            LogBadSha(_logger, Name, GitHubIssueText.Cut(sha, 80), GitHubIssueText.Fingerprint(alert)[..8]);
            return null;
        }

        var context = _options.StatusContext.Trim();
        var target = issue?.HtmlUrl is { Length: > 0 } html ? html : alert.Links.FirstOrDefault()?.Url.AbsoluteUri;
        var description = Hide(GitHubIssueText.StatusDescription(alert));
        if (_options.UseCheckRuns)
        {
            var run = new NewCheckRun(context, sha)
            {
                Status = CheckStatus.Completed,
                Conclusion = resolved ? CheckConclusion.Success : CheckConclusion.Failure,
                CompletedAt = _timeProvider.GetUtcNow(),
                DetailsUrl = target,
                Output = new NewCheckRunOutput(description, issue is null ? description : $"{description}\n\nSee issue #{issue.Number}."),
            };
            await CallAsync(step, $"creating check run {context} on {ShortSha(sha)}", () => _client.Check.Run.Create(_owner, _repo, run), cancellationToken).ConfigureAwait(false);
            LogGate(_logger, Name, "check run", context, ShortSha(sha), resolved ? "success" : "failure");
            return 201;
        }

        var status = new NewCommitStatus
        {
            State = resolved ? CommitState.Success : CommitState.Failure,
            Context = context,
            Description = description,
            TargetUrl = target,
        };
        await CallAsync(step, $"setting commit status {context} on {ShortSha(sha)}", () => _client.Repository.Status.Create(_owner, _repo, sha, status), cancellationToken).ConfigureAwait(false);
        LogGate(_logger, Name, "commit status", context, ShortSha(sha), resolved ? "success" : "failure");
        return 201;
    }

    /// <summary>Removes the sink's own token from text bound for GitHub, should an alert ever quote it (the pipeline's redactor does not know it).</summary>
    private string Hide(string text) => text.Replace(_token, "***", StringComparison.Ordinal);

    private static bool Carries(Issue issue, string marker)
        => issue.PullRequest is null && issue.Body?.Contains(marker, StringComparison.Ordinal) == true;

    private static string ShortSha(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
