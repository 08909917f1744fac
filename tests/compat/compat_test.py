"""Compatibility test: the real python-threatexchange client (from PyPI) against the real hub.

Run by tests/compat/run, with the venv's Python. Starts `empreinte serve` on a free port with a
zero grace period, then drives the `threatexchange` CLI and its StopNCIIAPI library:

1. a case is submitted with the hashes of a test image (both PDQ conventions, as the portal
   does); `threatexchange fetch` then `threatexchange match photo` finds the image;
2. a second case after the first fetch is picked up by an incremental fetch (checkpoint);
3. an image nobody submitted does not match;
4. SubmitFeedback from the library shows in the case's status, and in the feed;
5. after withdrawal and purge, `threatexchange fetch --clear` + `fetch` no longer match.

Prints "compat: N passed, 0 failed" at the end; exits non-zero on the first failure.
"""

import csv
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("EMPREINTE_BIN", ROOT / "target" / "debug" / "empreinte"))
TESTDATA = ROOT.parent / "shared" / "testdata" / "pdq"
VENV_BIN = pathlib.Path(sys.executable).parent

SUBMITTED = "bridge-mods__aaa-orig.jpg"
SUBMITTED_LATER = "labelme-subset__q0122.jpg"
NEVER_SUBMITTED = "labelme-subset__q0291.jpg"
COLLAB = "EmpreinteCompat"

passed = 0


