"""An SMTP listener that accepts every message and counts them (for tests/bench/outbox.sh).
Python 3.11's smtpd; prints the count to the file given as the second argument on exit."""
import signal
import socket
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import asyncore  # noqa: E402
import smtpd  # noqa: E402

count = 0


class Sink(smtpd.SMTPServer):
    def handle_accepted(self, conn, addr):
        # Replies go out at once (it made no difference to the first measurement).
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().handle_accepted(conn, addr)

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        global count
        count += 1


def stop(*_):
    with open(sys.argv[2], "w") as f:
        f.write(str(count))
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
sink = Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
# smtpd listens with a backlog of 5: sixteen workers connecting at once overflow it and
# the last connections hang. A relay such as Postfix uses 100 or more.
sink.listen(128)
asyncore.loop()
