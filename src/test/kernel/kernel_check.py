"""Drives the Gradus kernel with Jupyter's own client, as a notebook server would.

Run by gradus.cli.kernel.KernelIT with Debian's /usr/bin/python3 (python3-jupyter-client):
    JUPYTER_DATA_DIR=<dir holding kernels/gradus> /usr/bin/python3 kernel_check.py WORKDIR
Prints one line per check and exits 1 at the first that fails.
"""
import base64
import queue
import struct
import sys
import time
import uuid

from jupyter_client.manager import KernelManager

WORKDIR = sys.argv[1]
TIMEOUT = 30


def check(condition, what, detail=""):
    if not condition:
        print(f"FAILED: {what}{': ' + str(detail) if detail else ''}", flush=True)
        sys.exit(1)
    print(f"ok: {what}", flush=True)


def outputs(kc, *msg_ids):
    """The IOPub messages answering the requests msg_ids, up to the idle status of each."""
    seen, waiting = [], set(msg_ids)
    while waiting:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        parent = msg["parent_header"].get("msg_id")
        if parent not in msg_ids:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            waiting.discard(parent)
    return seen


def reply_to(kc, msg_id):
    """The shell reply to msg_id (wait_for_ready may leave spare kernel_info replies before it)."""
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def run(kc, code):
    msg_id = kc.execute(code)
    return reply_to(kc, msg_id)["content"], outputs(kc, msg_id)


def of_type(msgs, kind):
    return [m["content"] for m in msgs if m["msg_type"] == kind]


