#!/bin/bash
# Container health check without curl or wget: exits 0 when GET http://127.0.0.1:$SERVER_PORT<path>
# answers 200, e.g. `healthcheck /actuator/health/readiness`. Spring Boot's health endpoint answers
# 503 while a component in the group is DOWN, so the status line is all the check needs to read.
set -euo pipefail

path="${1:-/actuator/health}"
port="${SERVER_PORT:?SERVER_PORT is not set}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status <&3
[[ "${status}" == "HTTP/1.1 200"* ]]
