"""``python -m refshop``: start the reference shop and print one JSON ready line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from refshop import faults
from refshop.clock import parse_moment
from refshop.server import serve


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m refshop", description="Tulp Electronics, the reference shop.")
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    p.add_argument("--smtp-host", default="127.0.0.1")
    p.add_argument(
        "--smtp-port",
        type=int,
        default=None,
        help="SMTP server for the shop's mail (none: mail is kept in the outbox)",
    )
    p.add_argument("--db", default=None, help="SQLite file (default: a fresh temporary one)")
    p.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME",
        help="switch a fault on (repeatable); --list-faults shows them",
    )
    p.add_argument(
        "--clock",
        default=None,
        help="freeze the shop clock at this ISO moment (default: wall clock)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--list-faults", action="store_true", help="print the fault catalogue")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.list_faults:
        for fault in faults.CATALOGUE:
            print(f"{fault.name:24} {fault.experience}")
        return 0
    try:
        for name in args.fault:
            faults.lookup(name)
        if args.clock:
            parse_moment(args.clock)
    except ValueError as exc:
        print(f"refshop: {exc}", file=sys.stderr)
        return 2
    running = serve(
        port=args.port,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        db=args.db,
        faults=args.fault,
        clock=args.clock,
        seed=args.seed,
    )
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(json.dumps(running.info, ensure_ascii=False), flush=True)
    stop.wait()
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
