#!/usr/bin/env python3
"""The chess simultaneous exhibition with asyncio: simul's twin, to read in class.

One master plays N boards. He thinks Tm per move; each opponent thinks To
per reply. Played board by board (sync) the exhibition takes N*M*(Tm+To);
played asynchronously the master moves on while the opponents think.

    python3 asyncio_simul.py                      # the article: 12:00:00 and 1:00:55
    python3 asyncio_simul.py --scale 0.001        # really sleep: 1 simulated s per real ms
    python3 asyncio_simul.py --blocking           # board 1's opponent calls time.sleep()
    python3 asyncio_simul.py --threads --scale 0.0002   # boards as threads instead

Every board is a coroutine; the master is a coroutine that awaits each
board's reply (an asyncio.Event). Time is scaled: a simulated second lasts
--scale real seconds. With --scale 0 the very same coroutines run on a
virtual clock that jumps to the next timer instead of sleeping, as simul's
virtual clock does, so the totals are exact (simul run --chess off agrees
to the microsecond).

One honest difference: with --blocking and the ready policy, the board that
blocked resumes first, ahead of the replies whose timers fell due while it
blocked (asyncio only sees them afterwards), so it jumps the ready queue.
simul keeps every reply at its own simulated time, so its ready total is
lower (sync and round-robin agree exactly).
"""
import argparse
import asyncio
import json
import queue
import selectors
import threading
import time


# ---- the virtual clock: an event loop that never sleeps -------------------

class VirtualSelector(selectors.DefaultSelector):
    """Asked to wait `timeout` seconds for I/O, it moves the clock on instead."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("nothing scheduled and nothing ready: a deadlock")
        self.now += timeout          # the next timer is due: jump there
        return super().select(0)     # poll the loop's own wake-up pipe only


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self.clock = VirtualSelector()
        super().__init__(self.clock)

    def time(self):                  # asyncio schedules every timer with this
        return self.clock.now


# ---- the exhibition --------------------------------------------------------

class Board:
    def __init__(self, index):
        self.index = index
        self.replied = asyncio.Event()   # the opponent has moved: the master may play
        self.moved = asyncio.Event()     # the master has moved: the opponent thinks
        self.replied.set()               # every board waits for the master's first move
        self.master_moves = 0
        self.done = False


async def opponent(ex, board):
    """One board: wait for the master's move, think, reply."""
    while not board.done:
        await board.moved.wait()
        board.moved.clear()
        if board.index in ex.blocking:
            ex.block(ex.opponent_think)         # time.sleep(): the whole loop stops
        else:
            await ex.sleep(ex.opponent_think)   # await: the loop runs the others
        if board.master_moves == ex.moves:
            board.done = True                   # reply to his last move: game over
            ex.active -= 1
        board.replied.set()
        if ex.policy == "ready":
            ex.ready.put_nowait(board)          # the ready queue: first come, first served


async def master(ex):
    """Walk from board to board; the policy says where to go next."""
    at = None                                   # where he stands
    last = -1                                   # the last board he moved at
    while ex.active > 0:
        if ex.policy == "sync":                 # stay until this game ends
            board = at if at and not at.done else ex.next_playing(at.index if at else -1)
        elif ex.policy == "round-robin":        # the next board, ready or not
            board = ex.next_playing(last)
        else:                                   # "ready": whoever replied first
            board = await ex.ready.get()        # idle here while nobody is ready
            if board.done:
                continue
        if at is not None and board is not at and ex.walk > 0:
            await ex.sleep(ex.walk)
        at = board
        await board.replied.wait()              # stand there until the opponent replied
        if board.done:
            continue
        board.replied.clear()
        await ex.sleep(ex.master_think)         # the master thinks
        board.master_moves += 1
        last = board.index
        board.moved.set()
        await asyncio.sleep(0)                  # hand the move over: its opponent starts now
    return ex.now()


class Exhibition:
    def __init__(self, args, policy):
        self.__dict__.update(vars(args))
        self.policy = policy
        self.boards = [Board(i) for i in range(args.boards)]
        self.active = args.boards
        self.blocking = {0} if args.blocking else set()
        self.ready = asyncio.Queue()
        if policy == "ready":
            for b in self.boards:
                self.ready.put_nowait(b)
        self.loop = asyncio.get_running_loop()
        self.start = self.loop.time()

    def now(self):                      # simulated seconds since the start
        return (self.loop.time() - self.start) / (self.scale or 1)

    async def sleep(self, seconds):
        await asyncio.sleep(seconds * (self.scale or 1))

    def block(self, seconds):
        if self.scale:
            time.sleep(seconds * self.scale)
        else:
            self.loop.clock.now += seconds  # virtual clock: time passes, nothing runs

    def next_playing(self, after):
        n = len(self.boards)
        for k in range(1, n + 1):
            board = self.boards[(after + k) % n]
            if not board.done:
                return board
        return None


