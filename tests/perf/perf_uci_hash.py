#!/usr/bin/env python3
"""Figures for `simul uci` (not a test): what a Hash resize and a ucinewgame
cost a GUI, through pipes. For each size, after the table before it was
well used (a 1 s search), the time from the setoption line to readyok and
to the bestmove of a `go depth 1`; the same from ucinewgame; the median of
5 tries (a busy machine adds ms of scheduling to any one). Then the worst
of 300 new games in a row at 1024 MB (the generation counter wraps at 256).
Usage: python3 tests/perf/perf_uci_hash.py build/simul"""
import os
import statistics
import subprocess
import sys
import time


class Engine:
    def __init__(self, binary):
        self.p = subprocess.Popen([binary, "uci"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.buf = b""

    def send(self, *lines):
        self.p.stdin.write("".join(line + "\n" for line in lines).encode())

    def wait(self, prefix):
        while True:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                if line.startswith(prefix.encode()):
                    return line
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                sys.exit("simul uci exited")
            self.buf += chunk

    def timed(self, *lines):
        """ms to readyok and to the bestmove of go depth 1, after lines."""
        t0 = time.perf_counter()
        self.send(*lines, "isready")
        self.wait("readyok")
        t1 = time.perf_counter()
        self.send("position startpos moves e2e4", "go depth 1")
        self.wait("bestmove")
        return 1000 * (t1 - t0), 1000 * (time.perf_counter() - t0)

    def quit(self):
        self.send("quit")
        self.p.wait()


def main():
    e = Engine(sys.argv[1] if len(sys.argv) > 1 else "build/simul")
    e.send("uci")
    e.wait("uciok")
    steps = (1, 16, 256, 1024, 16, 1)
    resize, new_game = [[] for _ in steps], [[] for _ in steps]
    e.send("position startpos")
    for _ in range(5):
        for i, mb in enumerate(steps):
            e.send("go movetime 1000")
            e.wait("bestmove")
            resize[i].append(e.timed(f"setoption name Hash value {mb}"))
            e.send("go movetime 1000")
            e.wait("bestmove")
            new_game[i].append(e.timed("ucinewgame"))
    print("Hash MB  setoption->readyok  ->bestmove  ucinewgame->readyok  ->bestmove   (ms, median of 5)")
    for i, mb in enumerate(steps):
        med = [statistics.median(x[k] for x in rows[i]) for rows in (resize, new_game) for k in (0, 1)]
        print(f"{mb:7d}  {med[0]:18.1f}  {med[1]:10.1f}  {med[2]:19.1f}  {med[3]:10.1f}")
    e.timed("setoption name Hash value 1024")
    worst = max(e.timed("ucinewgame")[1] for _ in range(300))
    print(f"300 new games at 1024 MB: worst ucinewgame->bestmove {worst:.1f} ms")
    e.quit()


main()
