# Integration-test harness for carapace: source it from tests/integration/*.sh.
#
# It speaks TAP on stdout (tests/run parses it) and owns everything a test file
# creates: a fresh temp dir, a fresh state root, bundles, and their cleanup on exit.
#
# Variables (set on sourcing; override from the environment where noted):
#   TOP          repo top (source files: tests/lib, tests/integration)
#   BUILD_DIR    where the built artefacts are (env; default: $TOP, the in-tree build)
#   CARAPACE     the runtime binary (env; default: $BUILD_DIR/src/carapace)
#   PROBE        the static probe helper (env; default: $BUILD_DIR/tests/probe/probe)
#   TEST_ROOTFS  prepared rootfs template (busybox, /probe, /etc/passwd+group); never write into it
#   TEST_TMP     fresh temp dir of this test file; the harness cd's into it, removed on exit
#   TEST_FILE_DIR  absolute directory of the test file (for its data files: the cwd changed)
#   STATE_ROOT   fresh state dir of this test file, passed as --root by `carapace`
#
# Functions:
#   make_bundle DIR [JQ_FILTER]   bundle with a private rootfs copy and the baseline config
#   carapace ARGS...              $CARAPACE --root "$STATE_ROOT" ARGS...
#   test_case NAME                start a test; end it with pass, fail MSG or skip REASON
#   expect_eq EXPECTED SEEN WHAT  pass if equal, else fail "WHAT: expected ..., saw ..."
#   assert_no_leftovers [NAME]    a test: no mounts, containers or processes left in our dirs
#   require_root                  skip the whole file unless root
#   skip_all REASON               skip the whole file (TAP "1..0 # SKIP REASON")
#   cleanup_all                   force-delete containers, kill, unmount, remove (runs on EXIT)
#
# Call pass/fail/skip from the top-level shell, not from a ( subshell ) or a pipeline:
# the counters live in this shell.

# --- locations -----------------------------------------------------------------
TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
BUILD_DIR=${BUILD_DIR:-$TOP}
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
CARAPACE=${CARAPACE:-$BUILD_DIR/src/carapace}
PROBE=${PROBE:-$BUILD_DIR/tests/probe/probe}
HARNESS_DIR=$TOP/tests/lib
TEST_FILE_DIR=$(cd "$(dirname "${BASH_SOURCE[1]:-$0}")" && pwd)
BASELINE_CONFIG=$HARNESS_DIR/baseline-config.json
# The rootfs cache lives next to the build, so that two build dirs never fight over it.
TEST_WORK=${TEST_WORK:-$BUILD_DIR/tests/work}
TEST_ROOTFS=$TEST_WORK/rootfs

# --- TAP state -------------------------------------------------------------------
harness_count=0
harness_failed=0
harness_current=
harness_open=0
harness_skipped_all=0
harness_bundles=()

# Print MSG as TAP diagnostic lines ("# ...").
harness_diag() {
	local line
	while IFS= read -r line; do
		printf '# %s\n' "$line"
	done <<<"$*"
}

# Close the open test with RESULT ("ok" or "not ok") and an optional directive.
harness_close() {
	local result=$1 directive=${2:-}
	harness_count=$((harness_count + 1))
	if [[ -n $directive ]]; then
		printf '%s %d - %s # %s\n' "$result" "$harness_count" "$harness_current" "$directive"
	else
		printf '%s %d - %s\n' "$result" "$harness_count" "$harness_current"
	fi
	[[ $result == "not ok" ]] && harness_failed=$((harness_failed + 1))
	harness_open=0
	harness_current=
}

# A verdict without test_case is a bug in the test file: report it as a failure.
harness_require_open() {
	if ((harness_open == 0)); then
		harness_current="${1} called outside a test_case"
		harness_open=1
	fi
}

test_case() {
	if ((harness_open)); then
		harness_diag "test ended without pass, fail or skip"
		harness_close "not ok"
	fi
	harness_current=$*
	harness_open=1
}

pass() {
	harness_require_open pass
	harness_close "ok"
}

# The diagnostic comes before its "not ok" line, as in tests/unit/unit.h.
fail() {
	harness_require_open fail
	harness_diag "$harness_current: ${*:-failed}"
	harness_close "not ok"
}

skip() {
	harness_require_open skip
	harness_close "ok" "SKIP ${*:-skipped}"
}

expect_eq() {
	local expected=$1 seen=$2 what=${3:-value}
	if [[ $expected == "$seen" ]]; then
		pass
	else
		fail "$what: expected '$expected', saw '$seen'"
	fi
}

skip_all() {
	harness_skipped_all=1
	printf '1..0 # SKIP %s\n' "$*"
	exit 0
}

require_root() {
	((EUID == 0)) || skip_all "needs root"
}

