"""Threads vs processes in CPython: the classic comparison the lab puts beside its .NET measurements.

Written out by Lab.Workloads (PythonComparison); run by `lab bench` when python3 is on PATH. It times the same two
workloads as the .NET side -- the cosine loop (CPU-bound, split into one share per worker) and fixed-latency blocking
waits (I/O-bound) -- sequentially, with N threads and with a warm pool of N processes, and prints one JSON document.
"""

import argparse
import json
import math
import multiprocessing
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def cosine_loop(iterations):
    foo = 1.0
    for i in range(iterations):
        foo += foo * math.cos(i * math.pi)
    return foo


def blocking_wait(latency_ms):
    time.sleep(latency_ms / 1000.0)
    return latency_ms


def timed(task):
    """Runs a task in a worker process and reports the process CPU time it used, to sum workers' CPU."""
    function, argument = task
    cpu_before = time.process_time()
    value = function(argument)
    return value, time.process_time() - cpu_before


def even_split(total, parts):
    quotient, remainder = divmod(total, parts)
    return [quotient + (1 if k < remainder else 0) for k in range(parts)]


def measure(run, repetitions):
    run()  # warm-up, like the .NET side
    runs, checksum = [], 0.0
    for _ in range(repetitions):
        wall_before, cpu_before = time.perf_counter(), time.process_time()
        checksum, extra_cpu = run()
        runs.append({"wall": time.perf_counter() - wall_before, "cpu": time.process_time() - cpu_before + extra_cpu})
    return runs, checksum


def sequential(function, arguments):
    return lambda: (sum(function(argument) for argument in arguments), 0.0)


def threads(function, arguments, workers):
    def run():
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return sum(pool.map(function, arguments)), 0.0
    return run


def processes(pool, function, arguments):
    def run():
        results = pool.map(timed, [(function, argument) for argument in arguments], chunksize=1)
        return sum(value for value, _ in results), sum(cpu for _, cpu in results)
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cosine-iterations", type=int, required=True)
    parser.add_argument("--wait-items", type=int, required=True)
    parser.add_argument("--wait-ms", type=int, required=True)
    parser.add_argument("--workers", type=str, required=True, help="comma-separated worker counts")
    parser.add_argument("--repetitions", type=int, required=True)
    options = parser.parse_args()
    worker_counts = [int(count) for count in options.workers.split(",")]
    waits = [options.wait_ms] * options.wait_items

    rows = []

    def add(workload, kind, executor, workers, run):
        runs, checksum = measure(run, options.repetitions)
        rows.append({"workload": workload, "kind": kind, "executor": executor, "workers": workers,
                     "runs": runs, "checksum": checksum})

    add("py-cpu-cosine", "CpuBound", "sequential", 1, sequential(cosine_loop, [options.cosine_iterations]))
    add("py-io-wait", "IoBound", "sequential", 1, sequential(blocking_wait, waits))
    for workers in worker_counts:
        shares = even_split(options.cosine_iterations, workers)
        add("py-cpu-cosine", "CpuBound", "threads", workers, threads(cosine_loop, shares, workers))
        add("py-io-wait", "IoBound", "threads", workers, threads(blocking_wait, waits, workers))
        with multiprocessing.Pool(workers) as pool:
            add("py-cpu-cosine", "CpuBound", "processes", workers, processes(pool, cosine_loop, shares))
            add("py-io-wait", "IoBound", "processes", workers, processes(pool, blocking_wait, waits))

    json.dump({"version": sys.version.split()[0], "rows": rows}, sys.stdout)


if __name__ == "__main__":
    main()
