"""Faults of the task queue: a Celery worker killed (SIGKILL) mid-webhook and mid-scrape, and the
broker down while webhooks arrive.

Real workers on a private Redis broker, the web process queueing to it. Afterwards the database
is asked: was every delivery processed exactly once, every posting ingested once, and how long
after the worker or broker came back did that take.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import httpx
import psycopg

from resumate.tests.stack import BASE_DIR, gunicorn_running
from resumes.integrations.signatures import sign_timestamped

from .load import make_account
from .servers import PrivateRedis, SlowGreenhouse

VISIBILITY_SECONDS = 10
DEADLINE_SECONDS = 120


class Worker:
    def __init__(self, env, run_dir, name):
        self.output = run_dir / f"celery-{name}.out"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "resumate",
                "worker",
                "-c",
                "2",
                "-l",
                "WARNING",
                "-n",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.output.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self):
        """SIGKILL the whole worker, its pool processes too: a crashed machine, not a shutdown."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)


def _wait_for(condition, timeout=DEADLINE_SECONDS, step=0.2):
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return round(time.monotonic() - started, 2)
        time.sleep(step)
    return None


class Deliveries:
    """Signed generic-webhook deliveries for one account, and what the database made of them."""

    def __init__(self, base_url, database_url):
        self.base_url, self.database_url = base_url, database_url
        self.account = asyncio.run(self._account())
        self.sent: list[str] = []

    async def _account(self):
        async with httpx.AsyncClient(base_url=self.base_url, timeout=60, trust_env=False) as http:
            return await make_account(http, 0)

    def send(self, count, *, concurrency=10) -> tuple[dict, list]:
        """POST ``count`` deliveries; ({status code: count}, latencies in ms)."""

        async def run():
            codes, latencies = {}, []
            semaphore = asyncio.Semaphore(concurrency)
            async with httpx.AsyncClient(timeout=60, trust_env=False) as http:

                async def one():
                    external_id = uuid.uuid4().hex
                    body = json.dumps(
                        {
                            "event": "achievement.upsert",
                            "external_id": external_id,
                            "achievement": {
                                "type": "course",
                                "title": f"Course {external_id[:6]}",
                                "start_date": "2025-01-06",
                                "skills": ["Kubernetes"],
                            },
                        }
                    ).encode()
                    headers = {
                        "X-ResuMate-Signature": sign_timestamped(self.account.secret, body),
                        "X-ResuMate-Delivery": external_id,
                        "Content-Type": "application/json",
                    }
                    async with semaphore:
                        started = time.perf_counter()
                        response = await http.post(self.account.hook_url, content=body, headers=headers)
                        latencies.append((time.perf_counter() - started) * 1000)
                    codes[response.status_code] = codes.get(response.status_code, 0) + 1
                    if response.status_code == 202:
                        self.sent.append(external_id)

                await asyncio.gather(*(one() for _ in range(count)))
            return codes, latencies

        return asyncio.run(run())

    def counts(self) -> dict:
        """Deliveries by status, and achievements they made (with duplicates, if any)."""
        with psycopg.connect(self.database_url) as connection:
            statuses = dict(
                connection.execute(
                    "SELECT status, count(*) FROM resumes_webhooklog"
                    " WHERE delivery_id = ANY(%s) GROUP BY status",
                    (self.sent,),
                ).fetchall()
            )
            made, distinct = connection.execute(
                "SELECT count(*), count(DISTINCT external_id) FROM resumes_achievement"
                " WHERE external_id = ANY(%s)",
                (self.sent,),
            ).fetchone()
        return {"statuses": statuses, "achievements": made, "duplicates": made - distinct}

    def processed(self) -> int:
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(
                "SELECT count(*) FROM resumes_webhooklog"
                " WHERE delivery_id = ANY(%s) AND status = 'processed'",
                (self.sent,),
            ).fetchone()[0]


def worker_faults(env, run_dir, database_url, *, deliveries=300) -> dict:
    broker = PrivateRedis()
    broker.start()
    queue_env = {
        **env,
        "CELERY_BROKER_URL": broker.url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
        "CELERY_UNACKED_RESTORE_INTERVAL": "2",
        "WEBHOOK_REQUEUE_AFTER_SECONDS": "3",
    }
    workers = []
    try:
        with gunicorn_running(queue_env, run_dir, "workers") as base_url:
            workers.append(Worker(queue_env, run_dir, "first"))
            hooks = Deliveries(base_url, database_url)
            return {
                "webhook": _kill_mid_webhooks(hooks, workers, queue_env, run_dir, deliveries),
                "scrape": _kill_mid_scrape(workers, queue_env, run_dir, database_url),
                "broker": _broker_down(broker, hooks, queue_env, workers, run_dir),
            }
    finally:
        for worker in workers:
            worker.stop()
        broker.stop()