async def exhibition(args, policy):
    ex = Exhibition(args, policy)
    boards = [asyncio.create_task(opponent(ex, b)) for b in ex.boards]
    total = await master(ex)
    await asyncio.gather(*boards)
    return total


# ---- the same exhibition with threads, for comparison --------------------

def exhibition_threads(args, policy):
    """Boards as threads, the master in this one: same rules, real time only."""
    n, moves, scale = args.boards, args.moves, args.scale
    replied = [threading.Event() for _ in range(n)]
    moved = [threading.Event() for _ in range(n)]
    done = [False] * n
    ready = queue.Queue()
    for i in range(n):
        replied[i].set()
        if policy == "ready":
            ready.put(i)

    def opponent_thread(i):
        for move in range(1, moves + 1):
            moved[i].wait()
            moved[i].clear()
            time.sleep(args.opponent_think * scale)   # blocks this thread only
            done[i] = move == moves
            replied[i].set()
            if policy == "ready":
                ready.put(i)

    threads = [threading.Thread(target=opponent_thread, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    start, at, last = time.monotonic(), None, -1
    while not all(done):
        if policy == "ready":
            b = ready.get()
            if done[b]:
                continue
        elif policy == "sync" and at is not None and not done[at]:
            b = at
        else:
            after = last if policy == "round-robin" else (at if at is not None else -1)
            b = next((after + k) % n for k in range(1, n + 1) if not done[(after + k) % n])
        if at is not None and b != at and args.walk > 0:
            time.sleep(args.walk * scale)
        at = b
        replied[b].wait()
        if done[b]:
            continue
        replied[b].clear()
        time.sleep(args.master_think * scale)
        last = b
        moved[b].set()
    total = (time.monotonic() - start) / scale
    for t in threads:
        t.join()
    return total


# ---- command line ----------------------------------------------------------

def seconds(text):
    """55, 55s, 2m, 1h, 500ms: a duration in seconds."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    for unit in sorted(units, key=len, reverse=True):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    return float(text)


def hms(s):
    s = round(s)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--boards", type=int, default=24)
    p.add_argument("--moves", type=int, default=30, help="master moves per game")
    p.add_argument("--master-think", type=seconds, default=5.0, help="seconds (5)")
    p.add_argument("--opponent-think", type=seconds, default=55.0, help="seconds (55)")
    p.add_argument("--walk", type=seconds, default=0.0, help="between two boards (0)")
    p.add_argument("--policy", default="sync,ready", help="sync,round-robin,ready")
    p.add_argument("--scale", type=float, default=0.0,
                   help="real seconds per simulated second; 0 = virtual clock (0)")
    p.add_argument("--blocking", action="store_true",
                   help="board 1's opponent thinks in time.sleep(), blocking the loop")
    p.add_argument("--threads", action="store_true", help="boards as threads (needs --scale)")
    p.add_argument("--json", action="store_true", help="one JSON object per policy")
    args = p.parse_args()
    policies = args.policy.split(",")
    for policy in policies:
        if policy not in ("sync", "round-robin", "ready"):
            p.error(f"--policy: {policy!r} is not sync, round-robin or ready")
    if args.boards < 1 or args.moves < 1 or args.scale < 0:
        p.error("--boards and --moves must be at least 1, --scale at least 0")
    if args.threads and (args.scale == 0 or args.blocking):
        p.error("--threads sleeps for real: give it a --scale > 0 (and no --blocking)")

    for policy in policies:
        if args.threads:
            total = exhibition_threads(args, policy)
        else:
            loop = asyncio.SelectorEventLoop() if args.scale else VirtualLoop()
            total = loop.run_until_complete(exhibition(args, policy))
            loop.close()
        if args.json:
            print(json.dumps({"policy": policy, "total_s": round(total, 6)}))
        else:
            print(f"{policy:12} {hms(total):>9}  ({total:.6f} simulated s)")


if __name__ == "__main__":
    main()
