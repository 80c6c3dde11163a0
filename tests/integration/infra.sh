#!/bin/bash
# The test infrastructure itself: the probe helper, the harness's TAP and leftover checks,
# and the baseline bundle (run under runc, the reference runtime).
source "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"

# Run the probe with no fds other than 0, 1, 2 and those in KEEP_FDS, whatever this
# shell inherited.
probe_with_clean_fds() {
	(
		for fd in /proc/$BASHPID/fd/*; do
			fd=${fd##*/}
			((fd > 2)) && [[ " ${KEEP_FDS:-} " != *" $fd "* ]] && eval "exec $fd>&-"
		done
		exec "$PROBE" "$@"
	)
}

test_case "probe report is one JSON object with every documented key"
report=$("$PROBE")
keys='["uid","gid","groups","uid_map","gid_map","caps","no_new_privs","seccomp","seccomp_filters",
  "mounts","hostname","domainname","cgroup","rlimits","lsm_label","fds","cwd","umask","pid","ppid",
  "env","oom_score_adj","personality"]'
missing=$(jq -c --argjson keys "$keys" '[$keys[] as $k | select(has($k) | not) | $k]' <<<"$report" 2>&1)
expect_eq "[]" "$missing" "keys missing from the probe report"

test_case "probe report shows this process's uid, cwd and no_new_privs"
seen=$(cd / && "$PROBE" | jq -c '[.uid, .cwd, .no_new_privs, (.caps.bounding | test("^[0-9a-f]{16}$"))]')
expect_eq "[$(id -u),\"/\",0,true]" "$seen" "uid, cwd, no_new_privs, caps format"

test_case "probe report lists mounts with target, fstype, source and options"
seen=$("$PROBE" | jq -c '[.mounts[] | select(.target == "/proc")][0] | [.fstype, (.options | length > 0)]')
expect_eq '["proc",true]' "$seen" "the /proc mount entry"

test_case "probe report gives unlimited rlimits as -1"
seen=$(bash -c 'ulimit -S -c unlimited 2>/dev/null; ulimit -H -c unlimited 2>/dev/null; exec "$0"' "$PROBE" | jq -c '.rlimits.RLIMIT_CORE')
expect_eq "[-1,-1]" "$seen" "RLIMIT_CORE after ulimit -c unlimited"

test_case "probe escapes quotes, backslashes, control bytes and invalid UTF-8 in JSON"
weird=$'a"b\\c\nd\te\x01f'
seen=$(env -i "WEIRD=$weird" "BAD=$(printf 'x\xffy')" "$PROBE" | jq -r '.env[]' 2>&1)
expected=$(printf 'WEIRD=%s\nBAD=x\u00ffy' "$weird")
expect_eq "$expected" "$seen" "env as decoded by jq"

test_case "probe exit N exits with N"
"$PROBE" exit 7
expect_eq 7 $? "exit status"

test_case "probe write prints ok and creates the file"
seen=$("$PROBE" write "$TEST_TMP/written"; echo "status $?")
expect_eq "ok status 0 probe" "$(echo $seen) $(cat "$TEST_TMP/written" 2>/dev/null)" "output, status and content"

test_case "probe write prints the errno name and exits 1 on failure"
seen=$("$PROBE" write "$TEST_TMP/no/such/dir/file"; echo "status $?")
expect_eq "ENOENT status 1" "$(echo $seen)" "output and status"

test_case "probe read prints the content"
echo "hello" >"$TEST_TMP/readme"
expect_eq "hello" "$("$PROBE" read "$TEST_TMP/readme")" "content"

test_case "probe exec runs the program and reports failures by errno name"
seen="$("$PROBE" exec /bin/echo hi) / $("$PROBE" exec "$TEST_TMP/missing"; echo "status $?")"
expect_eq "hi / ENOENT
status 1" "$seen" "exec output"

test_case "probe syscall reports ok or an errno name, and rejects unknown names"
"$PROBE" syscall no-such-call 2>/dev/null
status=$?
seen=$("$PROBE" syscall setns)
expect_eq "EBADF 2" "$seen $status" "setns(-1) result and status of an unknown name"

test_case "probe fdcheck exits 0 with only stdio open"
seen=$(probe_with_clean_fds fdcheck; echo "status $?")
expect_eq "status 0" "$seen" "fdcheck output"

test_case "probe fdcheck lists an extra fd and exits 1"
seen=$(KEEP_FDS=7 probe_with_clean_fds fdcheck 7<"$TEST_TMP/readme"; echo "status $?")
expect_eq "7 $TEST_TMP/readme status 1" "$(echo $seen)" "fdcheck output"

test_case "probe signal-wait prints the signal and exits 128+N"
"$PROBE" signal-wait >"$TEST_TMP/sig.out" 2>"$TEST_TMP/sig.err" &
pid=$!
for _ in $(seq 50); do
	[[ -s $TEST_TMP/sig.err ]] && break
	sleep 0.1
