#!/bin/sh
# Build a libFuzzer target with ASan+UBSan straight from the library sources (no autotools)
# and run it for SECONDS, seeded with the config corpus.  Exit status is non-zero on any
# crash, leak or UB report; the last line is a TAP verdict.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [TARGET]     (defaults: 60 spec)
#
# A target NAME is tests/fuzz/fuzz-NAME.c plus tests/fuzz/fuzz-NAME.sources (library
# sources and -l flags, one a line) and optionally tests/fuzz/fuzz-NAME.dict.
set -eu

seconds=${1:-60}
target=${2:-spec}
top=$(cd "$(dirname "$0")/../.." && pwd)
fuzz_dir=$top/tests/fuzz
cc=${CLANG:-clang}
name=fuzz-$target

verdict () {
  echo "$1 1 - $name $2"
}

case $seconds in
  '' | *[!0-9]*) echo "run-fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;;
esac
for f in "$fuzz_dir/$name.c" "$fuzz_dir/$name.sources"; do
  if [ ! -f "$f" ]; then
    echo "run-fuzz.sh: $f: No such file" >&2
    verdict "not ok" "cannot be built"
    exit 2
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/carapace-$name.XXXXXX")
keep_work=no
cleanup () {
  if [ "$keep_work" = no ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

# The library includes "config.h"; the sanitizer build only needs the GNU extensions from it.
printf '#define _GNU_SOURCE 1\n#define HAVE_SECCOMP 1\n' > "$work/config.h"

sources=
libs=
while IFS= read -r line; do
  case $line in
    '' | '#'*) ;;
    -*) libs="$libs $line" ;;
    *) sources="$sources $top/$line" ;;
  esac
done < "$fuzz_dir/$name.sources"

# shellcheck disable=SC2086 # word splitting of the source and library lists is intended
if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
     -I"$work" -I"$top" -I"$top/libcontainer" -o "$work/$name" "$fuzz_dir/$name.c" $sources $libs; then
  verdict "not ok" "cannot be built"
  exit 1
fi

mkdir "$work/corpus"
for f in "$top"/tests/unit/configs/valid/*.json "$top"/tests/unit/configs/invalid/*.json; do
  [ -f "$f" ] && cp "$f" "$work/corpus/"
done

dict=
if [ -f "$fuzz_dir/$name.dict" ]; then dict=-dict=$fuzz_dir/$name.dict; fi

# halt_on_error makes UBSan reports fatal even for checks built recoverable.
status=0
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
  "$work/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/" $dict "$work/corpus" > "$work/log" 2>&1 || status=$?
tail -n 25 "$work/log"

if [ "$status" -ne 0 ] || grep -q -e 'runtime error:' -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' "$work/log"; then
  keep_work=yes
  echo "# finding kept in $work (log: $work/log; crash inputs: $work/crash-*, leak-*, timeout-*)"
  verdict "not ok" "found a problem in $seconds s"
  exit 1
fi
verdict "ok" "ran $seconds s without a finding"
