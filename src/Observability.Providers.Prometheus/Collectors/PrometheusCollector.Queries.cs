using System.Globalization;
using Observability.Internal;

namespace Observability;

/// <summary>Running a collection's queries: the first alone, the others side by side, all within one deadline.</summary>
public sealed partial class PrometheusCollector
{
    /// <summary>How many queries of one collection are on the wire at once.</summary>
    private const int MaxConcurrentQueries = 4;

    /// <summary>
    /// Runs every query within <see cref="PrometheusCollectorOptions.CollectionTimeout"/>. The first goes alone, so a server
    /// that refuses (unreachable, unauthorized, rate limited) gets one request; the others then go side by side, at most
    /// <see cref="MaxConcurrentQueries"/> at once, and a wall met by one of them stops the rest. A query still unanswered at
    /// the deadline is a timeout error naming it; the answers already in are kept.
    /// </summary>
    private async Task<(PrometheusQueryResult? Result, CollectionError? Error)[]> QueryAllAsync(QueryPlan plan, CancellationToken cancellationToken)
    {
        var answers = new (PrometheusQueryResult? Result, CollectionError? Error)[_queries.Count];
        using var deadline = new CancellationTokenSource(_collectionTimeout, _timeProvider);
        using var collection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(collection.Token);
        var context = new QueryContext(plan, cancellationToken, deadline, stop.Token);

        answers[0] = await QueryAsync(0, context).ConfigureAwait(false);
        if (answers[0].Error is { } first && IsWall(first))
        {
            return answers; // the rest would meet the same wall: not asked
        }

        using var slots = new SemaphoreSlim(MaxConcurrentQueries);
        var running = new List<Task>(_queries.Count - 1);
        for (var q = 1; q < _queries.Count; q++)
        {
            var index = q;
            running.Add(Task.Run(
                async () =>
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        answers[index] = stop.IsCancellationRequested || deadline.IsCancellationRequested
                            ? (null, NotAnswered(_queries[index].Name, context))
                            : await QueryAsync(index, context).ConfigureAwait(false);
                        if (answers[index].Error is { } error && IsWall(error))
                        {
                            await stop.CancelAsync().ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                CancellationToken.None));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return answers;
    }

    private Task<(PrometheusQueryResult? Result, CollectionError? Error)> QueryAsync(int index, QueryContext context)
    {
        var (queryName, _, template) = _queries[index];
        var expression = PrometheusQueryTemplates.Render(template, _service, _serviceLabel, context.Plan.RateWindow, context.Plan.Step);
        return QueryAsync(queryName, expression, context);
    }

    /// <summary>Why a query has no answer: the collection's deadline passed (or a wall met by another query stopped it).</summary>
    private CollectionError NotAnswered(string queryName, QueryContext context)
    {
        return context.Deadline.IsCancellationRequested
            ? new CollectionError(CollectionErrorKind.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"query '{queryName}' got no answer from Prometheus at {_displayEndpoint} within the collection's deadline (CollectionTimeout {_collectionTimeout.TotalSeconds:0.###} s)"), queryName)
            : new CollectionError(CollectionErrorKind.Unreachable, $"query '{queryName}' was not run: another query found Prometheus at {_displayEndpoint} refusing", queryName);
    }

    /// <summary>What every query of one collection shares: the plan, the caller's token, the collection's deadline and the stop of a wall.</summary>
    private sealed record QueryContext(QueryPlan Plan, CancellationToken Caller, CancellationTokenSource Deadline, CancellationToken Token);
}