# Abort the file: tests/run reports a suite that bails out as crashed.
harness_bail() {
	printf 'Bail out! %s\n' "$*"
	harness_skipped_all=1
	exit 1
}

# --- the runtime -------------------------------------------------------------------
carapace() {
	"$CARAPACE" --root "$STATE_ROOT" "$@"
}

# --- the rootfs template -------------------------------------------------------------

# Fill DIR with busybox (applet links in /bin), the probe and a minimal /etc.
harness_populate_rootfs() {
	local dir=$1 busybox applet
	busybox=$(command -v busybox) || { echo "busybox not found (apt-get install busybox-static)" >&2; return 1; }
	mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,etc,root,proc,sys,dev,run,tmp,var/tmp} || return 1
	chmod 1777 "$dir/tmp" "$dir/var/tmp" || return 1
	chmod 0700 "$dir/root" || return 1
	cp "$busybox" "$dir/bin/busybox" || return 1
	for applet in $("$busybox" --list); do
		[[ $applet == busybox || -e $dir/bin/$applet ]] || ln -s busybox "$dir/bin/$applet" || return 1
	done
	install -m 0755 "$PROBE" "$dir/probe" || return 1
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$dir/etc/passwd"
	printf 'root:x:0:\nnobody:x:65534:\n' >"$dir/etc/group"
	: >"$dir/etc/hosts"
	: >"$dir/etc/resolv.conf"
	: >"$dir/etc/hostname"
}

# Build the template once per run; rebuild it when the probe binary changes.
# A lock and a rename make concurrent test files see either no template or a whole one.
ensure_test_rootfs() {
	[[ -x $PROBE ]] || { echo "probe helper not built: $PROBE (run make check-programs)" >&2; return 1; }
	if [[ -f $TEST_ROOTFS/probe ]] && cmp -s "$PROBE" "$TEST_ROOTFS/probe"; then
		return 0
	fi
	mkdir -p "$TEST_WORK" || return 1
	(
		flock 9 || exit 1
		if [[ -f $TEST_ROOTFS/probe ]] && cmp -s "$PROBE" "$TEST_ROOTFS/probe"; then
			exit 0
		fi
		tmp=$(mktemp -d "$TEST_WORK/rootfs.new.XXXXXX") || exit 1
		chmod 0755 "$tmp"
		harness_populate_rootfs "$tmp" || { rm -rf "$tmp"; exit 1; }
		rm -rf "$TEST_ROOTFS" && mv "$tmp" "$TEST_ROOTFS"
	) 9>"$TEST_WORK/rootfs.lock"
}

make_bundle() {
	local dir=$1 filter=${2:-}
	[[ -n $dir ]] || { echo "make_bundle: missing DIR" >&2; return 1; }
	mkdir -p "$dir" || return 1
	dir=$(cd "$dir" && pwd) || return 1
	if [[ -e $dir/rootfs || -e $dir/config.json ]]; then
		echo "make_bundle: $dir already holds a bundle" >&2
		return 1
	fi
	harness_bundles+=("$dir")
	ensure_test_rootfs || return 1
	cp -a "$TEST_ROOTFS" "$dir/rootfs" || return 1
	if [[ -n $filter ]]; then
		jq "$filter" "$BASELINE_CONFIG" >"$dir/config.json" || {
			echo "make_bundle: jq filter failed: $filter" >&2
			return 1
		}
	else
		cp "$BASELINE_CONFIG" "$dir/config.json" || return 1
	fi
}

# --- leftovers ---------------------------------------------------------------------

# Directories this test file owns: its temp dir and every bundle it made.
harness_owned_dirs() {
	printf '%s\n' "$TEST_TMP" "${harness_bundles[@]}"
}

