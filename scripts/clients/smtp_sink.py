"""An SMTP server for scripts/check-clients: every message it receives becomes one
.eml file in a folder, so the checks read exactly what went over SMTP.

    python -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.EmlFolder FOLDER
"""
import itertools
import os
import time

_counter = itertools.count()


class EmlFolder:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.EmlFolder needs the folder to write to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(_counter)}.eml"
        partial = os.path.join(self.folder, f".{name}.part")
        # Written aside and renamed, so a reader never sees half a message.
        with open(partial, "wb") as f:
            f.write(envelope.original_content)
        os.replace(partial, os.path.join(self.folder, name))
        return "250 Message accepted"
