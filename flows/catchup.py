"""After a crash of `jbz serve`: at most one catch-up run of the scheduled ingests it missed.

Prefect's scheduler creates a deployment's runs ahead of time. A clean stop pauses the schedules,
but after a crash (SIGKILL, power loss) the runs created for the hours it was down stay
Scheduled, go Late, and on restart the runner starts every run scheduled before now, one after
another. One run is enough: an ingest continues from each dossier's cursor, so it covers the
whole gap. So at startup, before serving, the missed scheduled runs but one are cancelled with a
message saying why. Runs someone started by hand (UI, `prefect deployment run`) are left alone:
they may carry custom parameters such as a backfill.

A crash that took the flow run's process down too (power loss) leaves that run Running for
good, holding the deployment's concurrency slot: every later run would wait in
AwaitingConcurrencySlot (measured: still waiting after 150 s). So runs of the deployments that
are Pending, Running or Cancelling with no process on this machine are marked Crashed first,
which releases the slot. Linux only (/proc); elsewhere that step is skipped.
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from prefect.client.orchestration import SyncPrefectClient, get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterDeploymentId,
    FlowRunFilterExpectedStartTime,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import FlowRun, State, StateType
from prefect.client.schemas.sorting import FlowRunSort
from prefect.exceptions import ObjectNotFound
from prefect.states import Cancelled, Crashed

from contract.clock import utc_now

SKIP_MESSAGE = "missed while jbz serve was down; the cursor covers the gap"
CRASH_MESSAGE = "its process died with jbz serve (found at the next start)"
PAGE = 200  # the server's default page size


@dataclass
class CatchUp:
    """What the startup check did: the run kept (None: nothing was missed) and those skipped."""

    kept: FlowRun | None = None
    skipped: list[FlowRun] = field(default_factory=list)
    refused: list[FlowRun] = field(default_factory=list)  # started meanwhile: left as they are
    crashed: list[FlowRun] = field(default_factory=list)  # left Running by the crash

    def describe(self) -> str:
        """The line `jbz serve` prints at startup."""
        parts = [f"{_count(self.crashed)} left under way by the crash marked Crashed"]
        if self.kept is None:
            parts.append("no scheduled run was missed")
        else:
            parts.append(f"{_count(self.skipped)} missed on schedule skipped ({SKIP_MESSAGE})")
            parts.append(f"{_count(self.refused)} started meanwhile (left alone)")
            when = self.kept.expected_start_time
            parts.append(
                f"one catch-up run kept: {self.kept.name} (scheduled {when:%Y-%m-%d %H:%M %Z})"
            )
        return "; ".join(p for p in parts if not p.startswith("0 runs"))


def _count(runs: list[FlowRun]) -> str:
    return f"{len(runs)} run{'' if len(runs) == 1 else 's'}"


def is_sweep(run: FlowRun) -> bool:
    params = run.parameters.get("params")
    return isinstance(params, dict) and params.get("sweep_days") is not None


def choose_catch_up(missed: Sequence[FlowRun]) -> tuple[FlowRun | None, list[FlowRun]]:
    """The run to keep and the runs to skip: the newest missed sweep if there is one (it
    re-lists more than a plain run and moves the cursors as far), else the newest missed run."""
    if not missed:
        return None, []
    oldest = datetime.min.replace(tzinfo=UTC)
    keep = max(missed, key=lambda r: (is_sweep(r), r.expected_start_time or oldest))
    return keep, [r for r in missed if r.id != keep.id]


def missed_runs(
    client: SyncPrefectClient, deployment_ids: list[UUID], now: datetime
) -> list[FlowRun]:
    """The deployments' auto-scheduled runs that should have started before `now` and did not
    (Scheduled, Late or AwaitingConcurrencySlot: all of state type SCHEDULED)."""
    run_filter = FlowRunFilter(
        deployment_id=FlowRunFilterDeploymentId(any_=deployment_ids),
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
        # validated, not constructed: pydantic turns the datetime into Prefect's own type
        expected_start_time=FlowRunFilterExpectedStartTime.model_validate({"before_": now}),
    )
    found: list[FlowRun] = []
    while True:  # a crash over a long weekend leaves more runs than one page holds
        page = client.read_flow_runs(
            flow_run_filter=run_filter,
            sort=FlowRunSort.EXPECTED_START_TIME_ASC,
            limit=PAGE,
            offset=len(found),
        )
        found.extend(page)
        if len(page) < PAGE:
            return [r for r in found if r.auto_scheduled]


FLOW_RUN_ID = b"PREFECT__FLOW_RUN_ID="


def local_flow_run_ids() -> set[str] | None:
    """The ids of the flow runs with a process on this machine (the runner hands each its id in
    PREFECT__FLOW_RUN_ID); None where there is no /proc to ask."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    ids: set[str] = set()
    for environ in proc.glob("[0-9]*/environ"):
        try:
            data = environ.read_bytes()
        except OSError:
            continue  # ended meanwhile, or another user's process
        found = (
            v.removeprefix(FLOW_RUN_ID) for v in data.split(b"\0") if v.startswith(FLOW_RUN_ID)
        )
        ids.update(v.decode() for v in found)
    return ids


def orphaned_runs(client: SyncPrefectClient, deployment_ids: list[UUID]) -> list[FlowRun]:
    """The deployments' runs that are under way on paper but have no process here."""
    alive = local_flow_run_ids()
    if alive is None:
        return []
    under_way = [StateType.PENDING, StateType.RUNNING, StateType.CANCELLING]
    run_filter = FlowRunFilter(
        deployment_id=FlowRunFilterDeploymentId(any_=deployment_ids),
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=under_way)),
    )
    runs = client.read_flow_runs(flow_run_filter=run_filter, limit=PAGE)
    return [r for r in runs if str(r.id) not in alive]


def _set_state(client: SyncPrefectClient, run: FlowRun, state: State[Any]) -> bool:
    """No force: a run that moved on meanwhile (it started, or ended) refuses, and is left."""
    from prefect.client.schemas.responses import SetStateStatus

    return client.set_flow_run_state(run.id, state).status == SetStateStatus.ACCEPT


def skip_missed_runs(deployment_names: Sequence[str], now: datetime | None = None) -> CatchUp:
    """Mark the named deployments' runs the crash left under way Crashed, and cancel all but one
    of the scheduled runs they missed (the Prefect API from the current settings)."""
    now = now or utc_now()
    with get_client(sync_client=True) as client:
        ids: list[UUID] = []
        for name in deployment_names:
            try:
                ids.append(client.read_deployment_by_name(name).id)
            except ObjectNotFound:
                continue  # first start: nothing was scheduled yet
        done = CatchUp()
        if not ids:
            return done
        for run in orphaned_runs(client, ids):  # first: they hold the concurrency slot
            if _set_state(client, run, Crashed(message=CRASH_MESSAGE)):
                done.crashed.append(run)
        done.kept, skip = choose_catch_up(missed_runs(client, ids, now))
        for run in skip:
            ok = _set_state(client, run, Cancelled(message=SKIP_MESSAGE))
            (done.skipped if ok else done.refused).append(run)
    return done