def _kill_mid_webhooks(hooks, workers, env, run_dir, count):
    codes, _ = hooks.send(count)
    until_a_third = _wait_for(lambda: hooks.processed() >= len(hooks.sent) // 3, step=0.05)
    processed_at_kill = hooks.processed()
    workers[-1].kill()
    workers.append(Worker(env, run_dir, "second"))
    after_restart = _wait_for(lambda: hooks.processed() >= len(hooks.sent))
    return {
        "sent": count,
        "accepted": codes.get(202, 0),
        "processed_at_kill": processed_at_kill,
        "before_kill_s": until_a_third,
        "all_processed_after_restart_s": after_restart,
        **hooks.counts(),
    }


def _manage(env, code):
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()


def _kill_mid_scrape(workers, env, run_dir, database_url):
    board = SlowGreenhouse(jobs=50, first_delay=8).start()
    try:
        source_id = int(
            _manage(
                env,
                (
                    "from job_tracker.models import JobSource\n"
                    "from job_tracker.jobs.tasks import scrape_source\n"
                    "s = JobSource.objects.create(kind='greenhouse', identifier='reliability',"
                    " name='Slow board',"
                    f" base_url='{board.url}')\n"
                    "scrape_source.delay(s.pk, force=True)\n"
                    "print(s.pk)"
                ),
            ).splitlines()[-1]
        )
        in_flight = _wait_for(lambda: board.calls >= 1, timeout=30)
        workers[-1].kill()
        workers.append(Worker(env, run_dir, "third"))

        def postings():
            with psycopg.connect(database_url) as connection:
                return connection.execute(
                    "SELECT count(*), count(DISTINCT external_id) FROM job_tracker_jobposting"
                    " WHERE source_id = %s",
                    (source_id,),
                ).fetchone()

        after_restart = _wait_for(lambda: postings()[0] >= board.jobs)
        made, distinct = postings()
    finally:
        board.stop()
    return {
        "board_jobs": board.jobs,
        "fetch_in_flight_after_s": in_flight,
        "board_fetches": board.calls,
        "postings": made,
        "duplicates": made - distinct,
        "ingested_after_restart_s": after_restart,
    }


def _broker_down(broker, hooks, env, workers, run_dir, count=50):
    already = len(hooks.sent)
    broker.stop()
    codes, latencies = hooks.send(count)
    waiting = hooks.counts()["statuses"].get("received", 0)
    broker.start()  # empty, as a restarted Redis without persistence is: the deliveries are in the database
    back = time.monotonic()
    time.sleep(4)
    # kombu 5.7 can crash the worker on a lost Redis connection; compose's restart policy
    # (unless-stopped) starts it again, as this does.
    exited = workers[-1].process.poll()
    if exited is not None:
        workers.append(Worker(env, run_dir, "restarted"))
    # What Beat does every 2 minutes, asked for now (the run sets the stranded age to 3 s).
    _manage(env, "from resumes.integrations.tasks import requeue_stranded_deliveries as t; t.delay()")
    done = _wait_for(lambda: hooks.processed() >= len(hooks.sent))
    return {
        "sent": count,
        "accepted": codes.get(202, 0),
        "other_codes": {c: n for c, n in codes.items() if c != 202},
        "accept_p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "received_while_down": waiting,
        "worker_exit_code": exited,
        "processed_after_broker_back_s": round(time.monotonic() - back, 2) if done is not None else None,
        "earlier": already,
        **hooks.counts(),
    }


def worker_result_ok(result: dict) -> bool:
    hook, scrape, broker = result["webhook"], result["scrape"], result["broker"]
    return (
        hook["accepted"] == hook["sent"] and hook["statuses"].get("processed") == hook["sent"]
        and hook["duplicates"] == 0 and hook["achievements"] == hook["sent"]
        and scrape["postings"] == scrape["board_jobs"] and scrape["duplicates"] == 0
        and broker["accepted"] == broker["sent"] and broker["duplicates"] == 0
        and broker["statuses"].get("processed") == broker["sent"] + broker["earlier"]
    )  # fmt: skip


def worker_lines(result: dict) -> list[str]:
    hook, scrape, broker = result["webhook"], result["scrape"], result["broker"]
    return [
        "## Fault: Celery workers killed and the broker down",
        "",
        f"Real workers (`celery worker -c 2`) on a private Redis broker (visibility timeout "
        f"{VISIBILITY_SECONDS} s, looked for every 2 s; acks_late); the web process queues to it.",
        "",
        f"- **Worker SIGKILLed mid-webhook:** {hook['sent']} signed deliveries sent, {hook['accepted']} "
        f"accepted (202); the whole worker was killed with {hook['processed_at_kill']} processed. A new "
        f"worker finished the rest {hook['all_processed_after_restart_s']} s after it started: "
        f"{hook['statuses'].get('processed', 0)} processed, {hook['achievements']} achievements, "
        f"{hook['duplicates']} duplicates.",
        f"- **Worker SIGKILLed mid-scrape:** killed {scrape['fetch_in_flight_after_s']} s after queueing, "
        f"while its fetch of a slow board ({scrape['board_jobs']} jobs) was in flight. The redelivered "
        f"task took over the scrape lock and ingested {scrape['postings']} postings "
        f"({scrape['duplicates']} duplicates) {scrape['ingested_after_restart_s']} s after the new worker "
        f"started; the board was fetched {scrape['board_fetches']} times.",
        f"- **Broker down while webhooks arrive:** {broker['sent']} deliveries sent with the broker "
        f"stopped: {broker['accepted']} accepted (202, p95 {broker['accept_p95_ms']} ms), "
        f"other answers {broker['other_codes'] or 'none'}; {broker['received_while_down']} kept as "
        f"`received`. The worker {_exit_note(broker['worker_exit_code'])}. The broker came back empty; "
        f"the periodic requeue (Beat, every 2 minutes) had them "
        f"all processed {broker['processed_after_broker_back_s']} s after it was back: "
        f"{broker['statuses']} across all {broker['sent'] + broker['earlier']} deliveries of the account, "
        f"{broker['duplicates']} duplicates.",
        "",
    ]


def _exit_note(code) -> str:
    if code is None:
        return "kept running and reconnected"
    return (
        f"exited (code {code}: kombu 5.7's Redis transport raises AttributeError while restoring unacked "
        "messages on the lost connection) and was started again, as compose's `restart: unless-stopped` does"
    )
