"""The worker's private channel to Node and the per-job output capture.

Design (trade-offs in the runner README, "Pool protocol"): the script runs in the worker's own
process, so nothing it can reach is trusted to mark the end of a job. At start-up the worker moves
its request pipe (fd 0) and response pipe (fd 3) to private close-on-exec descriptors, puts
/dev/null on fd 0 and closes fd 3: a job reading stdin reads nothing, a job writing to or closing
fd 3 touches nothing of ours. Before each frame the response descriptor is checked (fstat
dev/inode): if a job closed it and a file took its number, no frame lands in that file.

For each job, fd 1 and fd 2 are pointed at fresh pipes that a reader thread of the worker drains
and forwards as ``out`` frames tagged with the job id and nonce; after the job the supervisor
flushes, points fd 1/2 back at the real stdout/stderr, drains the pipes to EOF and only then sends
``done``. A job that redirects fd 1 (``os.dup2(devnull, 1)``) loses its own output, not the
pool's bookkeeping. The cost: output goes through one more pipe and a thread (the thread needs the
GIL, which Blender releases while operators run; the pipes are enlarged to 1 MiB).
"""
import codecs
import fcntl
import json
import os
import select
import struct
import sys
import threading
import time

PRIVATE_FD_MIN = 100  # above the descriptors Blender and scripts usually use
_F_SETPIPE_SZ = 1031  # fcntl.F_SETPIPE_SZ (Python ≥ 3.10 only)
OUT_CHUNK = 256 * 1024  # bytes of output per frame (JSON-escaped, well under Node's frame cap)


MAX_FRAME = int(os.environ.get("BPYTS_MAX_FRAME") or 256 * 1024 * 1024)  # Node's cap (protocol.ts)


def encode(obj):
    return json.dumps(obj, allow_nan=False).encode("utf-8")


class ChannelLost(Exception):
    """Our response descriptor is gone (a job closed it): the worker cannot report, it exits."""


class ProtocolViolation(Exception):
    """A request that is not a ``PoolRequest`` (protocol.ts): the worker exits, runs nothing."""


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _is_str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# The fields of a request, as protocol.ts ``PoolRequest`` declares them: name -> (check, required).
_REQUEST_FIELDS = {
    "job": {
        "type": (lambda v: v == "job", True),
        "id": (_is_int, True),
        "nonce": (lambda v: isinstance(v, str), True),
        "script": (lambda v: isinstance(v, str), True),
        "input": (lambda v: True, True),
        "args": (_is_str_list, True),
        "blendFile": (lambda v: isinstance(v, str), False),
        "allowAutorun": (lambda v: isinstance(v, bool), True),
        "emptyScene": (lambda v: isinstance(v, bool), True),
        "cwd": (lambda v: isinstance(v, str), True),
        "debugpy": (lambda v: isinstance(v, dict) and set(v) == {"port"} and _is_int(v["port"]) and 0 < v["port"] < 65536, False),
    },
    "quit": {"type": (lambda v: v == "quit", True)},
}


def decode_request(obj):
    """The one check of a request frame: the request (a ``job`` or ``quit`` dict), else
    ProtocolViolation naming what is wrong."""
    fields = _REQUEST_FIELDS.get(obj.get("type")) if isinstance(obj, dict) else None
    if fields is None:
        raise ProtocolViolation(f"not a request: {str(obj)[:120]}")
    for name, (check, required) in fields.items():
        if name not in obj:
            if required:
                raise ProtocolViolation(f"{obj['type']} request without {name!r}")
        elif not check(obj[name]):
            raise ProtocolViolation(f"{obj['type']} request with a bad {name!r}: {str(obj[name])[:60]}")
    extra = set(obj) - set(fields)
    if extra:
        raise ProtocolViolation(f"{obj['type']} request with unknown fields: {', '.join(sorted(extra))}")
    return obj


def _private(fd):
    return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, PRIVATE_FD_MIN)


def _ident(fd):
    st = os.fstat(fd)
    return (st.st_dev, st.st_ino)


