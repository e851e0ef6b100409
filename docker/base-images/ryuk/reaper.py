#!/usr/bin/python3
"""Testcontainers' resource reaper, the part of its protocol Testcontainers for Java uses.

A client connects to TCP port RYUK_PORT (8080) and sends lines of filters in URL query form, e.g.
``label=org.testcontainers.sessionId%3D1234``; each line is acknowledged with ``ACK``. The client keeps
its connection open while it runs. Once every client has disconnected and none reconnects within
RYUK_RECONNECTION_TIMEOUT (10 s), or none connects at all within RYUK_CONNECTION_TIMEOUT (60 s), every
container, network, volume and image matching one of the filter lines is removed and the reaper exits.
"Started" on standard output tells Testcontainers it listens.
"""
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse

DOCKER_SOCKET = "/var/run/docker.sock"


def seconds(name, default):
    value = os.environ.get(name, default).strip()
    return float(value[:-1]) if value.endswith("s") else float(value)


class DockerConnection(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost", timeout=60)

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(60)
        self.sock.connect(DOCKER_SOCKET)


def docker(method, path):
    connection = DockerConnection()
    try:
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        return response.status, json.loads(body) if body else None
    finally:
        connection.close()


class Reaper:
    def __init__(self):
        self.lock = threading.Condition()
        self.filters = set()
        self.clients = 0
        self.ever_connected = False
        self.last_disconnect = time.monotonic()

    def serve(self, client):
        with self.lock:
            self.clients += 1
            self.ever_connected = True
        try:
            reader = client.makefile("r", encoding="utf-8", newline="\n")
            for line in reader:
                line = line.strip()
                if not line:
                    continue
                pairs = tuple(sorted(urllib.parse.parse_qsl(line, keep_blank_values=True)))
                with self.lock:
                    self.filters.add(pairs)
                client.sendall(b"ACK\n")
        except OSError:
            pass
        finally:
            client.close()
            with self.lock:
                self.clients -= 1
                self.last_disconnect = time.monotonic()
                self.lock.notify_all()

    def await_done(self, connection_timeout, reconnection_timeout):
        started = time.monotonic()
        with self.lock:
            while True:
                now = time.monotonic()
                if not self.ever_connected and now - started >= connection_timeout:
                    return
                if self.ever_connected and self.clients == 0 and now - self.last_disconnect >= reconnection_timeout:
                    return
                self.lock.wait(0.5)

    def prune(self):
        own = socket.gethostname()
        for pairs in self.filters:
            query = {}
            for key, value in pairs:
                query.setdefault(key, []).append(value)
            encoded = urllib.parse.quote(json.dumps(query))
            for attempt in range(10):
                left = 0
                left += self.remove("/containers/json?all=1&filters=" + encoded, None,
                                    lambda c: "/containers/%s?force=1&v=1" % c["Id"],
                                    lambda c: c["Id"].startswith(own))
                left += self.remove("/networks?filters=" + encoded, None, lambda n: "/networks/%s" % n["Id"])
                left += self.remove("/volumes?filters=" + encoded, "Volumes", lambda v: "/volumes/%s" % v["Name"])
                left += self.remove("/images/json?filters=" + encoded, None, lambda i: "/images/%s?force=1" % i["Id"])
                if left == 0:
                    break
                time.sleep(1)

    @staticmethod
    def remove(list_path, key, delete_path, skip=lambda item: False):
        status, found = docker("GET", list_path)
        if status != 200:
            print("listing %s answered %s" % (list_path, status), flush=True)
            return 1
        items = (found or {}).get(key) or [] if key else found or []
        left = 0
        for item in items:
            if skip(item):
                continue
            status, _ = docker("DELETE", delete_path(item))
            if status not in (200, 204, 404):
                left += 1
            else:
                print("removed %s" % delete_path(item).split("?")[0], flush=True)
        return left


def main():
    port = int(os.environ.get("RYUK_PORT", "8080"))
    connection_timeout = seconds("RYUK_CONNECTION_TIMEOUT", "60s")
    reconnection_timeout = seconds("RYUK_RECONNECTION_TIMEOUT", "10s")
    reaper = Reaper()
    server = socket.create_server(("", port), family=socket.AF_INET6, dualstack_ipv6=True) \
        if socket.has_dualstack_ipv6() else socket.create_server(("", port))

    def accept():
        while True:
            client, _ = server.accept()
            threading.Thread(target=reaper.serve, args=(client,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    print("Started on port %d" % port, flush=True)
    reaper.await_done(connection_timeout, reconnection_timeout)
    reaper.prune()
    print("Done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
