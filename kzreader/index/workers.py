"""Worker processes for the slow parts of a refresh: how many, and a pool of them."""
from __future__ import annotations

import multiprocessing
import os
from typing import Any


def process_count(procs: int | None) -> int:
    return procs if procs is not None else min(2, os.cpu_count() or 1)


def pool(processes: int, **kwargs: Any) -> Any:
    return multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(processes, **kwargs)