# True when PATH is DIR or below one of the owned dirs.
harness_is_owned_path() {
	local path=$1 dir
	while IFS= read -r dir; do
		[[ -n $dir ]] || continue
		[[ $path == "$dir" || $path == "$dir"/* ]] && return 0
	done < <(harness_owned_dirs)
	return 1
}

# Mount points (of this mount namespace) inside the owned dirs, deepest first.
harness_leftover_mounts() {
	local target
	while read -r _ _ _ _ target _; do
		target=$(printf '%b' "${target//\\/\\0}")
		harness_is_owned_path "$target" && printf '%s\n' "$target"
	done </proc/self/mountinfo | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-
}

# Container ids (directories) left in the state root.
harness_leftover_containers() {
	[[ -d $STATE_ROOT ]] || return 0
	find "$STATE_ROOT" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null
}

# "dev:ino" of each bundle rootfs and of every executable file in it: a container
# process after pivot_root shows "/" as its root, but its root and exe keep their inodes.
harness_owned_inodes() {
	local dir
	for dir in "${harness_bundles[@]}"; do
		[[ -d $dir/rootfs ]] || continue
		stat -c '%d:%i' "$dir/rootfs"
		find "$dir/rootfs" -xdev -type f -perm -u+x -printf '%D:%i\n' 2>/dev/null
	done | sort -u
}

# PIDs (other than this shell) whose cwd, root or executable is in the owned dirs.
# The scan runs from / so that its own helper processes are not in our dirs.
harness_leftover_pids() {
	local inodes self=$$ caller=${BASHPID:-$$}
	inodes=$(harness_owned_inodes)
	(
		cd / || exit 1
		{
			harness_pids_by_path
			[[ -n $inodes ]] && harness_pids_by_inode "$inodes"
		} | sort -un | grep -vx -e "$self" -e "$caller"
	)
}

# PIDs whose cwd or root path (as this shell sees it) is in the owned dirs.
harness_pids_by_path() {
	local pid target
	find /proc -mindepth 2 -maxdepth 2 \( -name cwd -o -name root \) -printf '%h %l\n' 2>/dev/null |
		while read -r pid target; do
			harness_is_owned_path "$target" && printf '%s\n' "${pid#/proc/}"
		done
}

# PIDs whose root, cwd or executable is one of the "dev:ino" INODES.
harness_pids_by_inode() {
	local inodes=$1 link
	for link in /proc/[0-9]*/root /proc/[0-9]*/exe /proc/[0-9]*/cwd; do
		printf '%s\n' "$link"
	done | xargs -r stat -L -c '%d:%i %n' 2>/dev/null |
		awk -v inodes="$inodes" '
			BEGIN { n = split(inodes, a, "\n"); for (i = 1; i <= n; i++) own[a[i]] = 1 }
			own[$1] { split($2, p, "/"); print p[3] }'
}

assert_no_leftovers() {
	test_case "${1:-no leftover mounts, containers or processes}"
	local mounts containers pids tries
	for tries in 1 2 3 4 5 6 7 8 9 10; do
		pids=$(harness_leftover_pids)
		[[ -z $pids ]] && break
		sleep 0.1
	done
	mounts=$(harness_leftover_mounts)
	containers=$(harness_leftover_containers)
	if [[ -z $mounts && -z $containers && -z $pids ]]; then
		pass
		return
	fi
	local msg="expected nothing left behind, saw"
	[[ -n $mounts ]] && msg+=$'\n'"mounts: $(echo $mounts)"
	[[ -n $containers ]] && msg+=$'\n'"containers in $STATE_ROOT: $(echo $containers)"
	[[ -n $pids ]] && msg+=$'\n'"processes: $(for p in $pids; do printf '%s(%s) ' "$p" "$(cat /proc/$p/comm 2>/dev/null)"; done)"
	fail "$msg"
}

# --- cleanup -------------------------------------------------------------------------

cleanup_all() {
	local id pid target dir
	if [[ -x $CARAPACE && -d ${STATE_ROOT:-} ]]; then
		for id in $(harness_leftover_containers); do
			timeout 20 "$CARAPACE" --root "$STATE_ROOT" delete --force "$id" >/dev/null 2>&1
		done
	fi
	for pid in $(harness_leftover_pids); do
		kill -KILL "$pid" 2>/dev/null
	done
	while IFS= read -r target; do
		[[ -n $target ]] && umount -l "$target" 2>/dev/null
	done < <(harness_leftover_mounts)
	cd / || return
	while IFS= read -r dir; do
		[[ -n $dir && -e $dir ]] || continue
		# Never recurse into something still mounted: it could be a bind of host files.
		if [[ -n $(harness_leftover_mounts | grep -F -- "$dir") ]]; then
			echo "# cleanup: not removing $dir: mounts remain below it" >&2
			continue
		fi
		rm -rf --one-file-system -- "$dir"
	done < <(harness_owned_dirs | sort -r)
}

# Runs on exit: clean up, print the plan, and exit 1 if any test failed.
harness_finish() {
	local status=$?
	trap - EXIT
	cleanup_all
	((harness_skipped_all)) && exit "$status"
	if ((harness_open)); then
		harness_diag "test file exited (status $status) inside this test"
		harness_close "not ok"
	fi
	printf '1..%d\n' "$harness_count"
	((harness_failed == 0 && status == 0)) || exit 1
	exit 0
}

# --- setup on sourcing ---------------------------------------------------------------
[[ -x $CARAPACE ]] || harness_bail "carapace binary not found at $CARAPACE (set BUILD_DIR to the build directory)"
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/carapace-test.XXXXXX") || harness_bail "cannot create a temp dir"
chmod 0755 "$TEST_TMP"
STATE_ROOT=$TEST_TMP/state
mkdir -p "$STATE_ROOT"
trap harness_finish EXIT
trap 'exit 130' INT TERM
cd "$TEST_TMP" || harness_bail "cannot enter $TEST_TMP"
