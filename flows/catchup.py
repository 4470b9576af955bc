"""After a crash of `jbz serve`: at most one catch-up run of the scheduled ingests it missed.

Prefect's scheduler creates a deployment's runs ahead of time. A clean stop pauses the schedules,
but after a crash (SIGKILL, power loss) the runs created for the hours it was down stay
Scheduled, go Late, and on restart the runner starts every run scheduled before now, one after
another. One run is enough: an ingest continues from each dossier's cursor, so it covers the
whole gap. So at startup, before serving, the missed scheduled runs but one are cancelled with a
message saying why. Runs someone started by hand (UI, `prefect deployment run`) are left alone:
they may carry custom parameters such as a backfill.
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
from prefect.client.schemas.objects import FlowRun, StateType
from prefect.client.schemas.sorting import FlowRunSort
from prefect.exceptions import ObjectNotFound
from prefect.states import Cancelled

SKIP_MESSAGE = "missed while jbz serve was down; the cursor covers the gap"
PAGE = 200  # the server's default page size


@dataclass
class CatchUp:
    """What the startup check did: the run kept (None: nothing was missed) and those skipped."""

    kept: FlowRun | None = None
    skipped: list[FlowRun] = field(default_factory=list)
    refused: list[FlowRun] = field(default_factory=list)  # started meanwhile: left as they are

    def describe(self) -> str:
        if self.kept is None:
            return "no scheduled run was missed"
        when = self.kept.expected_start_time
        kept = f"one catch-up run kept: {self.kept.name} (scheduled {when:%Y-%m-%d %H:%M %Z})"
        return f"{len(self.skipped)} missed scheduled runs skipped ({SKIP_MESSAGE}); {kept}"


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


def skip_missed_runs(deployment_names: Sequence[str], now: datetime | None = None) -> CatchUp:
    """Cancel all but one of the scheduled runs missed by the named deployments (the Prefect
    API from the current settings). A deployment not registered yet has missed nothing."""
    from prefect.client.schemas.responses import OrchestrationResult, SetStateStatus

    now = now or datetime.now(UTC)
    with get_client(sync_client=True) as client:
        ids: list[UUID] = []
        for name in deployment_names:
            try:
                ids.append(client.read_deployment_by_name(name).id)
            except ObjectNotFound:
                continue  # first start: nothing was scheduled yet
        kept, skip = choose_catch_up(missed_runs(client, ids, now) if ids else [])
        done = CatchUp(kept=kept)
        for run in skip:
            # no force: a run that started meanwhile (another runner) refuses, and keeps running
            result: OrchestrationResult[Any] = client.set_flow_run_state(
                run.id, Cancelled(message=SKIP_MESSAGE)
            )
            ok = result.status == SetStateStatus.ACCEPT
            (done.skipped if ok else done.refused).append(run)
    return done