def png_size(data):
    """(width, height) from the IHDR chunk, or None when data is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def checks(km, kc):
    info = reply_to(kc, kc.kernel_info())["content"]
    lang = info["language_info"]
    check(info["protocol_version"] == "5.3" and lang["name"] == "gradus" and lang["file_extension"] == ".opt"
          and lang["mimetype"] == "text/x-gradus", "kernel_info names the language", lang)

    reply, msgs = run(kc, 'print("hello", 1 + 1)')
    states = [m["content"]["execution_state"] for m in msgs if m["msg_type"] == "status"]
    check(reply["status"] == "ok" and reply["execution_count"] == 1, "execute replies ok with execution_count 1", reply)
    check(states == ["busy", "idle"] and msgs[0]["msg_type"] == "status", "status busy, then idle", states)
    check(of_type(msgs, "execute_input") == [{"code": 'print("hello", 1 + 1)', "execution_count": 1}], "execute_input")
    streams = of_type(msgs, "stream")
    check("".join(s["text"] for s in streams) == "hello 2\n" and all(s["name"] == "stdout" for s in streams),
          "print streams to stdout", streams)

    reply, msgs = run(kc, "f(x, y) = x^2 + 3*y^2\n2^10")
    results = of_type(msgs, "execute_result")
    check(len(results) == 1 and results[0]["data"]["text/plain"] == "1024" and results[0]["execution_count"] == 2,
          "a bare expression is the execute_result", results)
    check(of_type(msgs, "stream") == [], "a declaration prints nothing")

    reference = f"{WORKDIR}/reference.png"
    reply, msgs = run(kc, f'contour(f, x=[-2, 2], y=[-2, 2], out="{reference}")\ncontour(f, x=[-2, 2], y=[-2, 2])')
    displays = of_type(msgs, "display_data")
    check(reply["status"] == "ok" and len(displays) == 1, "a plot without out= is one display_data", reply)
    shown = base64.b64decode(displays[0]["data"]["image/png"])
    with open(reference, "rb") as f:
        written = f.read()
    size = png_size(shown)
    check(size is not None, "the display_data decodes to a PNG")
    check(size == png_size(written) == (760, 560), "the inline PNG has the size of the plot written with out=", size)
    meta = displays[0]["metadata"]["image/png"]
    check((meta["width"], meta["height"]) == size, "its metadata gives that size", meta)
    check(displays[0]["data"]["text/plain"] == "<contour plot>", "its text/plain", displays[0]["data"]["text/plain"])

    reply, msgs = run(kc, "y = 1\nq + y")
    errors = of_type(msgs, "error")
    check(reply["status"] == "error" and reply["ename"] == "Error" and "q" in reply["evalue"],
          "an unknown name is an error reply", reply)
    tb = reply["traceback"]
    check(len(tb) == 3 and tb[0] == f"In[4]:2:1: error: {reply['evalue']}" and tb[1] == "q + y" and tb[2] == "^",
          "its traceback is the SPEC 1 lines with the caret", tb)
    check(errors and errors[0]["traceback"] == tb, "the error is published on IOPub too")

    reply, _ = run(kc, "1 +* 2")
    check(reply["status"] == "error" and reply["ename"] == "SyntaxError" and reply["traceback"][2].strip().startswith("^"),
          "a syntax error is a SyntaxError", reply)

    reply = reply_to(kc, kc.complete("ada", 3))["content"]
    check({"adam", "adamax", "adagrad", "adadelta", "adamw"} <= set(reply["matches"])
          and all(m.startswith("ada") for m in reply["matches"]), "completion of ada", reply["matches"])
    check((reply["cursor_start"], reply["cursor_end"]) == (0, 3), "it replaces the word ada")

    reply = reply_to(kc, kc.complete("r = minimize(f, [1, 1], adam(), st", 34))["content"]
    check("steps=" in reply["matches"] and reply["cursor_start"] == 32, "completion of a keyword argument", reply)

    reply = reply_to(kc, kc.is_complete("f(x, y) = (x"))["content"]
    check(reply["status"] == "incomplete", "is_complete on an open bracket", reply)
    check(reply_to(kc, kc.is_complete("f(x, y) = (x)"))["content"]["status"] == "complete", "is_complete on a whole line")

    reply = reply_to(kc, kc.inspect("minimize(f, ", 12))["content"]
    check(reply["found"] and "minimize" in reply["data"]["text/plain"], "inspection inside a call", reply)
    check(not reply_to(kc, kc.inspect("nosuchname", 3))["content"]["found"], "inspection of an unknown name finds nothing")

    # "Run All": after an error, the requests already queued are aborted, not run.
    first = kc.execute("undefined_name")
    second = kc.execute('print("ran after the error")')
    replies = {first: reply_to(kc, first)["content"], second: reply_to(kc, second)["content"]}
    ran = [m for m in outputs(kc, first, second) if m["msg_type"] == "stream"]
    check(replies[first]["status"] == "error" and replies[second]["status"] == "aborted" and not ran,
          "a queued cell after an error is aborted", replies)

    lin = "lin(x, y) = x + 2*y"
    run(kc, lin)
    msg_id = kc.execute("r = minimize(lin, [1, 1], gd(lr=0.001), steps=1000000000, gtol=0)")
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    elapsed = time.monotonic() - started
    outputs(kc, msg_id)
    check(elapsed < 1.0,
          f"an interrupt ends a 10^9-step run within 1 s ({elapsed:.3f} s)", reply["content"])
    reply, msgs = run(kc, "print(r.status, r.iterations < 1000000000)")
    check("".join(s["text"] for s in of_type(msgs, "stream")) == "interrupted true\n", "its status is interrupted", msgs)

    # Forged requests of the right shape: one signed with another key, one not signed at all.
    # The kernel must drop both unanswered and unrun.
    real_key = kc.session.key
    forged = []
    for key in (uuid.uuid4().hex.encode(), b""):
        msg = kc.session.msg("execute_request", {"code": 'print("forged")', "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        kc.session.key = key
        kc.session.send(kc.shell_channel.socket, msg)
        kc.session.key = real_key
        forged.append(msg["header"]["msg_id"])
    time.sleep(0.5)
    for get in (kc.get_shell_msg, kc.get_iopub_msg):
        while True:
            try:
                msg = get(timeout=0.2)
            except queue.Empty:
                break
            check(msg["parent_header"].get("msg_id") not in forged,
                  "a badly signed request is neither answered nor run", msg)
    print("ok: badly signed and unsigned requests get no reply and run nothing", flush=True)
    reply, msgs = run(kc, "print(2 + 3)")
    check("".join(s["text"] for s in of_type(msgs, "stream")) == "5\n", "the kernel is alive after it")
    check(reply["execution_count"] == 10, "and the forged cell was not counted", reply["execution_count"])

    kc.shutdown()
    reply = kc.get_control_msg(timeout=TIMEOUT)
    check(reply["msg_type"] == "shutdown_reply" and reply["content"]["status"] == "ok", "shutdown replies", reply["content"])
    deadline = time.monotonic() + 5
    while km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    check(not km.is_alive(), "the kernel process ends after shutdown")


km = KernelManager(kernel_name="gradus")
km.start_kernel()
try:
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    checks(km, client)
    client.stop_channels()
    del client  # while logging still works: jupyter_client 7 logs from __del__
finally:
    if km.is_alive():
        km.shutdown_kernel(now=True)
    km.cleanup_resources()
print("all kernel checks passed", flush=True)