class Channel:
    def __init__(self, response_fd):
        self.req = _private(0)
        self.resp = _private(response_fd)
        self.orig_out = _private(1)
        self.orig_err = _private(2)
        self.ids = {fd: _ident(fd) for fd in (self.req, self.resp, self.orig_out, self.orig_err)}
        self.lock = threading.Lock()
        null = os.open(os.devnull, os.O_RDWR)
        self.devnull = _private(null)
        self.ids[self.devnull] = _ident(self.devnull)
        os.dup2(null, 0)  # jobs read EOF on stdin, never the pool's requests
        os.close(null)
        if response_fd != 0:
            os.close(response_fd)  # fd 3 is free for the job's own files
        self.buffered = b""

    @property
    def private_fds(self):
        return set(self.ids)

    def intact(self, fd):
        try:
            return _ident(fd) == self.ids[fd]
        except OSError:
            return False

    def lost(self):
        """Private descriptors a job closed or replaced (names for the recycle reason)."""
        names = {self.req: "request", self.resp: "response", self.orig_out: "stdout", self.orig_err: "stderr", self.devnull: "devnull"}
        return [names[fd] for fd in self.ids if not self.intact(fd)]

    def send(self, obj, data=None):
        if data is None:
            data = encode(obj)
        frame = memoryview(struct.pack(">I", len(data)) + data)
        with self.lock:
            if not self.intact(self.resp):
                raise ChannelLost("the response channel was closed or replaced")
            while frame:
                frame = frame[os.write(self.resp, frame):]

    def read_exact(self, n):
        chunks = []
        while n:
            chunk = os.read(self.req, min(n, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def receive(self):
        """The next request (checked: ``decode_request``), or None when Node closed the pipe."""
        if not self.intact(self.req):
            raise ChannelLost("the request channel was closed or replaced")
        header = self.read_exact(4)
        if header is None:
            return None
        body = self.read_exact(struct.unpack(">I", header)[0])
        if body is None:
            return None
        try:
            request = json.loads(body)
        except ValueError as e:
            raise ProtocolViolation(f"a request that is not JSON: {e}") from None
        return decode_request(request)


def flush_all(*streams):
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__) + streams:
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass
    try:  # Blender's C-level output is buffered by libc when fd 1 is a pipe
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except Exception:
        pass


class Capture:
    """fd 1/2 → pipes drained by a thread into ``out`` frames, for one job."""

    def __init__(self, channel, job_id, nonce):
        self.channel = channel
        self.tag = {"id": job_id, "nonce": nonce}
        self.leftover = False
        self.error = None
        self.stopping = None
        self.reads = {}
        flush_all()
        for fd, stream in ((1, "stdout"), (2, "stderr")):
            r, w = os.pipe2(os.O_CLOEXEC)
            try:
                fcntl.fcntl(w, _F_SETPIPE_SZ, 1 << 20)
            except OSError:
                pass
            os.dup2(w, fd)
            os.close(w)
            self.reads[_private(r)] = (stream, codecs.getincrementaldecoder("utf-8")("replace"))
            os.close(r)
        self.thread = threading.Thread(target=self._pump, name="bpyts-output", daemon=True)
        self.thread.start()

    def _emit(self, stream, text):
        if text:
            self.channel.send({"type": "out", **self.tag, "stream": stream, "data": text})

    def _pump(self):
        poller = select.poll()
        for fd in self.reads:
            poller.register(fd, select.POLLIN)
        open_fds = set(self.reads)
        try:
            while open_fds:
                if self.stopping is not None and time.monotonic() > self.stopping:
                    self.leftover = True  # someone else still holds a write end
                    break
                for fd, _ in poller.poll(50):
                    stream, decoder = self.reads[fd]
                    data = os.read(fd, OUT_CHUNK)
                    if not data:
                        poller.unregister(fd)
                        open_fds.discard(fd)
                        self._emit(stream, decoder.decode(b"", final=True))
                    else:
                        self._emit(stream, decoder.decode(data))
        except BaseException as e:  # noqa: B036 - reported by finish(); the job is failed there
            self.error = e

    def finish(self, grace=0.5):
        """Restore fd 1/2, drain the pipes to EOF (``grace`` seconds at most)."""
        flush_all()
        os.dup2(self.channel.orig_out, 1)
        os.dup2(self.channel.orig_err, 2)
        self.stopping = time.monotonic() + grace
        self.thread.join()
        for fd in self.reads:
            try:
                os.close(fd)
            except OSError:
                pass
        if isinstance(self.error, ChannelLost):
            raise self.error
