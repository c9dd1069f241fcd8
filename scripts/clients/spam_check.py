"""Mails (.eml files) as a spam filter scores them: SpamAssassin with its local rules
only (`spamassassin -L -t`: no DNS blocklists or other network tests, and no Bayes
database, so the score depends on the mail alone). All mails go through one run as an
mbox, so the rules are compiled once.

    spam_check.py FILE...   JSON list: {mail, subject, score, rules: {rule: points}}
                            per file, in the order given
"""

import json
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tempfile
from email import policy
from email.parser import BytesParser

# What SpamAssassin adds to each message it checked: the score, then each rule hit
# with its points, as "X-Spam-Scores: 0.4 HTML_MESSAGE=0.001,MISSING_DATE=2.7".
SCORES_HEADER = "add_header all Scores _SCORE_ _TESTSSCORES(,)_"


def envelope(n):
    """The mbox From_ line of the n-th mail: SpamAssassin gives messages back in an order
    of its own, but keeps this line, so it tells which file each one is."""
    return f"From check-{n:05d}@grillplatz.invalid Thu Jan  1 00:00:00 1970"


def to_mbox(files, path):
    with open(path, "wb") as out:
        for n, name in enumerate(files):
            with open(name, "rb") as f:
                lines = f.read().replace(b"\r\n", b"\n").split(b"\n")
            # mboxrd quoting: a body line "From ..." would start a new message.
            lines = [b">" + line if re.match(rb">*From ", line) else line for line in lines]
            out.write(envelope(n).encode() + b"\n")
            out.write(b"\n".join(lines).rstrip(b"\n") + b"\n\n")


def parse_scores(value):
    value = " ".join(str(value).split())
    score, _, rules = value.partition(" ")
    hits = {}
    for item in filter(None, rules.replace(" ", "").split(",")):
        name, _, points = item.partition("=")
        hits[name] = float(points or 0)
    return float(score), hits


def subject_of(path):
    try:
        with open(path, "rb") as f:
            return str(BytesParser(policy=policy.default).parse(f)["Subject"] or "")
    except Exception:
        return ""


def main(files):
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="grillplatz-spam.")
    try:
        source, checked, prefs = (os.path.join(tmp, n) for n in ("in.mbox", "out.mbox", "user_prefs"))
        to_mbox(files, source)
        open(prefs, "w").close()
        cmd = [
            "spamassassin", "-L", "-t", "--mbox", "-p", prefs,
            "--cf", "use_bayes 0", "--cf", "bayes_auto_learn 0", "--cf", "report_safe 0",
            "--cf", SCORES_HEADER,
        ]
        # Its own HOME for its user state (nothing is learnt with Bayes off anyway).
        # SpamAssassin 4 still makes an empty ~/.spamassassin as its "global state dir".
        env = dict(os.environ, HOME=tmp)
        with open(source, "rb") as stdin, open(checked, "wb") as stdout:
            res = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=600)
        if res.returncode != 0:
            print(f"spamassassin exited with {res.returncode}: {res.stderr.decode(errors='replace')[-2000:]}", file=sys.stderr)
            return 1
        by_envelope = {f"From {m.get_from()}": m for m in mailbox.mbox(checked)}
        out = []
        for n, name in enumerate(files):
            result = {"mail": name, "subject": subject_of(name), "score": None, "rules": {}}
            msg = by_envelope.get(envelope(n))
            header = msg.get("X-Spam-Scores") if msg is not None else None
            if msg is None:
                result["error"] = "SpamAssassin did not give it back"
            elif header is None:
                result["error"] = "SpamAssassin added no score"
            else:
                result["score"], result["rules"] = parse_scores(header)
            out.append(result)
        json.dump(out, sys.stdout, ensure_ascii=False)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