def check(condition, what):
    global passed
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        print(f"compat: {passed} passed, 1 failed")
        sys.exit(1)
    passed += 1
    print(f"ok: {what}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(port, method, path, body=None, key=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Ocp-Apim-Subscription-Key", key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def expected_hashes():
    with open(TESTDATA / "expected.csv", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


def case_body(row):
    return {
        "attestations": {"adult_when_made": True, "depicted": True, "intimate": True},
        "items": [{"kind": "image", "signals": [
            {"type": "pdq", "convention": "reference", "hash": row["hash"], "quality": int(row["quality"])},
            {"type": "pdq", "convention": "full-resolution", "hash": row["hash_fullres"],
             "quality": int(row["quality_fullres"])},
        ]}],
    }


def main():
    if not TESTDATA.is_dir():
        if os.environ.get("CI"):
            sys.exit(f"{TESTDATA} is missing")
        print(f"SKIPPED: {TESTDATA} is missing")
        return
    rows = expected_hashes()
    work = pathlib.Path(tempfile.mkdtemp(prefix="empreinte-compat-"))
    port = free_port()
    log = open(work / "hub.log", "w")
    hub = subprocess.Popen(
        [str(BINARY), "serve", "--listen", f"127.0.0.1:{port}", "--data-dir", str(work / "data"),
         "--withdrawal-grace", "0", "--purge-interval", "1s"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        run(work, port, rows)
    finally:
        hub.terminate()
        try:
            hub.wait(timeout=10)
        except subprocess.TimeoutExpired:
            hub.kill()
        log.close()
        if passed and not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


def run(work, port, rows):
    for _ in range(300):
        try:
            if http(port, "GET", "/healthz")[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.1)
    check(http(port, "GET", "/healthz")[0] == 200, "the hub starts")

    key = subprocess.check_output(
        [str(BINARY), "admin", "--data-dir", str(work / "data"), "platform", "add", "Compat Platform"],
        text=True).strip()
    check(key.startswith("empk_"), "admin platform add prints a key")

    status, created = http(port, "POST", "/api/v1/cases", case_body(rows[SUBMITTED]))
    check(status == 201, f"a case is created ({status} {created})")
    credentials = {"case_number": created["case_number"], "pin": created["pin"]}

    env = dict(os.environ)
    env["TX_STATEDIR"] = str(work / "threatexchange")
    env["TX_STOPNCII_KEYS"] = f"{key},{key},http://127.0.0.1:{port}/v1"

    def tx(*args):
        result = subprocess.run([str(VENV_BIN / "threatexchange"), *args], env=env,
                                capture_output=True, text=True, timeout=300)
        return result.returncode, result.stdout + result.stderr

    code, out = tx("config", "collab", "edit", "stop_ncii", "--create", COLLAB)
    check(code == 0, f"a StopNCII collaboration is configured ({out.strip()})")
    code, out = tx("fetch")
    check(code == 0 and "failed" not in out.lower(), f"threatexchange fetch succeeds ({out.strip()})")

    def matches(image):
        code, out = tx("match", "photo", str(TESTDATA / "images" / image))
        assert code == 0, out
        return COLLAB in out, out

    found, out = matches(SUBMITTED)
    check(found, f"threatexchange match finds the submitted image ({out.strip()})")
    found, out = matches(NEVER_SUBMITTED)
    check(not found, f"an image nobody submitted does not match ({out.strip()})")

    status, _ = http(port, "POST", "/api/v1/cases", case_body(rows[SUBMITTED_LATER]))
    check(status == 201, "a second case is created after the first fetch")
    code, out = tx("fetch")
    check(code == 0, f"an incremental fetch from the checkpoint succeeds ({out.strip()})")
    found, out = matches(SUBMITTED_LATER)
    check(found, f"the incremental fetch brought the second case's hash ({out.strip()})")

    # SubmitFeedback through the client library, exactly as platforms call it.
    from threatexchange.exchanges.clients.stopncii.api import (
        StopNCIIAPI, StopNCIICSPFeedbackValue, StopNCIIEndpoint, StopNCIISignalType)
    api = StopNCIIAPI(key, key, base_url_override=f"http://127.0.0.1:{port}/v1",
                      additional_function_keys={StopNCIIEndpoint.SubmitFeedback: key,
                                                StopNCIIEndpoint.SubmitHashes: key})
    api.submit_feedback(StopNCIISignalType.ImagePDQ, rows[SUBMITTED]["hash_fullres"],
                        StopNCIICSPFeedbackValue.Blocked, {"Nude"})
    status, case = http(port, "POST", "/api/v1/cases/status", credentials)
    reports = case["items"][0]["reports"] if status == 200 else []
    check(any(r["platform"] == "Compat Platform" and r["outcome"] == "blocked" for r in reports),
          f"SubmitFeedback from the library shows in the case's status ({reports})")
    records = {r.hashValue: r for page in api.fetch_hashes_iter() for r in page.hashRecords}
    record = records[rows[SUBMITTED]["hash_fullres"]]
    check([(f.source, f.feedbackValue.value, f.tags) for f in record.CSPFeedbacks]
          == [("Compat Platform", "Blocked", {"Nude"})],
          "the feed carries the feedback, parsed by the library")
    check(all(not case_id.replace("-", "").upper().startswith(created["case_number"].replace("-", ""))
              for case_id in record.caseNumbers), "platforms see an opaque case id")
    # SubmitHashes through the library (it sends signalType as str(enum)).
    api.submit_hash(StopNCIISignalType.ImagePDQ, "f" * 62 + "00")
    records = {r.hashValue: r for page in api.fetch_hashes_iter() for r in page.hashRecords}
    check("f" * 62 + "00" in records, "SubmitHashes from the library distributes the hash")

    status, withdrawn = http(port, "POST", "/api/v1/cases/withdraw", credentials)
    check(status == 200 and withdrawn["state"] == "withdrawn", "the case is withdrawn")
    deadline = time.time() + 15
    while time.time() < deadline:
        records = {r.hashValue for page in api.fetch_hashes_iter() for r in page.hashRecords}
        if rows[SUBMITTED]["hash_fullres"] not in records:
            break
        time.sleep(0.3)
    check(rows[SUBMITTED]["hash_fullres"] not in records, "the withdrawn case is purged from the feed")
    code, out = tx("fetch", "--clear")
    check(code == 0, f"threatexchange fetch --clear succeeds ({out.strip()})")
    code, out = tx("fetch")
    check(code == 0, f"a fresh fetch succeeds ({out.strip()})")
    found, out = matches(SUBMITTED)
    check(not found, f"after withdrawal and purge the image no longer matches ({out.strip()})")
    found, out = matches(SUBMITTED_LATER)
    check(found, "the other case's image still matches")
    print(f"compat: {passed} passed, 0 failed")


if __name__ == "__main__":
    main()
