#!/bin/bash
# The command line: help, usage errors, version, unknown commands, unimplemented commands.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"

# Run carapace with ARGS; leave its stdout, stderr and status in OUT, ERR and STATUS.
run_cli() {
	OUT=$(carapace "$@" 2>"$TEST_TMP/stderr")
	STATUS=$?
	ERR=$(cat "$TEST_TMP/stderr")
}

# The command names listed by `carapace --help`, one a line.
listed_commands() {
	carapace --help | sed -n '/^commands:/,$p' | awk 'NR > 1 && NF { print $1 }'
}

test_case "--help exits 0 and prints the usage line"
run_cli --help
if [[ $STATUS != 0 ]]; then
	fail "expected exit 0, saw $STATUS (stderr: $ERR)"
elif [[ $OUT != *"usage: carapace"* ]]; then
	fail "expected 'usage: carapace' on stdout, saw: $OUT"
else
	pass
fi

test_case "Go-style -help works like --help"
run_cli -help
expect_eq 0 "$STATUS" "exit status of carapace -help"

test_case "--help lists the commands"
commands=$(listed_commands)
if [[ -z $commands ]]; then
	fail "expected a 'commands:' section in --help, saw: $(carapace --help)"
else
	pass
fi

for cmd in $commands; do
	test_case "$cmd --help exits 0 and prints its usage line"
	run_cli "$cmd" --help
	if [[ $STATUS != 0 ]]; then
		fail "expected exit 0, saw $STATUS (stderr: $ERR)"
	elif [[ $OUT != *"usage: carapace $cmd"* ]]; then
		fail "expected 'usage: carapace $cmd' on stdout, saw: $OUT"
	else
		pass
	fi
done

test_case "no command exits 1 and shows the help"
run_cli
if [[ $STATUS != 1 ]]; then
	fail "expected exit 1, saw $STATUS"
elif [[ "$OUT$ERR" != *"usage: carapace"* ]]; then
	fail "expected a usage line, saw stdout: $OUT stderr: $ERR"
else
	pass
fi

test_case "unknown global flag exits 1 and names the flag"
run_cli --no-such-flag list
if [[ $STATUS != 1 ]]; then
	fail "expected exit 1, saw $STATUS"
elif [[ $ERR != *"--no-such-flag"* ]]; then
	fail "expected stderr to name --no-such-flag, saw: $ERR"
else
	pass
fi

test_case "unknown global flag prints a usage line"
run_cli --no-such-flag list
if [[ $ERR != *"usage: carapace"* ]]; then
	fail "expected 'usage: carapace' on stderr, saw: $ERR"
else
	pass
fi

test_case "unknown command flag exits 1 with the command's usage line"
run_cli state --no-such-flag some-id
if [[ $STATUS != 1 ]]; then
	fail "expected exit 1, saw $STATUS"
elif [[ $ERR != *"--no-such-flag"* || $ERR != *"usage: carapace state"* ]]; then
	fail "expected stderr to name --no-such-flag and show 'usage: carapace state', saw: $ERR"
else
	pass
fi

test_case "errors go to stderr, not stdout"
run_cli state --no-such-flag some-id
expect_eq "" "$OUT" "stdout of a usage error"

test_case "unknown command exits 1 and names the command"
run_cli no-such-command
if [[ $STATUS != 1 ]]; then
	fail "expected exit 1, saw $STATUS"
elif [[ $ERR != *"no-such-command"* ]]; then
	fail "expected stderr to name no-such-command, saw: $ERR"
else
	pass
fi

test_case "--log-format rejects an unknown format, naming it"
run_cli --log-format yaml list
if [[ $STATUS != 1 || $ERR != *yaml* ]]; then
	fail "expected exit 1 and 'yaml' in stderr, saw exit $STATUS, stderr: $ERR"
else
	pass
fi

test_case "--root rejects an empty path"
OUT=$("$CARAPACE" --root "" list 2>&1)
STATUS=$?
if [[ $STATUS != 1 || $OUT != *--root* ]]; then
	fail "expected exit 1 and a message naming --root, saw exit $STATUS: $OUT"
else
	pass
fi

for flag in --version -v -version; do
	test_case "$flag exits 0 with the version, spec version and build features"
	run_cli "$flag"
	if [[ $STATUS != 0 ]]; then
		fail "expected exit 0, saw $STATUS (stderr: $ERR)"
	elif ! grep -Eq '^carapace version [0-9]+\.[0-9]+\.[0-9]+' <<<"$OUT"; then
		fail "expected 'carapace version X.Y.Z', saw: $OUT"
	elif ! grep -Eq '^spec: 1\.[0-9]+\.[0-9]+' <<<"$OUT"; then
		fail "expected 'spec: 1.x.y', saw: $OUT"
	elif ! grep -Eq '(^| )[+-]SECCOMP( |$)' <<<"$OUT"; then
		fail "expected a +SECCOMP or -SECCOMP feature flag, saw: $OUT"
	else
		pass
	fi
done

# checkpoint/restore are out of scope for carapace: they must refuse clearly.
for cmd in checkpoint restore; do
	test_case "$cmd exits non-zero with a message naming it"
	run_cli "$cmd" some-id
	if [[ $STATUS == 0 ]]; then
		fail "expected a non-zero exit, saw 0 (stdout: $OUT)"
	elif [[ $ERR != *"$cmd"* ]]; then
		fail "expected stderr to name $cmd, saw: $ERR"
	else
		pass
	fi
done

# Commands that take a container id must refuse to run without one.
for cmd in state start delete kill pause resume ps events exec create run update; do
	test_case "$cmd without a container id exits 1 with its usage line"
	run_cli "$cmd"
	if [[ $ERR == *"not implemented"* ]]; then
		skip "$cmd is not implemented yet"
	elif [[ $STATUS != 1 ]]; then
		fail "expected exit 1, saw $STATUS (stderr: $ERR)"
	elif [[ $ERR != *"usage: carapace $cmd"* ]]; then
		fail "expected 'usage: carapace $cmd' on stderr, saw: $ERR"
	else
		pass
	fi
done

test_case "an operation on a missing container exits 1 and names it"
run_cli state no-such-container
if [[ $ERR == *"not implemented"* ]]; then
	skip "state is not implemented yet"
elif [[ $STATUS != 1 || $ERR != *no-such-container* ]]; then
	fail "expected exit 1 and 'no-such-container' in stderr, saw exit $STATUS: $ERR"
else
	pass
fi

assert_no_leftovers
