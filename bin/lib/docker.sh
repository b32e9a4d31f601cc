# Sourced by bin/skiff and bin/skiff-test: makes sure a Docker engine answers on
# /var/run/docker.sock, installing Debian's docker.io and starting dockerd when missing.
# The engine is shared by every kubelet on the machine; it is left running on exit.

docker_ready() {
  command -v docker >/dev/null && docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

ensure_docker() {
  docker_ready && return 0
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    say "installing the Docker engine (Debian package docker.io)"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null
  fi
  local log=/var/log/skiff-dockerd.log
  say "starting dockerd (log $log)"
  # No systemd here: run dockerd detached, so it outlives the command that started it.
  setsid nohup dockerd >>"$log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    docker_ready && { say "Docker engine $(docker version --format '{{.Server.Version}}') ready"; return 0; }
    sleep 0.5
  done
  echo "dockerd did not become ready; see $log" >&2
  return 1
}
