#!/usr/bin/env python3
"""Generate data/checkout-7d.csv, the data set of the RolloutHealth sample.

Deterministic (fixed seed, Python 3 standard library only): running this script
again writes a byte-identical file, so the committed CSV can always be regenerated
and reviewed.

    python3 samples/Observability.Samples.RolloutHealth/data/generate_dataset.py

Shape of the data
-----------------
* One service, "checkout": 7 days, 2025-11-15T00:00:00Z .. 2025-11-21T23:30:00Z,
  one snapshot every 30 minutes (336 rows). Columns:
  timestamp, availability, error_rate, request_count, job_count, error_count,
  latency_p95_ms, latency_p99_ms, cpu_utilization, memory_utilization.
* Diurnal traffic: quiet nights, a peak around 13:00 UTC. request_count runs from
  about 2,000 to about 12,000 per 30 minutes (the weekend, Nov 15-16, is ~12 %
  quieter); job_count from about 20 to about 120. Every value carries some noise.
* Healthy baseline: error rate 0.01-0.11 % (a little higher under load, so the 99.9 %
  availability SLO is met almost always but not quite always), p95 latency
  120-220 ms, p99 250-420 ms (always above p95), CPU following the traffic, memory
  drifting slowly with a small daily release.
* Internal consistency: error_count is a whole number of failed requests,
  error_rate = error_count / request_count and availability = 1 - error_rate.
* One TRANSIENT EMPTY-SOURCE GAP: 2025-11-18T03:00 and 03:30 (day 4), every metric
  is 0. The exporter went quiet for an hour; the service itself was fine (the rows
  around the gap are normal). A monitor must report it as a data gap of two
  snapshots, not as an outage.
* A GRADUAL DEGRADATION over the last 12 hours (from 2025-11-21T12:00): the error
  rate climbs from the baseline to ~6-7 % in the final two hours (22:00-23:30),
  p99 latency to ~700-800 ms (p95 ~430-520 ms), CPU rises by up to ~0.3 and
  availability falls accordingly. With the default thresholds (critical error
  rate 5 %) and a 2-hour evaluation window the verdict must be "rollback".
"""

from __future__ import annotations

import math
import os
import random
from datetime import datetime, timedelta, timezone

SEED = 20251122
START = datetime(2025, 11, 15, tzinfo=timezone.utc)
STEP = timedelta(minutes=30)
ROWS = 7 * 48
GAP = {datetime(2025, 11, 18, 3, 0, tzinfo=timezone.utc), datetime(2025, 11, 18, 3, 30, tzinfo=timezone.utc)}
DEGRADATION_START = datetime(2025, 11, 21, 12, 0, tzinfo=timezone.utc)
PLATEAU_START = datetime(2025, 11, 21, 22, 0, tzinfo=timezone.utc)

COLUMNS = [
    "timestamp", "availability", "error_rate", "request_count", "job_count", "error_count",
    "latency_p95_ms", "latency_p99_ms", "cpu_utilization", "memory_utilization",
]


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def load_shape(t: datetime) -> float:
    """0 at ~01:00 UTC (quietest), 1 at ~13:00 UTC (busiest); smooth in between."""
    hour = t.hour + t.minute / 60
    raw = (1 - math.cos(2 * math.pi * (hour - 1) / 24)) / 2
    return raw ** 1.3


def degradation(t: datetime) -> float:
    """0 before 12:00 on the last day, rising to 1 at 22:00, then holding (slightly rising)."""
    if t < DEGRADATION_START:
        return 0.0
    if t >= PLATEAU_START:
        return 1.0 + (t - PLATEAU_START) / timedelta(hours=2) * 0.08
    progress = (t - DEGRADATION_START) / (PLATEAU_START - DEGRADATION_START)
    return progress ** 1.7


def row(t: datetime, rng: random.Random, memory: float) -> list[str]:
    stamp = t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if t in GAP:
        return [stamp] + ["0"] * (len(COLUMNS) - 1)

    shape = load_shape(t)
    weekend = 0.88 if t.weekday() >= 5 else 1.0
    d = degradation(t)

    requests = round(clamp((2100 + 9700 * shape) * weekend * rng.gauss(1.0, 0.045), 1800, 12500))
    jobs = round(clamp((23 + 96 * shape) * weekend * rng.gauss(1.0, 0.07), 20, 125))

    baseline_rate = clamp(0.0003 + 0.0003 * shape + rng.gauss(0, 0.00015), 0.0001, 0.0011)
    target_rate = baseline_rate + (0.0635 - baseline_rate) * d + (rng.gauss(0, 0.0018) * d if d > 0 else 0)
    errors = round(requests * clamp(target_rate, 0.0, 0.09))
    error_rate = errors / requests

    p95 = clamp(125 + 85 * shape + rng.gauss(0, 7), 120, 220)
    p99 = clamp(258 + 1.5 * (p95 - 120) + rng.gauss(0, 11), 250, 420)
    if d > 0:
        p95 += (470 - p95) * min(d, 1.0) + rng.gauss(0, 15) * d
        p99 += (745 - p99) * min(d, 1.0) + rng.gauss(0, 20) * d
        p99 = max(p99, p95 + 150 * min(d, 1.0))

    cpu = clamp(0.22 + 0.45 * shape + rng.gauss(0, 0.025) + 0.31 * min(d, 1.0), 0.08, 0.97)
    mem = clamp(memory + rng.gauss(0, 0.006) + 0.05 * min(d, 1.0), 0.3, 0.95)

    return [
        stamp,
        f"{1 - error_rate:.6f}",
        f"{error_rate:.6f}",
        str(requests),
        str(jobs),
        str(errors),
        f"{p95:.1f}",
        f"{p99:.1f}",
        f"{cpu:.4f}",
        f"{mem:.4f}",
    ]


def main() -> None:
    rng = random.Random(SEED)
    lines = [",".join(COLUMNS)]
    memory = 0.58
    for i in range(ROWS):
        t = START + i * STEP
        # Memory creeps up during the day and is released by the nightly recycle at 04:00.
        memory = 0.56 if (t.hour, t.minute) == (4, 0) else memory + 0.0012
        lines.append(",".join(row(t, rng, memory)))

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "checkout-7d.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 1} rows to {path}")


if __name__ == "__main__":
    main()
