#!/usr/bin/env bash
# docs/nginx/liangxin.conf tested: Debian's nginx with a self-signed
# certificate in front of `liangxin serve --set secure_cookies=true`; plain
# HTTP redirects to HTTPS, the admin signs in through TLS, the session cookie
# is Secure and HttpOnly, the signed-in session answers through the proxy, and
# nginx shows no version. Usage: nginx_tls.sh LIANGXIN_BINARY. Exit 77
# (skipped) without /usr/sbin/nginx (scripts/install-deps.sh installs it).
set -euo pipefail
bin=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
NGINX=${NGINX:-/usr/sbin/nginx}
[ -x "$NGINX" ] || { echo "nginx_tls: $NGINX not found; skipped"; exit 77; }
command -v openssl >/dev/null && command -v curl >/dev/null || { echo "nginx_tls: needs openssl and curl; skipped"; exit 77; }

dir=$(mktemp -d /tmp/lx-nginx-XXXXXX)
lx_pid="" ngx_pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$ngx_pid" ] && kill "$ngx_pid" 2>/dev/null && wait "$ngx_pid" 2>/dev/null
  [ -n "$lx_pid" ] && kill "$lx_pid" 2>/dev/null && wait "$lx_pid" 2>/dev/null
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
fail() { echo "nginx_tls: FAIL: $*"; echo "--- nginx error.log"; cat "$dir/error.log" 2>/dev/null; echo "--- serve log"; tail -20 "$dir/serve.log"; exit 1; }

db="sqlite:$dir/t.db"
sets=(--set "key_file=$dir/liangxin.key")
"$bin" migrate --db "$db" >/dev/null
echo 'Admin#2024pass' | "$bin" user add --db "$db" --login admin --role admin --name 管理员 --no-force-change "${sets[@]}" >/dev/null
mkdir -p "$dir/web" && echo '<!doctype html><title>两新</title>' >"$dir/web/index.html"
"$bin" serve --db "$db" --listen 127.0.0.1:0 --port-file "$dir/port" --web "$dir/web" --set secure_cookies=true "${sets[@]}" \
  >"$dir/serve.log" 2>&1 &
lx_pid=$!
for _ in $(seq 300); do [ -s "$dir/port" ] && break; sleep 0.1; done
port=$(cat "$dir/port") || fail "the server wrote no port"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
tls=$((20000 + RANDOM % 20000)); plain=$((tls + 1))
# The sample as shipped, with this run's ports, loopback and certificate.
sed -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$port;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$tls ssl http2;#" -e "s#listen 80;#listen 127.0.0.1:$plain;#" \
    -e "/listen \[::\]/d" \
    -e "s#/etc/ssl/liangxin/fullchain.pem#$dir/cert.pem#" -e "s#/etc/ssl/liangxin/privkey.pem#$dir/key.pem#" \
    "$src/docs/nginx/liangxin.conf" >"$dir/site.conf"
grep -q "127.0.0.1:$port" "$dir/site.conf" && grep -q "$dir/cert.pem" "$dir/site.conf" || fail "the sample config changed shape"
user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$dir/nginx.conf" <<EOF
$user
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
  access_log $dir/access.log;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  include $dir/site.conf;
}
EOF
"$NGINX" -t -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/nginx-t.log" 2>&1 || { cat "$dir/nginx-t.log"; fail "nginx -t"; }
"$NGINX" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
ngx_pid=$!
base="https://127.0.0.1:$tls"
for _ in $(seq 300); do curl -sk -o /dev/null "$base/api/v1/health" && break; kill -0 "$ngx_pid" 2>/dev/null || break; sleep 0.1; done
curl -sk -o /dev/null "$base/api/v1/health" || fail "nginx did not come up on $base"

code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$plain/x") || fail "plain HTTP port $plain"
[ "$code" = "301 https://127.0.0.1/x" ] || fail "plain HTTP answered '$code', not a redirect to HTTPS"

curl -sk -D "$dir/login.h" -c "$dir/jar" -o "$dir/login.json" -H 'Content-Type: application/json' \
  -d '{"login":"admin","password":"Admin#2024pass"}' "$base/api/v1/session"
sed -i 's/\r$//' "$dir/login.h"
head -1 "$dir/login.h" | grep -q " 200" || fail "login through nginx: $(head -1 "$dir/login.h") $(cat "$dir/login.json")"
cookie=$(grep -i '^set-cookie: lx_session=' "$dir/login.h") || fail "no session cookie"
echo "$cookie" | grep -q '; Secure' || fail "the session cookie is not Secure: $cookie"
echo "$cookie" | grep -qi 'HttpOnly' || fail "the session cookie is not HttpOnly: $cookie"
grep -qi '^strict-transport-security:' "$dir/login.h" || fail "no HSTS header"
grep -qi '^server: nginx$' "$dir/login.h" || fail "the Server header shows more than 'nginx': $(grep -i '^server:' "$dir/login.h")"
grep -qi '^content-security-policy:' "$dir/login.h" || fail "Liangxin's security headers did not pass the proxy"

me=$(curl -sk -b "$dir/jar" -w ' %{http_code}' "$base/api/v1/session")
case "$me" in *'"admin"'*' 200') ;; *) fail "the session through nginx: $me" ;; esac
echo "nginx_tls: ok (nginx $("$NGINX" -v 2>&1 | sed 's#.*/##'), TLS on 127.0.0.1:$tls → liangxin on 127.0.0.1:$port)"