done
kill -USR1 "$pid"
wait "$pid"
status=$?
expect_eq "SIGUSR1 $((128 + 10))" "$(cat "$TEST_TMP/sig.out") $status" "output and status"

test_case "make_bundle writes the baseline config with the filter applied"
make_bundle b1 '.process.args = ["/bin/true"]'
seen=$(jq -c '[.process.args, .root.readonly, .process.noNewPrivileges, .ociVersion]' b1/config.json)
expect_eq '[["/bin/true"],true,true,"1.2.0"]' "$seen" "args, readonly, noNewPrivileges, ociVersion"

test_case "make_bundle gives each bundle a private rootfs copy"
echo changed >b1/rootfs/etc/hostname
seen=$(cat "$TEST_ROOTFS/etc/hostname")
if [[ -n $seen ]]; then
	fail "expected the template's /etc/hostname to stay empty, saw '$seen'"
elif [[ ! -x b1/rootfs/probe || ! -L b1/rootfs/bin/sh ]]; then
	fail "expected /probe and /bin/sh in the bundle rootfs, saw: $(ls b1/rootfs b1/rootfs/bin | head)"
else
	pass
fi

test_case "make_bundle refuses a directory that already holds a bundle"
make_bundle b1 2>/dev/null
expect_eq 1 $? "status"

# A nested test file shows what the harness emits for each verdict and leftover.
cat >"$TEST_TMP/nested.sh" <<EOF
source "$TOP/tests/lib/harness.sh"
test_case "passes"; pass
test_case "fails"; fail "reason"
test_case "skips"; skip "because"
make_bundle nb
mkdir nb/rootfs/tmp/m && mount -t tmpfs nested-test nb/rootfs/tmp/m
(cd nb/rootfs && exec sleep 300) &
assert_no_leftovers
echo "tmp \$TEST_TMP"
EOF
nested=$(bash "$TEST_TMP/nested.sh" 2>/dev/null)
nested_status=$?
nested_tmp=$(sed -n 's/^tmp //p' <<<"$nested")

test_case "harness emits TAP verdicts, failure diagnostics before them, and the plan"
seen=$(grep -E '^(ok|not ok|1\.\.|# fails)' <<<"$nested" | head -n 4)
expect_eq "ok 1 - passes
# fails: reason
not ok 2 - fails
ok 3 - skips # SKIP because" "$seen" "nested TAP"

test_case "harness ends with the plan and exit status 1 when a test failed"
expect_eq "1..4 1" "$(tail -n 1 <<<"$nested") $nested_status" "last line and status"

test_case "assert_no_leftovers reports a mount and a process left in the bundle"
if [[ $EUID != 0 ]]; then
	skip "mounting needs root"
elif ! grep -q "^# mounts: .*/nb/rootfs/tmp/m" <<<"$nested"; then
	fail "expected a '# mounts:' line naming nb/rootfs/tmp/m, saw: $nested"
elif ! grep -q "^# processes: .*(sleep)" <<<"$nested"; then
	fail "expected a '# processes:' line naming sleep, saw: $nested"
else
	pass
fi

test_case "cleanup_all unmounts, kills and removes everything of the test file"
sleep 0.2
if [[ -z $nested_tmp ]]; then
	fail "expected the nested test to print its TEST_TMP, saw: $nested"
elif [[ -e $nested_tmp ]]; then
	fail "expected $nested_tmp removed, it still exists"
elif grep -q "$nested_tmp" /proc/self/mountinfo; then
	fail "expected no mounts under $nested_tmp, saw: $(grep "$nested_tmp" /proc/self/mountinfo)"
elif pgrep -f "^sleep 300$" >/dev/null && [[ -n $(for p in $(pgrep -f "^sleep 300$"); do readlink /proc/$p/cwd; done | grep -F "$nested_tmp") ]]; then
	fail "expected the nested sleep killed, it still runs"
else
	pass
fi

test_case "the baseline bundle runs the probe under runc"
if [[ $EUID != 0 ]]; then
	skip "running containers needs root"
elif ! command -v runc >/dev/null; then
	skip "runc is not installed"
else
	make_bundle b2
	report=$(runc --root "$STATE_ROOT" run --bundle b2 infra-probe </dev/null 2>"$TEST_TMP/runc.err")
	seen=$(jq -c '[.hostname, .cwd, .no_new_privs, .uid, ([.mounts[].target] | index("/proc") != null)]' <<<"$report" 2>&1)
	expect_eq '["carapace-test","/",1,0,true]' "$seen" "hostname, cwd, no_new_privs, uid, /proc mounted (runc stderr: $(cat "$TEST_TMP/runc.err"))"
	runc --root "$STATE_ROOT" delete --force infra-probe >/dev/null 2>&1
fi

assert_no_leftovers
